import { z } from 'zod';
import {
  castInput,
  castReceipt,
  idempotencyHeader,
  paperBallotInput,
  paperRollInput,
  pendingPaperBallot,
  publicVote,
  publishedBallot,
  turnoutView,
  voteActions,
  voteSpec,
  voteSubjectModule,
  voteView,
} from '@renda/shared';
import { actorContext, requirePermission } from '../../platform/auth.js';
import { errorResponses, idParams, registerActionRoutes, type ModuleRoutes } from '../../platform/http.js';
import { qrPng, requestOrigin } from '../deputies/index.js';
import * as service from './service.js';
import { registerAuditTitles } from '../../platform/audit.js';
import { auditTitleSources } from './repository.js';

const tags = ['meetings'];
const publicLimit = { rateLimit: { max: 120, timeWindow: '1 minute' } };

/** The vote component's HTTP routes: staff run votes, voters cast ballots, anyone checks the published list. */
export const voteRoutes: ModuleRoutes = (app, { database: { db }, notifier }) => {
  registerAuditTitles(auditTitleSources);
  const read = { preValidation: requirePermission('votes.read') };
  const manage = { preValidation: requirePermission('votes.manage') };
  app.get(
    '/api/votes',
    {
      ...read,
      schema: {
        tags,
        summary: '投票（最近 100 次，可按所属事项筛选）',
        querystring: z.object({ subjectModule: voteSubjectModule.optional(), subjectId: z.string().max(64).optional() }),
        response: { 200: z.object({ items: z.array(voteView) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await service.listVotes(db, actorContext(request), request.query) }),
  );
  app.post(
    '/api/votes',
    { ...manage, schema: { tags, summary: '新建投票', body: voteSpec, response: { 201: voteView, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await service.createAndShow(db, actorContext(request), request.body)),
  );
  app.get(
    '/api/votes/:id',
    { ...read, schema: { tags, summary: '投票详情（结束后含结果）', params: idParams, response: { 200: voteView, ...errorResponses } } },
    async (request) => service.getVote(db, actorContext(request), request.params.id),
  );
  registerActionRoutes(app, voteActions, {
    tags,
    route: manage,
    response: voteView,
    run: (request, id, action) => service.act(db, notifier, actorContext(request), id, action),
  });
  app.post(
    '/api/votes/:id/ballots',
    {
      preValidation: requirePermission('votes.vote'),
      schema: {
        tags,
        summary: '投票（每人一票；带 Idempotency-Key 请求头的重试只存一张选票并返回同一选票码）',
        params: idParams,
        headers: z.object({ [idempotencyHeader]: z.string().min(16, '投票凭据格式不正确').max(128).optional() }),
        body: castInput,
        response: { 200: castReceipt, ...errorResponses },
      },
    },
    async (request) =>
      service.castBallot(db, actorContext(request), request.params.id, request.body.choices, request.headers[idempotencyHeader]),
  );
  app.get(
    '/api/votes/:id/qr.png',
    { ...manage, schema: { tags, summary: '会场投票二维码（PNG，打开手机投票页，须登录）', params: idParams } },
    async (request, reply) => {
      const vote = await service.getVote(db, actorContext(request), request.params.id);
      const png = await qrPng(`${requestOrigin(request)}/votes/${vote.id}/ballot`);
      return reply.header('content-type', 'image/png').send(png);
    },
  );
  app.get(
    '/api/votes/:id/turnout',
    {
      ...manage,
      schema: { tags, summary: '实时投票人数与未投票名单', params: idParams, response: { 200: turnoutView, ...errorResponses } },
    },
    async (request) => service.turnout(db, actorContext(request), request.params.id),
  );
  app.post(
    '/api/votes/:id/paper-roll',
    {
      ...manage,
      schema: {
        tags,
        summary: '登记代表交回纸质选票（在投票人名单上标记已投票）',
        params: idParams,
        body: paperRollInput,
        response: { 200: turnoutView, ...errorResponses },
      },
    },
    async (request) => service.markPaper(db, actorContext(request), request.params.id, request.body.deputyId),
  );
  app.get(
    '/api/votes/:id/paper-ballots',
    {
      ...manage,
      schema: {
        tags,
        summary: '待第二人确认的纸质选票',
        params: idParams,
        response: { 200: z.object({ items: z.array(pendingPaperBallot) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await service.pendingList(db, actorContext(request), request.params.id) }),
  );
  app.post(
    '/api/votes/:id/paper-ballots',
    {
      ...manage,
      schema: {
        tags,
        summary: '录入纸质选票（须另一名工作人员确认后计入）',
        params: idParams,
        body: paperBallotInput,
        response: { 200: z.object({ items: z.array(pendingPaperBallot) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await service.enterPaper(db, actorContext(request), request.params.id, request.body.choices) }),
  );
  const pendingParams = idParams.extend({ pendingId: z.uuid('选票编号格式不正确') });
  for (const [verb, accept, summary] of [
    ['confirm', true, '确认纸质选票（确认人须不同于录入人）'],
    ['reject', false, '退回录入有误的纸质选票（须重新录入）'],
  ] as const)
    app.post(
      `/api/votes/:id/paper-ballots/:pendingId/${verb}`,
      {
        ...manage,
        schema: {
          tags,
          summary,
          params: pendingParams,
          response: { 200: z.object({ items: z.array(pendingPaperBallot) }), ...errorResponses },
        },
      },
      async (request) => ({
        items: await service.confirmPaper(db, actorContext(request), request.params.id, request.params.pendingId, accept),
      }),
    );
  app.get(
    '/api/public/votes/:id',
    {
      config: publicLimit,
      schema: { tags, summary: '公开：投票结果与规则', params: idParams, response: { 200: publicVote, ...errorResponses } },
    },
    async (request) => service.publicVote(db, request.params.id),
  );
  app.get(
    '/api/public/votes/:id/ballots',
    {
      config: publicLimit,
      schema: {
        tags,
        summary: '公开：匿名选票清单（投票结束后，按选票码排序；code 查找一张）',
        params: idParams,
        querystring: z.object({ code: z.string().max(20).optional() }),
        response: { 200: z.object({ items: z.array(publishedBallot) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await service.publishedBallots(db, request.params.id, request.query.code) }),
  );
};
