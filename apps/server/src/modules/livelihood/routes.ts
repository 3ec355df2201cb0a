import { z } from 'zod';
import {
  candidateInput,
  candidateUpdate,
  classifyInput,
  cycle,
  cycleActions,
  cycleDetail,
  cycleInput,
  cycleQuery,
  errorBody,
  groupInput,
  inspectionInput,
  livelihoodFigures,
  livelihoodFiguresQuery,
  livelihoodSettings,
  livelihoodSettingsInput,
  livelihoodYear,
  milestoneDoneInput,
  milestoneInput,
  pageOf,
  project,
  projectActions,
  projectDetail,
  projectQuery,
  proposal,
  proposalActions,
  proposalFromOpinionInput,
  proposalInput,
  proposalQuery,
  publicCycle,
  publicCycleForm,
  publicCycleSummary,
  publicProposalInput,
  publicProposalView,
} from '@renda/shared';
import { actorContext, requestContext, requirePermission } from '../../platform/auth.js';
import { attachmentDisposition, XLSX_MIME } from '../../platform/documents.js';
import { errorResponses, idParams, registerActionRoutes, type ModuleRoutes } from '../../platform/http.js';
import { qrPng, requestOrigin } from '../deputies/index.js';
import * as projects from './projects-service.js';
import * as proposals from './proposals-service.js';
import * as portal from './public-service.js';
import { onVoteClosed } from '../votes/index.js';
import { registerFollowUpSubject } from '../followups/index.js';
import { livelihoodVoteClosed } from './outcomes.js';
import * as service from './service.js';
import * as settingsService from './settings.js';
import { registerAuditTitles } from '../../platform/audit.js';
import { auditTitleSources } from './repository.js';

const tags = ['livelihood-projects'];
const publicErrors = { 400: errorBody, 404: errorBody, 409: errorBody, 429: errorBody };
const publicLimit = { rateLimit: { max: 30, timeWindow: '10 minutes' } };
const readLimit = { rateLimit: { max: 120, timeWindow: '1 minute' } };
const bodyParams = z.object({ bodyId: z.uuid('编号格式不正确') });
const codeParams = z.object({ code: z.string().max(40) });

export const livelihoodRoutes: ModuleRoutes = (app, { database: { db }, notifier, attachments }) => {
  registerAuditTitles(auditTitleSources);
  const read = { preValidation: requirePermission('livelihood.read') };
  const manage = { preValidation: requirePermission('livelihood.manage') };
  const propose = { preValidation: requirePermission('livelihood.propose') };
  const inspect = { preValidation: requirePermission('livelihood.inspect') };
  const settings = { preValidation: requirePermission('livelihood.settings') };

  // Inspection photos are attachments, seen by whoever sees the project.
  attachments.registerOwner('livelihood_inspection', projects.inspectionOwner);
  // The problems an inspection finds are the unit's follow-up tasks (落实任务), on the platform's component.
  registerFollowUpSubject('livelihood_project', projects.projectFollowUps);
  // The candidate vote and the year-end evaluation move the cycle on when they close.
  onVoteClosed('livelihood', livelihoodVoteClosed(notifier));

  // ---- cycles ----
  app.get(
    '/api/livelihood/cycles',
    {
      ...read,
      schema: { tags, summary: '民生实事票决年度', querystring: cycleQuery, response: { 200: pageOf(cycle), ...errorResponses } },
    },
    async (request) => service.pageCycles(db, actorContext(request), request.query),
  );
  app.post(
    '/api/livelihood/cycles',
    {
      ...manage,
      schema: { tags, summary: '建立本级人大某年度的票决', body: cycleInput, response: { 201: cycleDetail, ...errorResponses } },
    },
    async (request, reply) => reply.status(201).send(await service.createCycle(db, actorContext(request), request.body)),
  );
  app.get(
    '/api/livelihood/cycles/:id',
    { ...read, schema: { tags, summary: '票决年度详情及规则', params: idParams, response: { 200: cycleDetail, ...errorResponses } } },
    async (request) => service.getCycle(db, actorContext(request), request.params.id),
  );
  app.get(
    '/api/livelihood/cycles/:id/qr.png',
    { ...manage, schema: { tags, summary: '群众扫码提出项目建议的二维码', params: idParams } },
    async (request, reply) => {
      const c = await service.getCycle(db, actorContext(request), request.params.id);
      const link = `${requestOrigin(request)}/m/livelihood?cycle=${encodeURIComponent(c.publicCode)}`;
      return reply.header('content-type', 'image/png').send(await qrPng(link));
    },
  );
  registerActionRoutes(app, cycleActions, {
    tags,
    route: manage,
    response: cycleDetail,
    run: (request, id, action, input) => service.actOnCycle(db, notifier, actorContext(request), id, action, input),
  });

  app.get(
    '/api/livelihood/settings/:bodyId',
    {
      ...read,
      schema: { tags, summary: '本级票决与测评规则及依据', params: bodyParams, response: { 200: livelihoodSettings, ...errorResponses } },
    },
    async (request) => settingsService.getSettings(db, actorContext(request), request.params.bodyId),
  );
  app.post(
    '/api/livelihood/settings/:bodyId',
    {
      ...settings,
      schema: {
        tags,
        summary: '设置本级票决与测评规则（下级人大未设置时沿用）',
        params: bodyParams,
        body: livelihoodSettingsInput,
        response: { 200: livelihoodSettings, ...errorResponses },
      },
    },
    async (request) => settingsService.setSettings(db, actorContext(request), request.params.bodyId, request.body),
  );

  app.get(
    '/api/livelihood/figures',
    {
      ...read,
      schema: {
        tags,
        summary: '票决项目统计（各级人大、完成、预算、测评、镇街覆盖）',
        querystring: livelihoodFiguresQuery,
        response: { 200: livelihoodFigures, ...errorResponses },
      },
    },
    async (request) => service.figures(db, actorContext(request), request.query.year),
  );

  // ---- proposals (征集) ----
  app.get(
    '/api/livelihood/proposals',
    { ...read, schema: { tags, summary: '项目建议', querystring: proposalQuery, response: { 200: pageOf(proposal), ...errorResponses } } },
    async (request) => proposals.pageProposals(db, actorContext(request), request.query),
  );
  app.post(
    '/api/livelihood/proposals',
    {
      ...propose,
      schema: { tags, summary: '代表、部门提出项目建议', body: proposalInput, response: { 201: proposal, ...errorResponses } },
    },
    async (request, reply) => reply.status(201).send(await proposals.propose(db, actorContext(request), request.body)),
  );
  app.post(
    '/api/livelihood/proposals/from-opinion',
    {
      ...manage,
      schema: { tags, summary: '将群众意见作为项目建议', body: proposalFromOpinionInput, response: { 201: proposal, ...errorResponses } },
    },
    async (request, reply) => reply.status(201).send(await proposals.proposeFromOpinion(db, actorContext(request), request.body)),
  );
  app.post(
    '/api/livelihood/proposals/:id/classify',
    {
      ...manage,
      schema: { tags, summary: '项目建议分类', params: idParams, body: classifyInput, response: { 200: proposal, ...errorResponses } },
    },
    async (request) => proposals.classify(db, actorContext(request), request.params.id, request.body.category),
  );
  registerActionRoutes(app, proposalActions, {
    tags,
    route: manage,
    response: proposal,
    run: (request, id, action, input) => proposals.actOnProposal(db, notifier, actorContext(request), id, action, input),
  });

  // ---- candidates and projects ----
  app.get(
    '/api/livelihood/projects',
    {
      ...read,
      schema: { tags, summary: '候选项目与票决项目', querystring: projectQuery, response: { 200: pageOf(project), ...errorResponses } },
    },
    async (request) => projects.pageProjects(db, actorContext(request), request.query),
  );
  app.get(
    '/api/livelihood/projects/export.xlsx',
    { ...read, schema: { tags, summary: '导出项目（Excel）', querystring: projectQuery.omit({ page: true, pageSize: true }) } },
    async (request, reply) => {
      const file = await projects.exportProjects(db, actorContext(request), request.query);
      return reply.header('content-type', XLSX_MIME).header('content-disposition', attachmentDisposition('民生实事项目.xlsx')).send(file);
    },
  );
  app.get(
    '/api/livelihood/projects/:id',
    {
      ...read,
      schema: { tags, summary: '项目详情（监督小组、节点、督查）', params: idParams, response: { 200: projectDetail, ...errorResponses } },
    },
    async (request) => projects.getProject(db, actorContext(request), request.params.id),
  );
  app.post(
    '/api/livelihood/projects',
    { ...manage, schema: { tags, summary: '新增候选项目', body: candidateInput, response: { 201: projectDetail, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await projects.createCandidate(db, notifier, actorContext(request), request.body)),
  );
  app.put(
    '/api/livelihood/projects/:id',
    {
      ...manage,
      schema: {
        tags,
        summary: '修改候选项目（筛选阶段）',
        params: idParams,
        body: candidateUpdate,
        response: { 200: projectDetail, ...errorResponses },
      },
    },
    async (request) => projects.updateCandidate(db, actorContext(request), request.params.id, request.body),
  );
  app.delete(
    '/api/livelihood/projects/:id',
    { ...manage, schema: { tags, summary: '删除候选项目（筛选阶段）', params: idParams, response: { 204: z.null(), ...errorResponses } } },
    async (request, reply) => {
      await projects.deleteCandidate(db, actorContext(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
  app.put(
    '/api/livelihood/projects/:id/group',
    {
      ...manage,
      schema: {
        tags,
        summary: '组建代表监督小组（一件一小组）',
        params: idParams,
        body: groupInput,
        response: { 200: projectDetail, ...errorResponses },
      },
    },
    async (request) => projects.setGroup(db, actorContext(request), request.params.id, request.body),
  );
  app.post(
    '/api/livelihood/projects/:id/milestones',
    {
      ...manage,
      schema: {
        tags,
        summary: '新增实施节点',
        params: idParams,
        body: milestoneInput,
        response: { 200: projectDetail, ...errorResponses },
      },
    },
    async (request) => projects.addMilestone(db, actorContext(request), request.params.id, request.body),
  );
  app.post(
    '/api/livelihood/milestones/:id/done',
    {
      preValidation: requirePermission('livelihood.read'),
      schema: {
        tags,
        summary: '实施节点完成（工作人员或责任单位）',
        params: idParams,
        body: milestoneDoneInput,
        response: { 200: projectDetail, ...errorResponses },
      },
    },
    async (request) => {
      const ctx = actorContext(request);
      if (ctx.actor.role !== 'staff' && ctx.actor.role !== 'handling_unit') throw projects.forbiddenStep();
      return projects.milestoneDone(db, ctx, request.params.id, request.body.doneOn);
    },
  );
  app.post(
    '/api/livelihood/projects/:id/inspections',
    {
      ...inspect,
      schema: {
        tags,
        summary: '登记季度督查（一季一督查）',
        params: idParams,
        body: inspectionInput,
        response: { 200: projectDetail, ...errorResponses },
      },
    },
    async (request) => projects.recordInspection(db, notifier, actorContext(request), request.params.id, request.body),
  );
  registerActionRoutes(app, projectActions, {
    tags,
    route: read,
    response: projectDetail,
    run: (request, id, action, input) => projects.actOnProject(db, notifier, actorContext(request), id, action, input),
  });

  // ---- public: no login ----
  app.get(
    '/api/public/livelihood/form',
    {
      config: readLimit,
      schema: {
        tags,
        summary: '群众扫码提出项目建议的表单',
        querystring: z.object({ cycle: z.string().max(40) }),
        response: { 200: publicCycleForm, ...publicErrors },
      },
    },
    async (request) => proposals.publicForm(db, request.query.cycle),
  );
  app.post(
    '/api/public/livelihood/proposals',
    {
      config: publicLimit,
      schema: {
        tags,
        summary: '群众提出项目建议（同一 clientToken 重试只保存一条）',
        body: publicProposalInput,
        response: { 201: z.object({ trackingCode: z.string() }), 200: z.object({ trackingCode: z.string() }), ...publicErrors },
      },
    },
    async (request, reply) => {
      const receipt = await proposals.submitPublic(db, requestContext(request), request.body);
      return reply.status(receipt.repeated ? 200 : 201).send({ trackingCode: receipt.trackingCode });
    },
  );
  app.get(
    '/api/public/livelihood/proposals/:code',
    {
      config: readLimit,
      schema: { tags, summary: '凭查询码查看项目建议', params: codeParams, response: { 200: publicProposalView, ...publicErrors } },
    },
    async (request) => proposals.trackPublic(db, request.params.code),
  );
  app.get(
    '/api/public/livelihood/cycles',
    {
      config: readLimit,
      schema: {
        tags,
        summary: '各级人大本年度民生实事项目（按地区进度）',
        querystring: z.object({ year: livelihoodYear.optional() }),
        response: { 200: z.object({ items: z.array(publicCycleSummary) }), ...publicErrors },
      },
    },
    async (request) => ({ items: await portal.publicCycles(db, request.query.year) }),
  );
  app.get(
    '/api/public/livelihood/cycles/:id',
    {
      config: readLimit,
      schema: { tags, summary: '候选项目、票决结果、进度与测评', params: idParams, response: { 200: publicCycle, ...publicErrors } },
    },
    async (request) => portal.publicCycle(db, request.params.id),
  );
};
