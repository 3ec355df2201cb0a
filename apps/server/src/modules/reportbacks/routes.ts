import type { FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import { z } from 'zod';
import {
  attendeesInput,
  pageOf,
  publicRatingInput,
  publicReportBack,
  ratingModeLabel,
  reportBack,
  reportBackActions,
  reportBackAttendee,
  reportBackComment,
  reportBackInput,
  reportBackExportQuery,
  reportBackQuery,
  type ReportBack,
  type ReportBackAttendee,
} from '@renda/shared';
import { actorContext, requestContext, requirePermission } from '../../platform/auth.js';
import { workbook, type Column } from '../../platform/documents.js';
import { errorResponses, idParams, type ModuleRoutes, registerActionRoutes, sendDownload } from '../../platform/http.js';
import { publicCodeParam, registerPerformanceSection } from '../deputies/index.js';
import * as attendees from './attendees-service.js';
import { honourRoutes } from './honours-routes.js';
import { percent, reportBackSection } from './performance.js';
import * as ratings from './ratings-service.js';
import * as service from './service.js';
import { registerAuditTitles } from '../../platform/audit.js';
import { auditTitleSources } from './repository.js';

const codeParams = z.object({ publicCode: publicCodeParam });
const tags = ['deputies'];

const exportColumns: Column<ReportBack>[] = [
  { header: '述职日期', key: 'heldOn', width: 12, value: (r) => r.heldOn },
  { header: '代表', key: 'deputyName', width: 10, value: (r) => r.deputyName },
  { header: '人大机关', key: 'bodyName', width: 20, value: (r) => r.bodyName },
  { header: '选区（选举单位）', key: 'constituency', width: 20, value: (r) => r.constituency },
  { header: '述职地点', key: 'place', width: 28, value: (r) => r.place },
  { header: '述职主题', key: 'title', width: 30, value: (r) => r.title },
  { header: '评议方式', key: 'ratingMode', width: 24, value: (r) => ratingModeLabel[r.ratingMode] },
  { header: '状态', key: 'state', width: 8, value: (r) => r.stateLabel },
  { header: '满意', key: 'satisfied', width: 8, value: (r) => r.results.counts.satisfied },
  { header: '基本满意', key: 'basically', width: 10, value: (r) => r.results.counts.basically_satisfied },
  { header: '不满意', key: 'dissatisfied', width: 8, value: (r) => r.results.counts.dissatisfied },
  { header: '满意率', key: 'rate', width: 8, value: (r) => percent(r.results.satisfactionRate) },
];

const attendeeColumns: Column<ReportBackAttendee & { no: number }>[] = [
  { header: '序号', key: 'no', width: 6, value: (a) => a.no },
  { header: '姓名', key: 'name', width: 16, value: (a) => a.name },
  { header: '手机号', key: 'phone', width: 14, value: (a) => a.phone ?? '' },
  { header: '评议码', key: 'code', width: 12, value: (a) => a.code },
  { header: '是否已评价', key: 'used', width: 10, value: (a) => (a.used ? '已评价' : '未评价') },
  { header: '签名', key: 'sign', width: 16, value: () => '' },
];

const origin = (request: FastifyRequest) => `${request.protocol}://${request.host}`;
/** The voters' rating page a report-back's QR code opens. */
export const ratingLink = (base: string, publicCode: string) => `${base}/m/reportback?code=${encodeURIComponent(publicCode)}`;

export const reportBackRoutes: ModuleRoutes = (app, deps) => {
  registerAuditTitles(auditTitleSources);
  const {
    database: { db },
    attachments,
    notifier,
  } = deps;
  const read = { preValidation: requirePermission('reportbacks.read') };
  const manage = { preValidation: requirePermission('reportbacks.manage') };
  const codeSender = (request: FastifyRequest) => ({
    notifier,
    ratingLink: (publicCode: string) => ratingLink(origin(request), publicCode),
  });

  // 晒: the results of every report-back appear in the deputy's performance file (履职档案).
  registerPerformanceSection('reportbacks', reportBackSection);
  // The deputy's written report, photos of the event, the sign-in sheet.
  attachments.registerOwner('report_back', async (tx, ctx, id) => {
    const row = await service.requireReportBack(tx, ctx, id).catch(() => null);
    return row ? { bodyId: row.reportBack.bodyId } : null;
  });

  app.get(
    '/api/reportbacks',
    {
      ...read,
      schema: { tags, summary: '回选区述职活动', querystring: reportBackQuery, response: { 200: pageOf(reportBack), ...errorResponses } },
    },
    async (request) => service.pageReportBacks(db, actorContext(request), request.query),
  );
  app.get(
    '/api/reportbacks/export.xlsx',
    { ...read, schema: { tags, summary: '导出述职活动及评议结果（Excel，最多 5000 条）', querystring: reportBackExportQuery } },
    async (request, reply) => {
      const rows = await service.listForExport(db, actorContext(request), request.query);
      return sendDownload(reply, '回选区述职.xlsx', await workbook('回选区述职', exportColumns, rows));
    },
  );
  app.get(
    '/api/reportbacks/:id',
    { ...read, schema: { tags, summary: '述职活动详情及评议结果', params: idParams, response: { 200: reportBack, ...errorResponses } } },
    async (request) => service.getReportBack(db, actorContext(request), request.params.id),
  );
  app.get(
    '/api/reportbacks/:id/ratings',
    {
      ...read,
      schema: {
        tags,
        summary: '选民评价及意见（最近 500 条，手机号已隐去中间四位）',
        params: idParams,
        response: { 200: z.object({ items: z.array(reportBackComment) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await ratings.comments(db, actorContext(request), request.params.id) }),
  );
  app.post(
    '/api/reportbacks',
    { ...manage, schema: { tags, summary: '安排回选区述职', body: reportBackInput, response: { 201: reportBack, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await service.createReportBack(db, actorContext(request), request.body)),
  );
  app.put(
    '/api/reportbacks/:id',
    {
      ...manage,
      schema: {
        tags,
        summary: '修改述职内容（评议开始前）',
        params: idParams,
        body: reportBackInput,
        response: { 200: reportBack, ...errorResponses },
      },
    },
    async (request) => service.updateReportBack(db, actorContext(request), request.params.id, request.body),
  );
  registerActionRoutes(app, reportBackActions, {
    tags,
    route: manage,
    response: reportBack,
    run: (request, id, action) => service.act(db, notifier, actorContext(request), id, action),
  });
  app.get(
    '/api/reportbacks/:id/attendees',
    {
      ...read,
      schema: {
        tags,
        summary: '到会选民名单及评议码',
        params: idParams,
        response: { 200: z.object({ items: z.array(reportBackAttendee) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await attendees.attendees(db, actorContext(request), request.params.id) }),
  );
  app.post(
    '/api/reportbacks/:id/attendees',
    {
      ...manage,
      schema: {
        tags,
        summary: '登记到会选民（名单或人数），每人生成一次性评议码；留了手机号的以短信发送评议码和评议链接',
        params: idParams,
        body: attendeesInput,
        response: {
          201: z.object({ registered: z.number().int(), skipped: z.number().int(), items: z.array(reportBackAttendee) }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await attendees.registerAttendees(db, actorContext(request), request.params.id, request.body, codeSender(request))),
  );
  app.post(
    '/api/reportbacks/:id/attendees/:attendeeId/sms',
    {
      ...manage,
      schema: {
        tags,
        summary: '重新向到会选民发送评议码短信（发往登记时的手机号）',
        params: idParams.extend({ attendeeId: z.uuid('编号格式不正确') }),
        response: { 200: reportBackAttendee, ...errorResponses },
      },
    },
    async (request) => attendees.resendCode(db, actorContext(request), request.params.id, request.params.attendeeId, codeSender(request)),
  );
  app.get(
    '/api/reportbacks/:id/attendees.xlsx',
    { ...read, schema: { tags, summary: '到会选民签到表及评议码（Excel，可打印）', params: idParams } },
    async (request, reply) => {
      const ctx = actorContext(request);
      const row = await service.requireReportBack(db, ctx, request.params.id);
      const items = await attendees.attendees(db, ctx, request.params.id);
      return sendDownload(
        reply,
        `${row.deputyName}述职签到表.xlsx`,
        await workbook(
          '签到表',
          attendeeColumns,
          items.map((a, i) => ({ ...a, no: i + 1 })),
        ),
      );
    },
  );
  app.get(
    '/api/reportbacks/:id/qr.png',
    { ...read, schema: { tags, summary: '述职评议二维码（PNG）', params: idParams } },
    async (request, reply) => {
      const row = await service.requireReportBack(db, actorContext(request), request.params.id);
      const png = await QRCode.toBuffer(ratingLink(origin(request), row.reportBack.publicCode), {
        errorCorrectionLevel: 'M',
        margin: 2,
        width: 600,
      });
      return reply
        .header('content-type', 'image/png')
        .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(`${row.deputyName}述职评议二维码.png`)}`)
        .send(png);
    },
  );

  // ---- public (no login): the voters' rating page ----
  const publicLimit = (max: number) => ({ config: { rateLimit: { max, timeWindow: '1 minute' } } });
  app.get(
    '/api/public/reportbacks/:publicCode',
    {
      ...publicLimit(60),
      schema: {
        tags,
        summary: '述职公开信息（扫码打开）',
        security: [],
        params: codeParams,
        response: { 200: publicReportBack, 404: errorResponses[404] },
      },
    },
    async (request) => ratings.publicReportBack(db, request.params.publicCode),
  );
  app.post(
    '/api/public/reportbacks/:publicCode/ratings',
    {
      // Per IP: a phone number rates once; the limit keeps one device from trying many numbers.
      ...publicLimit(10),
      schema: {
        tags,
        summary: '选民评价（满意 / 基本满意 / 不满意，每个手机号一次）',
        security: [],
        params: codeParams,
        body: publicRatingInput,
        response: {
          201: z.object({ ok: z.literal(true), message: z.string() }),
          400: errorResponses[400],
          404: errorResponses[404],
          409: errorResponses[409],
        },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await ratings.rate(db, requestContext(request), request.params.publicCode, request.body)),
  );

  honourRoutes(app, deps);
};
