import { z } from 'zod';
import {
  ballotInput,
  honourActions,
  honourCampaign,
  honourCampaignEdit,
  honourCampaignInput,
  honourVoter,
  idempotencyHeader,
  nominationInput,
} from '@renda/shared';
import { actorContext, requirePermission } from '../../platform/auth.js';
import { errorResponses, idParams, registerActionRoutes, type ModuleRoutes } from '../../platform/http.js';
import * as honours from './honours-service.js';

const tags = ['deputies'];

/** 最美人大代表: the selections, their slate, the stage actions and the ballots. */
export const honourRoutes: ModuleRoutes = (app, { database: { db }, notifier }) => {
  const honoursRead = { preValidation: requirePermission('honours.read') };
  const honoursManage = { preValidation: requirePermission('honours.manage') };
  app.get(
    '/api/honours',
    {
      ...honoursRead,
      schema: {
        tags,
        summary: '“最美人大代表”评选（最近 100 次）',
        response: { 200: z.object({ items: z.array(honourCampaign) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await honours.listCampaigns(db, actorContext(request)) }),
  );
  app.get(
    '/api/honours/:id',
    {
      ...honoursRead,
      schema: { tags, summary: '评选详情（结束后含排名结果）', params: idParams, response: { 200: honourCampaign, ...errorResponses } },
    },
    async (request) => honours.getCampaign(db, actorContext(request), request.params.id),
  );
  app.post(
    '/api/honours',
    {
      ...honoursManage,
      schema: { tags, summary: '发起评选', body: honourCampaignInput, response: { 201: honourCampaign, ...errorResponses } },
    },
    async (request, reply) => reply.status(201).send(await honours.createCampaign(db, actorContext(request), request.body)),
  );
  app.put(
    '/api/honours/:id',
    {
      ...honoursManage,
      schema: {
        tags,
        summary: '修改评选（名称、说明、名额、每票可选人数；仅提名阶段）',
        params: idParams,
        body: honourCampaignEdit,
        response: { 200: honourCampaign, ...errorResponses },
      },
    },
    async (request) => honours.editCampaign(db, actorContext(request), request.params.id, request.body),
  );
  app.post(
    '/api/honours/:id/nominations',
    {
      ...honoursManage,
      schema: {
        tags,
        summary: '提名代表（附提名理由）',
        params: idParams,
        body: nominationInput,
        response: { 200: honourCampaign, ...errorResponses },
      },
    },
    async (request) => honours.nominate(db, notifier, actorContext(request), request.params.id, request.body),
  );
  app.delete(
    '/api/honours/:id/nominations/:nominationId',
    {
      ...honoursManage,
      schema: {
        tags,
        summary: '撤销提名（仅提名阶段）',
        params: idParams.extend({ nominationId: z.uuid('提名编号格式不正确') }),
        response: { 200: honourCampaign, ...errorResponses },
      },
    },
    async (request) => honours.withdrawNomination(db, notifier, actorContext(request), request.params.id, request.params.nominationId),
  );
  registerActionRoutes(app, honourActions, {
    tags,
    route: honoursManage,
    response: honourCampaign,
    run: (request, id, action) => honours.act(db, notifier, actorContext(request), id, action),
  });
  app.get(
    '/api/honours/:id/voters',
    {
      ...honoursManage,
      schema: {
        tags,
        summary: '投票人名单及是否已投票（不含所投对象）',
        params: idParams,
        response: { 200: z.object({ items: z.array(honourVoter) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await honours.voters(db, actorContext(request), request.params.id) }),
  );
  app.post(
    '/api/honours/:id/ballots',
    {
      preValidation: requirePermission('honours.vote'),
      schema: {
        tags,
        summary: '投票（每人一票，可选多名候选人；返回选票码，结束后可在公布的选票清单中查到）',
        params: idParams,
        headers: z.object({ [idempotencyHeader]: z.string().min(16, '投票凭据格式不正确').max(128).optional() }),
        body: ballotInput,
        response: { 200: honourCampaign, ...errorResponses },
      },
    },
    async (request) => honours.vote(db, actorContext(request), request.params.id, request.body, request.headers[idempotencyHeader]),
  );
};
