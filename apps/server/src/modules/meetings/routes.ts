import { z } from 'zod';
import {
  agendaItemInput,
  agendaOrderInput,
  attendanceInput,
  attendanceQuery,
  attendanceRecord,
  inviteInput,
  itemVoteInput,
  meeting,
  meetingActions,
  meetingDetail,
  meetingExportQuery,
  meetingInput,
  chineseNumeral,
  meetingQuery,
  myMeeting,
  myMeetingsQuery,
  pageOf,
  qrSignInInput,
  quorum,
  meetingReplyInput,
  type AttendanceRecord,
  type Meeting,
} from '@renda/shared';
import { actorContext, requirePermission } from '../../platform/auth.js';
import { workbook, type Column } from '../../platform/documents.js';
import { errorResponses, idParams, registerActionRoutes, sendDownload, type ModuleRoutes } from '../../platform/http.js';
import { qrPng, requestOrigin } from '../deputies/index.js';
import * as attendance from './attendance-service.js';
import { minutesDocx } from './documents.js';
import { majorMatterRoutes } from './majors-routes.js';
import { itemHasMatter } from './majors-service.js';
import * as service from './service.js';
import { registerVoteOutcomes, startVote } from './voting.js';
import { registerAuditTitles } from '../../platform/audit.js';
import { auditTitleSources } from './repository.js';

const tags = ['meetings'];
const itemParams = idParams.extend({ itemId: z.uuid('编号格式不正确') });
const attendeeParams = idParams.extend({ attendeeId: z.uuid('编号格式不正确') });
const fileParams = itemParams.extend({ fileId: z.uuid('编号格式不正确') });

const meetingColumns: Column<Meeting>[] = [
  { header: '会议名称', key: 'title', width: 36, value: (m) => m.title },
  { header: '类型', key: 'kind', width: 18, value: (m) => m.kindLabel },
  { header: '届次', key: 'term', width: 10, value: (m) => m.term },
  { header: '会次', key: 'number', width: 8, value: (m) => `第${chineseNumeral(m.number)}次` },
  { header: '开始日期', key: 'from', width: 12, value: (m) => m.from },
  { header: '结束日期', key: 'to', width: 12, value: (m) => m.to },
  { header: '地点', key: 'place', width: 24, value: (m) => m.place },
  { header: '状态', key: 'state', width: 10, value: (m) => m.stateLabel },
  { header: '应到', key: 'members', width: 8, value: (m) => m.quorum.members },
  { header: '实到', key: 'present', width: 8, value: (m) => m.quorum.present },
  { header: '请假', key: 'leave', width: 8, value: (m) => m.quorum.onLeave },
];

const attendanceColumns: Column<AttendanceRecord>[] = [
  { header: '姓名', key: 'name', width: 12, value: (r) => r.name },
  { header: '应出席（次）', key: 'expected', width: 12, value: (r) => r.expected },
  { header: '出席', key: 'present', width: 8, value: (r) => r.present },
  { header: '请假', key: 'onLeave', width: 8, value: (r) => r.onLeave },
  { header: '缺席', key: 'absent', width: 8, value: (r) => r.absent },
  { header: '列席', key: 'observed', width: 8, value: (r) => r.observed },
];

/** The link the hall's QR code opens: the member's phone page, which signs in with the code. */
export const signInLink = (origin: string, meetingId: string, code: string) =>
  `${origin}/meetings/my/${meetingId}?signIn=${encodeURIComponent(code)}`;

export const meetingRoutes: ModuleRoutes = async (app, deps) => {
  registerAuditTitles(auditTitleSources);
  const {
    database: { db },
    notifier,
    attachments,
  } = deps;
  const read = { preValidation: requirePermission('meetings.read') };
  const manage = { preValidation: requirePermission('meetings.manage') };
  const attend = { preValidation: requirePermission('meetings.attend') };

  // An agenda item's documents: staff and leaders by the meeting's scope; deputies read them through /api/my/meetings.
  registerVoteOutcomes();
  attachments.registerOwner('meeting_item', (tx, ctx, itemId) => service.itemOwner(tx, ctx, itemId));

  app.get(
    '/api/meetings',
    { ...read, schema: { tags, summary: '会议列表', querystring: meetingQuery, response: { 200: pageOf(meeting), ...errorResponses } } },
    async (request) => service.pageMeetings(db, actorContext(request), request.query),
  );
  app.get(
    '/api/meetings/export.xlsx',
    { ...read, schema: { tags, summary: '导出会议列表（Excel）', querystring: meetingExportQuery } },
    async (request, reply) =>
      sendDownload(
        reply,
        '会议列表.xlsx',
        await workbook('会议', meetingColumns, await service.listForExport(db, actorContext(request), request.query)),
      ),
  );
  app.get(
    '/api/meetings/attendance',
    {
      ...read,
      schema: {
        tags,
        summary: '组成人员年度出席情况',
        querystring: attendanceQuery,
        response: { 200: z.object({ items: z.array(attendanceRecord) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await attendance.attendanceOfYear(db, actorContext(request), request.query.bodyId, request.query.year) }),
  );
  app.get(
    '/api/meetings/attendance.xlsx',
    { ...read, schema: { tags, summary: '导出组成人员年度出席情况（Excel）', querystring: attendanceQuery } },
    async (request, reply) => {
      const { bodyId, year } = request.query;
      const rows = await attendance.attendanceOfYear(db, actorContext(request), bodyId, year);
      return sendDownload(reply, `${year}年出席情况.xlsx`, await workbook(`${year}年出席情况`, attendanceColumns, rows));
    },
  );
  app.get(
    '/api/meetings/:id',
    {
      ...read,
      schema: {
        tags,
        summary: '会议详情（议程、参会人员、法定人数）',
        params: idParams,
        response: { 200: meetingDetail, ...errorResponses },
      },
    },
    async (request) => service.getMeeting(db, actorContext(request), request.params.id),
  );
  app.get(
    '/api/meetings/:id/quorum',
    {
      ...read,
      schema: { tags, summary: '实时法定人数（按全体组成人员计算）', params: idParams, response: { 200: quorum, ...errorResponses } },
    },
    async (request) => (await service.getMeeting(db, actorContext(request), request.params.id)).quorum,
  );
  app.post(
    '/api/meetings',
    {
      ...manage,
      schema: {
        tags,
        summary: '安排会议（组成人员取自代表登记册）',
        body: meetingInput,
        response: { 201: meetingDetail, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await service.createMeeting(db, actorContext(request), request.body)),
  );
  app.put(
    '/api/meetings/:id',
    {
      ...manage,
      schema: { tags, summary: '修改会议信息', params: idParams, body: meetingInput, response: { 200: meetingDetail, ...errorResponses } },
    },
    async (request) => service.updateMeeting(db, actorContext(request), request.params.id, request.body),
  );
  registerActionRoutes(app, meetingActions, {
    tags,
    route: manage,
    response: meetingDetail,
    run: (request, id, action) => service.act(db, notifier, actorContext(request), id, action),
  });
  app.post(
    '/api/meetings/:id/publish-materials',
    {
      ...manage,
      schema: { tags, summary: '向组成人员和列席人员发布会议材料', params: idParams, response: { 200: meetingDetail, ...errorResponses } },
    },
    async (request) => service.publishMaterials(db, notifier, actorContext(request), request.params.id),
  );
  app.post(
    '/api/meetings/:id/items',
    {
      ...manage,
      schema: { tags, summary: '增加议题', params: idParams, body: agendaItemInput, response: { 201: meetingDetail, ...errorResponses } },
    },
    async (request, reply) => reply.status(201).send(await service.addItem(db, actorContext(request), request.params.id, request.body)),
  );
  app.put(
    '/api/meetings/:id/items/:itemId',
    {
      ...manage,
      schema: {
        tags,
        summary: '修改议题（发起表决前）',
        params: itemParams,
        body: agendaItemInput,
        response: { 200: meetingDetail, ...errorResponses },
      },
    },
    async (request) => service.updateItem(db, actorContext(request), request.params.id, request.params.itemId, request.body),
  );
  app.delete(
    '/api/meetings/:id/items/:itemId',
    {
      ...manage,
      schema: { tags, summary: '删除议题（发起表决前）', params: itemParams, response: { 200: meetingDetail, ...errorResponses } },
    },
    async (request) => service.deleteItem(db, actorContext(request), request.params.id, request.params.itemId, itemHasMatter),
  );
  app.put(
    '/api/meetings/:id/agenda-order',
    {
      ...manage,
      schema: {
        tags,
        summary: '调整议程顺序',
        params: idParams,
        body: agendaOrderInput,
        response: { 200: meetingDetail, ...errorResponses },
      },
    },
    async (request) => service.reorderItems(db, actorContext(request), request.params.id, request.body.itemIds),
  );
  app.post(
    '/api/meetings/:id/items/:itemId/vote',
    {
      ...manage,
      schema: {
        tags,
        summary: '对议题发起表决（赞成/反对/弃权；记名或无记名；须达到法定人数）',
        params: itemParams,
        body: itemVoteInput,
        response: { 200: meetingDetail, ...errorResponses },
      },
    },
    async (request) => startVote(db, notifier, actorContext(request), request.params.id, request.params.itemId, request.body.secret),
  );
  app.post(
    '/api/meetings/:id/invitations',
    {
      ...manage,
      schema: {
        tags,
        summary: '邀请代表列席或单位报告',
        params: idParams,
        body: inviteInput,
        response: { 200: meetingDetail, ...errorResponses },
      },
    },
    async (request) => attendance.invite(db, actorContext(request), request.params.id, request.body),
  );
  app.post(
    '/api/meetings/:id/attendees/:attendeeId/attendance',
    {
      ...manage,
      schema: {
        tags,
        summary: '工作人员代签到、登记离席、登记出席或请假',
        params: attendeeParams,
        body: attendanceInput,
        response: { 200: meetingDetail, ...errorResponses },
      },
    },
    async (request) => attendance.staffAttendance(db, actorContext(request), request.params.id, request.params.attendeeId, request.body),
  );
  app.get(
    '/api/meetings/:id/sign-in-qr.png',
    { ...manage, schema: { tags, summary: '会场签到二维码（PNG）', params: idParams } },
    async (request, reply) => {
      const row = await service.requireMeeting(db, actorContext(request), request.params.id);
      return reply
        .header('content-type', 'image/png')
        .send(await qrPng(signInLink(requestOrigin(request), row.meeting.id, row.meeting.signInCode)));
    },
  );
  app.get(
    '/api/meetings/:id/minutes.docx',
    { ...read, schema: { tags, summary: '会议纪要（Word）', params: idParams } },
    async (request, reply) => {
      const detail = await service.getMeeting(db, actorContext(request), request.params.id);
      return sendDownload(reply, `${detail.title}纪要.docx`, await minutesDocx(detail));
    },
  );

  // ---- a member's or observer's phone ----
  app.get(
    '/api/my/meetings',
    {
      ...attend,
      schema: {
        tags,
        summary: '我的会议（组成人员或列席）',
        querystring: myMeetingsQuery,
        response: { 200: z.object({ items: z.array(meeting) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await attendance.myMeetings(db, actorContext(request), request.query.show) }),
  );
  app.get(
    '/api/my/meetings/:id',
    {
      ...attend,
      schema: { tags, summary: '会议议程和材料（手机阅读）', params: idParams, response: { 200: myMeeting, ...errorResponses } },
    },
    async (request) => attendance.myMeeting(db, actorContext(request), request.params.id),
  );
  app.post(
    '/api/my/meetings/:id/reply',
    {
      ...attend,
      schema: {
        tags,
        summary: '确认出席或请假（请填写事由）',
        params: idParams,
        body: meetingReplyInput,
        response: { 200: myMeeting, ...errorResponses },
      },
    },
    async (request) => attendance.reply(db, actorContext(request), request.params.id, request.body),
  );
  app.post(
    '/api/my/meetings/:id/sign-in',
    {
      ...attend,
      schema: { tags, summary: '扫码签到', params: idParams, body: qrSignInInput, response: { 200: myMeeting, ...errorResponses } },
    },
    async (request) => attendance.qrSignIn(db, actorContext(request), request.params.id, request.body.code),
  );
  app.get(
    '/api/my/meetings/:id/items/:itemId/files/:fileId',
    { ...attend, schema: { tags, summary: '阅读会议材料', params: fileParams } },
    async (request, reply) => {
      const { id, itemId, fileId } = request.params;
      const owner = await attendance.myDocumentOwner(db, actorContext(request), id, itemId);
      const { attachment, stream } = await attachments.openOwnedBy(db, owner, fileId);
      return reply
        .header('content-type', attachment.mimeType)
        .header('x-content-type-options', 'nosniff')
        .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(attachment.fileName)}`)
        .send(stream);
    },
  );

  await majorMatterRoutes(app, deps);
};
