import { z } from 'zod';
import {
  campaignClue,
  campaignClueCounts,
  campaignClueDetail,
  campaignDetail,
  campaignInput,
  campaignListItem,
  campaignQuery,
  campaignTeamInput,
  campaignUpdateInput,
  campaignVisit,
  campaignVisitInput,
  clueActions,
  clueQuery,
  clueSuggestionInput,
  dispatchQuery,
  dispatchReport,
  myCampaign,
  pageOf,
  standaloneClueInput,
  suggestionSourceClue,
} from '@renda/shared';
import { actorContext, requirePermission } from '../../platform/auth.js';
import { clock } from '../../platform/clock.js';
import { errorResponses, idParams, type ModuleRoutes, registerActionRoutes, sendDownload } from '../../platform/http.js';
import { dispatchDocx } from './dispatch-docx.js';
import * as deputyService from './deputy-service.js';
import { updateCampaign } from './edit-service.js';
import * as dispatch from './dispatch-service.js';
import * as ledger from './ledger-service.js';
import * as service from './service.js';
import { linkSuggestion, sourceCluesOf } from './suggestion-link.js';
import { clueDeadlines } from './clue-deadlines.js';
import { registerProvisionalDeadlines } from '../../platform/provisional-deadlines.js';
import { registerAuditTitles } from '../../platform/audit.js';
import { auditTitleSources } from './repository.js';

const tags = ['opinions'];

/** Themed campaigns (专项监督) with their problem-clue ledger and monthly dispatch report (seed 000). */
export const campaignRoutes: ModuleRoutes = (app, { database: { db }, notifier }) => {
  // Entering a year of the official calendar recounts the rectification deadlines running into it.
  registerProvisionalDeadlines(clueDeadlines);
  registerAuditTitles(auditTitleSources);
  const read = { preValidation: requirePermission('campaigns.read') };
  const manage = { preValidation: requirePermission('campaigns.manage') };

  app.get(
    '/api/campaigns',
    {
      ...read,
      schema: { tags, summary: '专项监督列表', querystring: campaignQuery, response: { 200: pageOf(campaignListItem), ...errorResponses } },
    },
    async (request) => service.pageCampaigns(db, actorContext(request), request.query),
  );

  app.get(
    '/api/campaigns/clue-counts',
    {
      ...read,
      schema: {
        tags,
        summary: '各专项监督线索数对比（最近 12 项，筛选同列表）',
        querystring: campaignQuery.omit({ page: true, pageSize: true }),
        response: { 200: campaignClueCounts, ...errorResponses },
      },
    },
    async (request) => service.clueCounts(db, actorContext(request), request.query),
  );

  app.post(
    '/api/campaigns',
    { ...manage, schema: { tags, summary: '新建专项监督', body: campaignInput, response: { 201: campaignDetail, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await service.createCampaign(db, actorContext(request), request.body)),
  );

  app.get(
    '/api/campaigns/:id',
    {
      ...read,
      schema: { tags, summary: '专项监督详情（监督组和累计数字）', params: idParams, response: { 200: campaignDetail, ...errorResponses } },
    },
    async (request) => service.getCampaign(db, actorContext(request), request.params.id),
  );

  app.post(
    '/api/campaigns/:id/teams',
    {
      ...manage,
      schema: {
        tags,
        summary: '新建代表监督组',
        params: idParams,
        body: campaignTeamInput,
        response: { 201: campaignDetail, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await service.addTeam(db, actorContext(request), request.params.id, request.body)),
  );

  app.put(
    '/api/campaigns/:id',
    {
      ...manage,
      schema: {
        tags,
        summary: '修改专项监督（名称、主题、期间、监督组）',
        params: idParams,
        body: campaignUpdateInput,
        response: { 200: campaignDetail, ...errorResponses },
      },
    },
    async (request) => updateCampaign(db, actorContext(request), request.params.id, request.body),
  );

  app.get(
    '/api/campaigns/:id/visits',
    {
      ...read,
      schema: {
        tags,
        summary: '实地监督记录',
        params: idParams,
        querystring: z.object({
          teamId: z.uuid().optional(),
          month: dispatchQuery.shape.month.optional(),
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(200).default(20),
        }),
        response: { 200: pageOf(campaignVisit), ...errorResponses },
      },
    },
    async (request) => ledger.pageVisits(db, actorContext(request), request.params.id, request.query),
  );

  app.post(
    '/api/campaigns/:id/visits',
    {
      ...manage,
      schema: {
        tags,
        summary: '登记实地监督（参加代表计人次，发现的问题线索和意见建议记入台账）',
        params: idParams,
        body: campaignVisitInput,
        response: { 201: z.object({ visit: campaignVisit, clueNumbers: z.array(z.string()) }), ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await ledger.recordVisit(db, actorContext(request), request.params.id, request.body)),
  );

  app.get(
    '/api/campaigns/:id/clues',
    {
      ...read,
      schema: {
        tags,
        summary: '问题线索台账',
        params: idParams,
        querystring: clueQuery,
        response: { 200: pageOf(campaignClue), ...errorResponses },
      },
    },
    async (request) => ledger.pageClues(db, actorContext(request), request.params.id, request.query),
  );

  app.post(
    '/api/campaigns/:id/clues',
    {
      ...manage,
      schema: {
        tags,
        summary: '登记问题线索或意见建议',
        params: idParams,
        body: standaloneClueInput,
        response: { 201: campaignClueDetail, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await ledger.addClue(db, actorContext(request), request.params.id, request.body)),
  );

  app.get(
    '/api/campaigns/:id/clues/export',
    {
      ...read,
      schema: { tags, summary: '导出问题线索台账（Excel）', params: idParams, querystring: clueQuery.omit({ page: true, pageSize: true }) },
    },
    async (request, reply) => {
      const { file, fileName } = await ledger.exportLedger(db, actorContext(request), request.params.id, request.query);
      return sendDownload(reply, fileName, file);
    },
  );

  app.get(
    '/api/campaigns/:id/dispatch',
    {
      ...read,
      schema: {
        tags,
        summary: '月调度数字',
        params: idParams,
        querystring: dispatchQuery,
        response: { 200: dispatchReport, ...errorResponses },
      },
    },
    async (request) => dispatch.dispatchReport(db, actorContext(request), request.params.id, request.query.month),
  );

  app.get(
    '/api/campaigns/:id/dispatch.docx',
    { ...read, schema: { tags, summary: '月调度（Word 文档）', params: idParams, querystring: dispatchQuery } },
    async (request, reply) => {
      const report = await dispatch.dispatchReport(db, actorContext(request), request.params.id, request.query.month);
      const generatedAt = clock.now().toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
      const file = await dispatchDocx(report, generatedAt);
      return sendDownload(reply, `${report.campaign.title}月调度${report.month}.docx`, file);
    },
  );

  app.get(
    '/api/campaign-clues/assigned',
    {
      preValidation: requirePermission('campaigns.handle'),
      schema: {
        tags,
        summary: '转办给本单位的问题线索',
        querystring: clueQuery,
        response: { 200: pageOf(campaignClue), ...errorResponses },
      },
    },
    async (request) => ledger.pageClues(db, actorContext(request), null, request.query),
  );

  app.get(
    '/api/campaign-clues/:id',
    {
      preValidation: requirePermission('campaigns.read', 'campaigns.handle'),
      schema: {
        tags,
        summary: '问题线索详情（含办理过程和可执行的操作）',
        params: idParams,
        response: { 200: campaignClueDetail, ...errorResponses },
      },
    },
    async (request) => ledger.getClue(db, actorContext(request), request.params.id),
  );

  // 问题线索办理：转办、报告整改、销号、退回继续整改、不予立项, one URL each.
  registerActionRoutes(app, clueActions, {
    tags,
    route: { preValidation: requirePermission('campaigns.manage', 'campaigns.handle') },
    response: campaignClueDetail,
    run: (request, id, action, input) => ledger.actOnClue(db, notifier, actorContext(request), id, action, input as never),
  });

  // ---- a deputy's own campaigns (mobile page) ----
  const visit = { preValidation: requirePermission('campaigns.visit') };
  const pageParams = z.object({
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(20),
  });

  app.get(
    '/api/my/campaigns',
    {
      ...visit,
      schema: { tags, summary: '本人参加的专项监督', response: { 200: z.object({ items: z.array(myCampaign) }), ...errorResponses } },
    },
    async (request) => ({ items: await deputyService.myCampaigns(db, actorContext(request)) }),
  );

  app.post(
    '/api/my/campaigns/:id/visits',
    {
      ...visit,
      schema: {
        tags,
        summary: '代表登记本人参加的实地监督',
        params: idParams,
        body: campaignVisitInput,
        response: { 201: z.object({ visit: campaignVisit, clueNumbers: z.array(z.string()) }), ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await deputyService.recordOwnVisit(db, actorContext(request), request.params.id, request.body)),
  );

  app.get(
    '/api/my/campaigns/:id/visits',
    {
      ...visit,
      schema: {
        tags,
        summary: '本人参加的实地监督记录',
        params: idParams,
        querystring: pageParams,
        response: { 200: pageOf(campaignVisit), ...errorResponses },
      },
    },
    async (request) => deputyService.pageMyVisits(db, actorContext(request), request.params.id, request.query),
  );

  app.get(
    '/api/my/campaigns/:id/clues',
    {
      ...visit,
      schema: {
        tags,
        summary: '本人参加的实地监督发现的问题线索',
        params: idParams,
        querystring: clueQuery,
        response: { 200: pageOf(campaignClue), ...errorResponses },
      },
    },
    async (request) => deputyService.pageMyClues(db, actorContext(request), request.params.id, request.query),
  );

  // ---- a clue and a deputy's suggestion (module 4) ----

  app.post(
    '/api/campaign-clues/:id/suggestion',
    {
      preValidation: requirePermission('campaigns.manage', 'campaigns.visit'),
      schema: {
        tags,
        summary: '问题线索转为代表建议（代表起草本人建议，或工作人员关联已提交的建议）',
        params: idParams,
        body: clueSuggestionInput,
        response: { 200: campaignClueDetail, ...errorResponses },
      },
    },
    async (request) => linkSuggestion({ db, notifier }, actorContext(request), request.params.id, request.body),
  );

  app.get(
    '/api/campaign-clues/of-suggestion/:id',
    {
      preValidation: requirePermission('suggestions.read'),
      schema: {
        tags,
        summary: '建议来源的专项监督问题线索',
        params: idParams,
        response: { 200: z.object({ items: z.array(suggestionSourceClue) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await sourceCluesOf(db, actorContext(request), request.params.id) }),
  );
};
