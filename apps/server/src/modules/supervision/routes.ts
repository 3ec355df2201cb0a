import { z } from 'zod';
import {
  answerInput,
  gatheredOpinionInput,
  itemQuery,
  jointMeeting,
  jointMeetingInput,
  myParticipation,
  pageOf,
  planActions,
  planInput,
  planItemEdit,
  planItemInput,
  planSummary,
  pointActions,
  pointsInput,
  pointQuery,
  questionInput,
  stageDueInput,
  supervisionActions,
  supervisionItem,
  supervisionItemSummary,
  supervisionPlan,
  supervisionPoint,
  ownVisitInput,
  participationInput,
  type PointAction,
  type PointActionInputs,
  type SupervisionAction,
  type SupervisionActionInputs,
} from '@renda/shared';
import { clock } from '../../platform/clock.js';
import { actorContext, requirePermission } from '../../platform/auth.js';
import { chinaDate } from '../../platform/deadlines.js';
import { DomainError } from '../../platform/errors.js';
import { errorResponses, idParams, registerActionRoutes, sendDownload, type ModuleRoutes } from '../../platform/http.js';
import { registerFollowUpSubject } from '../followups/index.js';
import { pointDeadlines, stageDues } from './calendar-recount.js';
import { escalateOverduePoints } from './deadline-job.js';
import { registerProvisionalDeadlines } from '../../platform/provisional-deadlines.js';
import {
  evaluatedKinds,
  evaluationReportDocx,
  inquiryRecordDocx,
  itemsWorkbook,
  meetingsWorkbook,
  opinionsLetterDocx,
  pointsWorkbook,
} from './documents.js';
import * as items from './item-service.js';
import * as meetings from './meetings-service.js';
import * as plans from './plan-service.js';
import * as points from './point-service.js';
import { onVoteClosed } from '../votes/index.js';
import { supervisionVoteClosed } from './vote-outcome.js';
import * as work from './work-service.js';
import { registerAuditTitles } from '../../platform/audit.js';
import { auditTitleSources } from './repository.js';

const tags = ['supervision'];

/** Supervision (监督): the annual plan, the items and their stages, the issue list, joint meetings. */
export const supervisionRoutes: ModuleRoutes = (app, { database: { db }, notifier, jobs, attachments }) => {
  registerAuditTitles(auditTitleSources);
  registerProvisionalDeadlines(pointDeadlines);
  registerProvisionalDeadlines(stageDues);
  // An item's documents (the organ's reports, inspection photos, the opinions letter as sent), filed by stage.
  attachments.registerOwner('supervision_item', items.itemOwner);
  // A stage's tasks and a joint meeting's decisions are follow-up tasks on the platform's component.
  registerFollowUpSubject('supervision_item', items.itemFollowUps);
  registerFollowUpSubject('joint_meeting', meetings.meetingFollowUps);
  const read = { preValidation: requirePermission('supervision.read') };
  const manage = { preValidation: requirePermission('supervision.manage') };
  // A satisfaction vote's result goes on its item when the vote closes; 不满意 sends the item to re-review.
  onVoteClosed('supervision', supervisionVoteClosed(notifier));
  // 09:00 China time every day: points past their deadline escalate once.
  jobs.define({ name: 'supervision-deadlines', cron: '0 1 * * *', handler: async () => void (await escalateOverduePoints(db, notifier)) });

  // ---- the annual plan ----
  app.get(
    '/api/supervision/plans',
    {
      ...read,
      schema: { tags, summary: '年度监督工作计划', response: { 200: z.object({ items: z.array(planSummary) }), ...errorResponses } },
    },
    async (request) => ({ items: await plans.listPlans(db, actorContext(request)) }),
  );
  app.post(
    '/api/supervision/plans',
    {
      ...manage,
      schema: { tags, summary: '起草年度监督工作计划', body: planInput, response: { 201: supervisionPlan, ...errorResponses } },
    },
    async (request, reply) => reply.status(201).send(await plans.createPlan(db, actorContext(request), request.body)),
  );
  app.get(
    '/api/supervision/plans/:id',
    { ...read, schema: { tags, summary: '监督工作计划及其事项', params: idParams, response: { 200: supervisionPlan, ...errorResponses } } },
    async (request) => plans.getPlan(db, actorContext(request), request.params.id),
  );
  app.get(
    '/api/supervision/plans/:id/items.xlsx',
    { ...read, schema: { tags, summary: '导出监督工作计划的事项（Excel）', params: idParams } },
    async (request, reply) => {
      const plan = await plans.getPlan(db, actorContext(request), request.params.id);
      return sendDownload(reply, `${plan.title}.xlsx`, await itemsWorkbook(plan.items));
    },
  );
  app.post(
    '/api/supervision/plans/:id/items',
    {
      ...manage,
      schema: {
        tags,
        summary: '将监督事项列入计划（计划通过后须说明理由）',
        params: idParams,
        body: planItemInput.extend({ reason: z.string().trim().max(500).nullable().default(null) }),
        response: { 200: supervisionPlan, ...errorResponses },
      },
    },
    async (request) => plans.addItem(db, actorContext(request), request.params.id, request.body),
  );
  registerActionRoutes(app, planActions, {
    tags,
    route: manage,
    response: supervisionPlan,
    run: (request, id, action, input) => plans.planAct(db, notifier, actorContext(request), id, action, input),
  });

  // ---- items ----
  app.get(
    '/api/supervision-items',
    {
      ...read,
      schema: {
        tags,
        summary: '监督事项（分页）',
        querystring: itemQuery,
        response: { 200: pageOf(supervisionItemSummary), ...errorResponses },
      },
    },
    async (request) => items.listItems(db, actorContext(request), request.query),
  );
  app.get(
    '/api/supervision-items/export.xlsx',
    {
      ...read,
      schema: {
        tags,
        summary: '导出监督事项（Excel，条件同列表；被监督单位只导出本单位的，代表只导出本人参与的）',
        querystring: itemQuery,
      },
    },
    async (request, reply) => {
      const file = await itemsWorkbook(await items.allItems(db, actorContext(request), request.query));
      return sendDownload(reply, `监督事项${chinaDate(clock.now())}.xlsx`, file);
    },
  );
  app.get(
    '/api/supervision-items/mine',
    {
      ...read,
      schema: {
        tags,
        summary: '我参与的监督（代表：受邀参与的事项和参加的实地检查）',
        response: { 200: z.object({ items: z.array(myParticipation) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await items.myItems(db, actorContext(request)) }),
  );
  app.get(
    '/api/supervision-items/:id',
    {
      ...read,
      schema: {
        tags,
        summary: '监督事项详情（阶段、任务、报告、检查、询问、督办清单）',
        params: idParams,
        response: { 200: supervisionItem, ...errorResponses },
      },
    },
    async (request) => items.getItem(db, actorContext(request), request.params.id),
  );
  app.put(
    '/api/supervision-items/:id',
    {
      ...manage,
      schema: {
        tags,
        summary: '调整计划事项（计划通过后须说明理由）',
        params: idParams,
        body: planItemEdit,
        response: { 200: supervisionPlan, ...errorResponses },
      },
    },
    async (request) => plans.changeItem(db, actorContext(request), request.params.id, request.body),
  );
  // The table decides who takes each step (staff advance; the organ reports), so the route only asks to read.
  registerActionRoutes(app, supervisionActions, {
    tags,
    route: read,
    response: supervisionItem,
    run: (request, id, action, input) =>
      items.itemAct(
        db,
        notifier,
        actorContext(request),
        id,
        action as SupervisionAction,
        input as SupervisionActionInputs[SupervisionAction],
      ),
  });

  app.post(
    '/api/supervision-items/:id/visits',
    {
      ...manage,
      schema: {
        tags,
        summary: '登记代表参与当前阶段（实地检查、调研或参加会议，计入代表履职记录）',
        params: idParams,
        body: participationInput,
        response: { 200: supervisionItem, ...errorResponses },
      },
    },
    async (request) => work.recordParticipation(db, actorContext(request), request.params.id, request.body),
  );
  app.post(
    '/api/supervision-items/:id/my-visits',
    {
      ...read,
      schema: {
        tags,
        summary: '代表登记本人的实地检查或调研（计入本人履职记录）',
        params: idParams,
        body: ownVisitInput,
        response: { 200: supervisionItem, ...errorResponses },
      },
    },
    async (request) => work.recordOwnVisit(db, actorContext(request), request.params.id, request.body),
  );
  app.post(
    '/api/supervision-items/:id/questions',
    {
      ...manage,
      schema: {
        tags,
        summary: '登记询问问题',
        params: idParams,
        body: questionInput,
        response: { 200: supervisionItem, ...errorResponses },
      },
    },
    async (request) => work.addQuestion(db, actorContext(request), request.params.id, request.body),
  );
  app.post(
    '/api/supervision-items/:id/gathered-opinions',
    {
      ...manage,
      schema: {
        tags,
        summary: '登记评议调查意见（工作评议调查阶段，收集自代表、常委会组成人员、群众或有关单位）',
        params: idParams,
        body: gatheredOpinionInput,
        response: { 200: supervisionItem, ...errorResponses },
      },
    },
    async (request) => work.gatherOpinion(db, actorContext(request), request.params.id, request.body),
  );
  app.put(
    '/api/supervision-items/:id/stage-due',
    {
      ...manage,
      schema: {
        tags,
        summary: '设定或调整当前阶段的期限（须说明理由）',
        params: idParams,
        body: stageDueInput,
        response: { 200: supervisionItem, ...errorResponses },
      },
    },
    async (request) => work.setStageDue(db, actorContext(request), request.params.id, request.body),
  );
  app.post(
    '/api/supervision-items/:id/questions/:questionId/answer',
    {
      ...manage,
      schema: {
        tags,
        summary: '记录应询人答复（承诺事项列入督办清单）',
        params: idParams.extend({ questionId: z.uuid('编号格式不正确') }),
        body: answerInput,
        response: { 200: supervisionItem, ...errorResponses },
      },
    },
    async (request) => work.answerQuestion(db, notifier, actorContext(request), request.params.id, request.params.questionId, request.body),
  );
  app.post(
    '/api/supervision-items/:id/points',
    {
      ...manage,
      schema: {
        tags,
        summary: '将审议意见、检查发现问题逐条列入督办清单',
        params: idParams,
        body: pointsInput,
        response: { 200: supervisionItem, ...errorResponses },
      },
    },
    async (request) => work.addItemPoints(db, notifier, actorContext(request), request.params.id, request.body.points),
  );
  app.get(
    '/api/supervision-items/:id/opinions.docx',
    { ...read, schema: { tags, summary: '审议意见书（Word）', params: idParams } },
    async (request, reply) => {
      const item = await items.getItem(db, actorContext(request), request.params.id);
      const file = await opinionsLetterDocx(item, chinaDate(clock.now()));
      return sendDownload(reply, `关于${item.subject}的审议意见.docx`, file);
    },
  );
  app.get(
    '/api/supervision-items/:id/inquiry-record.docx',
    { ...read, schema: { tags, summary: '专题询问记录（Word）', params: idParams } },
    async (request, reply) => {
      const item = await items.getItem(db, actorContext(request), request.params.id);
      const file = await inquiryRecordDocx(item);
      return sendDownload(reply, `${item.subject}专题询问记录.docx`, file);
    },
  );
  app.get(
    '/api/supervision-items/:id/evaluation-report.docx',
    { ...read, schema: { tags, summary: '评议报告（测评结果报告，Word）', params: idParams } },
    async (request, reply) => {
      const item = await items.getItem(db, actorContext(request), request.params.id);
      if (!evaluatedKinds.includes(item.kind))
        throw new DomainError('SUPERVISION_NO_EVALUATION', `${item.kindLabel}不进行满意度测评，没有评议报告`, undefined, 409);
      const file = await evaluationReportDocx(item, chinaDate(clock.now()));
      return sendDownload(reply, `关于${item.subject}的评议报告.docx`, file);
    },
  );

  // ---- the issue list ----
  app.get(
    '/api/supervision-points',
    {
      ...read,
      schema: {
        tags,
        summary: '督办清单（被监督单位只见本单位的问题）',
        querystring: pointQuery,
        response: { 200: pageOf(supervisionPoint), ...errorResponses },
      },
    },
    async (request) => points.listPoints(db, actorContext(request), request.query),
  );
  app.get(
    '/api/supervision-points/assigned',
    {
      preValidation: requirePermission('supervision.handle'),
      schema: {
        tags,
        summary: '本单位的督办问题（被监督单位）',
        querystring: pointQuery,
        response: { 200: pageOf(supervisionPoint), ...errorResponses },
      },
    },
    async (request) => points.listPoints(db, actorContext(request), request.query),
  );
  app.get(
    '/api/supervision-points/export.xlsx',
    { ...read, schema: { tags, summary: '导出督办清单（Excel）', querystring: pointQuery } },
    async (request, reply) => {
      const file = await pointsWorkbook(await points.allPoints(db, actorContext(request), request.query));
      return sendDownload(reply, `督办清单${chinaDate(clock.now())}.xlsx`, file);
    },
  );
  registerActionRoutes(app, pointActions, {
    tags,
    route: read,
    response: supervisionPoint,
    run: (request, id, action, input) =>
      points.pointAct(db, notifier, actorContext(request), id, action as PointAction, input as PointActionInputs[PointAction]),
  });

  // ---- joint meetings ----
  app.get(
    '/api/joint-meetings',
    { ...manage, schema: { tags, summary: '联席会议', response: { 200: z.object({ items: z.array(jointMeeting) }), ...errorResponses } } },
    async (request) => ({ items: await meetings.listMeetings(db, actorContext(request)) }),
  );
  app.get(
    '/api/joint-meetings/export.xlsx',
    { ...manage, schema: { tags, summary: '导出联席会议及议定事项（Excel）' } },
    async (request, reply) => {
      const file = await meetingsWorkbook(await meetings.meetingLines(db, actorContext(request)));
      return sendDownload(reply, `联席会议${chinaDate(clock.now())}.xlsx`, file);
    },
  );
  app.post(
    '/api/joint-meetings',
    {
      ...manage,
      schema: { tags, summary: '登记联席会议（议程、出席）', body: jointMeetingInput, response: { 201: jointMeeting, ...errorResponses } },
    },
    async (request, reply) => reply.status(201).send(await meetings.createMeeting(db, actorContext(request), request.body)),
  );
};
