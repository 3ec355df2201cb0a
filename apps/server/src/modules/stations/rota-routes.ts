import { z } from 'zod';
import { rotaEntry, rotaInput, rotaQuery, rotaRepeatInput, rotaRepeatResult } from '@renda/shared';
import { actorContext, requirePermission } from '../../platform/auth.js';
import { errorResponses, idParams, type ModuleRoutes } from '../../platform/http.js';
import * as rota from './rota-service.js';

const tags = ['stations'];

/** 四定 rota: who receives voters at a station when, on what topic, and who follows it up. */
export const rotaRoutes: ModuleRoutes = (app, { database: { db } }) => {
  const read = { preValidation: requirePermission('stations.read') };
  const manage = { preValidation: requirePermission('stations.manage') };

  app.get(
    '/api/stations/:id/rota',
    {
      ...read,
      schema: {
        tags,
        summary: '排班（进站定人、活动定题、办理定责）',
        params: idParams,
        querystring: rotaQuery,
        response: { 200: z.object({ items: z.array(rotaEntry) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await rota.rota(db, actorContext(request), request.params.id, request.query.from, request.query.to) }),
  );
  app.post(
    '/api/stations/:id/rota',
    {
      ...manage,
      schema: { tags, summary: '新增排班', params: idParams, body: rotaInput, response: { 201: rotaEntry, ...errorResponses } },
    },
    async (request, reply) => reply.status(201).send(await rota.addRota(db, actorContext(request), request.params.id, request.body)),
  );
  app.post(
    '/api/stations/:id/rota/repeat',
    {
      ...manage,
      schema: {
        tags,
        summary: '按周重复排班（周接待：期间内每周选定的几天各排一班，跳过法定节假日和已有重叠排班的日子；preview 为 true 时只预览不保存）',
        params: idParams,
        body: rotaRepeatInput,
        response: { 200: rotaRepeatResult, 201: rotaRepeatResult, ...errorResponses },
      },
    },
    async (request, reply) => {
      const result = await rota.repeatRota(db, actorContext(request), request.params.id, request.body);
      return reply.status(result.preview ? 200 : 201).send(result);
    },
  );
  app.delete(
    '/api/stations/:id/rota/:rotaId',
    {
      ...manage,
      schema: { tags, summary: '删除排班', params: idParams.extend({ rotaId: z.uuid() }), response: { 204: z.null(), ...errorResponses } },
    },
    async (request, reply) => {
      await rota.deleteRota(db, actorContext(request), request.params.id, request.params.rotaId);
      return reply.status(204).send(null);
    },
  );
};
