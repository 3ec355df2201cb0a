import { z } from 'zod';
import {
  cosignerCandidate,
  pageOf,
  pageQuery,
  publicSuggestion,
  publicSuggestionQuery,
  publicSuggestionSession,
  ratesQuery,
  replyCategoryOption,
  suggestionActions,
  suggestionDetail,
  suggestionDraftInput,
  suggestionListItem,
  suggestionFilterQuery,
  suggestionQuery,
  suggestionRates,
  suggestionSession,
  suggestionSessionInput,
  suggestionSettings,
  suggestionSettingsInput,
  supervisorCandidate,
  unitAssignmentItem,
  unitAssignmentQuery,
  unitRates,
} from '@renda/shared';
import { actorContext, requirePermission } from '../../platform/auth.js';
import { registerPerformanceSection, registerPublicCardSource, registerSevenOnesSource } from '../deputies/index.js';
import { notFound } from '../../platform/errors.js';
import { registerProvisionalDeadlines } from '../../platform/provisional-deadlines.js';
import { errorResponses, idParams, type ModuleRoutes, registerActionRoutes, sendDownload } from '../../platform/http.js';
import { suggestionSection } from './performance.js';
import { suggestionReplyDeadlines, suggestionSignForDeadlines } from './calendar-recount.js';
import { scanDeadlines } from './deadline-job.js';
import { exportXlsx } from './export.js';
import * as portal from './portal.js';
import * as rates from './rates.js';
import * as repo from './repository.js';
import * as service from './service.js';
import * as settings from './settings.js';
import { registerAuditTitles } from '../../platform/audit.js';

const tags = ['suggestions'];

export const suggestionRoutes: ModuleRoutes = (app, { database: { db }, notifier, jobs, attachments }) => {
  registerAuditTitles(repo.auditTitleSources);
  // Seed 003's seven ones: "提出一条以上有价值的意见建议" is counted from the suggestions themselves.
  registerSevenOnesSource('suggestions', async (tx, deputyId, from, to) => ({
    suggestion: await repo.countSubmittedByDeputy(tx, deputyId, from, to),
  }));
  registerPerformanceSection('suggestions', suggestionSection);
  // The deputy's public card counts the suggestions they led or co-signed and links those on the portal.
  registerPublicCardSource('suggestions', portal.publicCardFromSuggestions);
  // Permission is checked before the body is validated: a refused role learns nothing about the payload.
  const read = { preValidation: requirePermission('suggestions.read') };
  const deps = { db, notifier };
  // Attachments of a suggestion (photos, research reports) follow the item's visibility.
  attachments.registerOwner('suggestion', async (tx, ctx, ownerId) => {
    const row = await repo.getListRow(tx, ctx.actor, ownerId);
    return row ? { bodyId: row.s.bodyId } : null;
  });

  registerProvisionalDeadlines(suggestionSignForDeadlines);
  registerProvisionalDeadlines(suggestionReplyDeadlines);
  jobs.define({ name: 'suggestions-deadlines', cron: '7 * * * *', handler: async () => void (await scanDeadlines(db, notifier)) });

  app.get(
    '/api/suggestion-sessions',
    {
      ...read,
      schema: {
        tags,
        summary: '人民代表大会会议（建议按会议编号）',
        response: { 200: z.object({ items: z.array(suggestionSession) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await service.listSessions(db, actorContext(request)) }),
  );

  app.post(
    '/api/suggestion-sessions',
    {
      preValidation: requirePermission('suggestions.manage'),
      schema: {
        tags,
        summary: '登记人民代表大会会议',
        body: suggestionSessionInput,
        response: { 201: suggestionSession, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await service.createSession(db, actorContext(request), request.body)),
  );

  // A body's handling settings: how co-signers are answered, and its result categories (办理结果分类).
  const settingsRoute = { preValidation: requirePermission('suggestions.settings') };
  const bodyParams = z.object({ bodyId: z.uuid('机关编号格式不正确') });
  app.get(
    '/api/suggestion-settings/:bodyId',
    {
      ...settingsRoute,
      schema: {
        tags,
        summary: '建议办理设置（联名代表答复方式、办理结果分类）',
        params: bodyParams,
        response: { 200: suggestionSettings, ...errorResponses },
      },
    },
    async (request) => settings.getSettings(db, actorContext(request), request.params.bodyId),
  );
  app.put(
    '/api/suggestion-settings/:bodyId',
    {
      ...settingsRoute,
      schema: {
        tags,
        summary: '设置本机关的联名代表答复方式和办理结果分类（下级机关未设置的沿用）',
        params: bodyParams,
        body: suggestionSettingsInput,
        response: { 200: suggestionSettings, ...errorResponses },
      },
    },
    async (request) => settings.setSettings(db, actorContext(request), request.params.bodyId, request.body),
  );

  app.get(
    '/api/suggestions',
    {
      ...read,
      schema: {
        tags,
        summary: '建议议案列表（按角色限定范围）',
        querystring: suggestionQuery,
        response: { 200: pageOf(suggestionListItem), ...errorResponses },
      },
    },
    async (request) => service.page(db, actorContext(request), request.query),
  );

  app.get(
    '/api/suggestions/export',
    { ...read, schema: { tags, summary: '导出建议议案（Excel）', querystring: suggestionFilterQuery } },
    async (request, reply) => {
      const buffer = await exportXlsx(db, actorContext(request), request.query);
      return sendDownload(reply, '代表建议.xlsx', buffer);
    },
  );

  app.get(
    '/api/suggestions/overdue',
    {
      preValidation: requirePermission('suggestions.rates'),
      schema: {
        tags,
        summary: '逾期未答复的建议',
        querystring: pageQuery,
        response: { 200: pageOf(suggestionListItem), ...errorResponses },
      },
    },
    async (request) => service.page(db, actorContext(request), { ...request.query, overdue: 'true' }),
  );

  app.get(
    '/api/suggestions/rates',
    {
      preValidation: requirePermission('suggestions.rates'),
      schema: {
        tags,
        summary: '办复率、按时办复率、办结率、解决率（A类占比）、满意率',
        querystring: ratesQuery,
        response: {
          200: z.object({
            overall: suggestionRates,
            byUnit: z.array(unitRates),
            byBody: z.array(suggestionRates.extend({ bodyId: z.uuid(), bodyName: z.string() })),
            /** The result categories of the body counted (its labels for the category columns). */
            categories: z.array(replyCategoryOption),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => rates.ratesReport(db, actorContext(request), request.query),
  );

  app.get(
    '/api/suggestions/rates.xlsx',
    {
      preValidation: requirePermission('suggestions.rates'),
      schema: { tags, summary: '导出建议办理统计（Excel，条件同页面）', querystring: ratesQuery },
    },
    async (request, reply) => sendDownload(reply, '建议办理统计.xlsx', await rates.ratesWorkbook(db, actorContext(request), request.query)),
  );

  app.get(
    '/api/suggestions/assigned',
    {
      preValidation: requirePermission('suggestions.handle'),
      schema: {
        tags,
        summary: '本单位承办的建议（主办、会办及各自期限）',
        querystring: unitAssignmentQuery,
        response: { 200: pageOf(unitAssignmentItem), ...errorResponses },
      },
    },
    async (request) => service.pageUnitAssignments(db, actorContext(request), request.query),
  );

  app.get(
    '/api/suggestions/cosigner-candidates',
    {
      preValidation: requirePermission('suggestions.draft'),
      schema: {
        tags,
        summary: '可邀请联名的本级在任代表',
        response: { 200: z.object({ items: z.array(cosignerCandidate) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await service.cosignerCandidates(db, actorContext(request)) }),
  );

  app.get(
    '/api/suggestions/supervisor-candidates',
    {
      preValidation: requirePermission('suggestions.manage'),
      schema: {
        tags,
        summary: '可督办重点建议的本级常委会领导',
        querystring: z.object({ bodyId: z.uuid() }),
        response: { 200: z.object({ items: z.array(supervisorCandidate) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await service.supervisorCandidates(db, actorContext(request), request.query.bodyId) }),
  );

  app.post(
    '/api/suggestions',
    {
      preValidation: requirePermission('suggestions.draft'),
      schema: { tags, summary: '代表起草建议或议案', body: suggestionDraftInput, response: { 201: suggestionDetail, ...errorResponses } },
    },
    async (request, reply) => reply.status(201).send(await service.createDraft(deps, actorContext(request), request.body)),
  );

  app.put(
    '/api/suggestions/:id',
    {
      preValidation: requirePermission('suggestions.draft'),
      schema: {
        tags,
        summary: '修改草稿或退回件（联名代表须重新确认）',
        params: idParams,
        body: suggestionDraftInput,
        response: { 200: suggestionDetail, ...errorResponses },
      },
    },
    async (request) => service.updateDraft(deps, actorContext(request), request.params.id, request.body),
  );

  app.get(
    '/api/suggestions/:id',
    {
      ...read,
      schema: {
        tags,
        summary: '建议详情（含办理过程与可执行操作）',
        params: idParams,
        response: { 200: suggestionDetail, ...errorResponses },
      },
    },
    async (request) => service.getDetail(db, actorContext(request), request.params.id),
  );

  registerActionRoutes(app, suggestionActions, {
    tags,
    route: read,
    response: suggestionDetail,
    run: (request, id, action, input) => service.act(deps, actorContext(request), id, action, input),
  });

  app.get(
    '/api/suggestions/:id/assignments/:assignmentId/letter',
    { ...read, schema: { tags, summary: '交办函（Word）', params: idParams.extend({ assignmentId: z.uuid() }) } },
    async (request, reply) => {
      const { buffer, fileName } = await service.assignmentLetterFile(
        db,
        actorContext(request),
        request.params.id,
        request.params.assignmentId,
      );
      return sendDownload(reply, fileName, buffer);
    },
  );

  app.get(
    '/api/suggestions/:id/replies/:replyId/letter',
    {
      ...read,
      schema: {
        tags,
        summary: '答复函（Word）：列明领衔和联名代表，或按本机关设置给每位代表各一封（deputyId）',
        params: idParams.extend({ replyId: z.uuid() }),
        querystring: z.object({ deputyId: z.uuid('代表编号格式不正确').optional() }),
      },
    },
    async (request, reply) => {
      const { buffer, fileName } = await service.replyLetterFile(
        db,
        actorContext(request),
        request.params.id,
        request.params.replyId,
        request.query.deputyId,
      );
      return sendDownload(reply, fileName, buffer);
    },
  );

  // Public portal: released replies of disclosed items, personal data removed. No login.
  const publicLimit = { rateLimit: { max: 120, timeWindow: '1 minute' } };
  app.get(
    '/api/public/suggestions',
    {
      config: publicLimit,
      schema: {
        tags,
        summary: '公开的建议及答复（已隐去个人信息）',
        security: [],
        querystring: publicSuggestionQuery,
        response: { 200: pageOf(publicSuggestion) },
      },
    },
    async (request) => portal.pagePublished(db, request.query),
  );

  app.get(
    '/api/public/suggestion-sessions',
    {
      config: publicLimit,
      schema: {
        tags,
        summary: '有公开建议的人民代表大会会议',
        security: [],
        response: { 200: z.object({ items: z.array(publicSuggestionSession) }) },
      },
    },
    async () => ({ items: await portal.publishedSessions(db) }),
  );

  app.get(
    '/api/public/suggestions/:id',
    {
      config: publicLimit,
      schema: {
        tags,
        summary: '公开的建议及答复',
        security: [],
        params: idParams,
        response: { 200: publicSuggestion, 404: errorResponses[404] },
      },
    },
    async (request) => {
      const item = await portal.getPublished(db, request.params.id);
      if (!item) throw notFound('公开的建议');
      return item;
    },
  );
};
