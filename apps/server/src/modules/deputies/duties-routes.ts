import { z } from 'zod';
import { dutyQuery, dutyRecord, dutyRecordInput, pageOf } from '@renda/shared';
import { actorContext, requirePermission } from '../../platform/auth.js';
import { errorResponses, idParams, type ModuleRoutes, sendDownload } from '../../platform/http.js';
import * as duties from './duties-service.js';

const tags = ['deputies'];

/** 履职登记: the duty log, written by deputies for themselves and by staff for collective activities. */
export const dutyRoutes: ModuleRoutes = (app, { database: { db } }) => {
  const record = { preValidation: requirePermission('duties.record') };

  app.get(
    '/api/duties',
    {
      ...record,
      schema: {
        tags,
        summary: '履职登记（代表只看到本人参加的）',
        querystring: dutyQuery,
        response: { 200: pageOf(dutyRecord), ...errorResponses },
      },
    },
    async (request) => duties.pageDuties(db, actorContext(request), request.query),
  );
  app.get(
    '/api/duties/export.xlsx',
    { ...record, schema: { tags, summary: '导出履职登记（Excel，条件同列表；代表只导出本人参加的）', querystring: dutyQuery } },
    async (request, reply) => sendDownload(reply, '履职登记.xlsx', await duties.exportDuties(db, actorContext(request), request.query)),
  );
  app.get(
    '/api/duties/:id',
    { ...record, schema: { tags, summary: '履职记录详情', params: idParams, response: { 200: dutyRecord, ...errorResponses } } },
    async (request) => duties.getDuty(db, actorContext(request), request.params.id),
  );
  app.post(
    '/api/duties',
    {
      ...record,
      schema: {
        tags,
        summary: '登记履职活动（代表登记本人；机关可为多名代表登记集体活动）',
        body: dutyRecordInput,
        response: { 201: dutyRecord, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await duties.createDuty(db, actorContext(request), request.body)),
  );
  app.put(
    '/api/duties/:id',
    {
      ...record,
      schema: { tags, summary: '修改履职记录', params: idParams, body: dutyRecordInput, response: { 200: dutyRecord, ...errorResponses } },
    },
    async (request) => duties.updateDuty(db, actorContext(request), request.params.id, request.body),
  );
  app.delete(
    '/api/duties/:id',
    { ...record, schema: { tags, summary: '删除履职记录', params: idParams, response: { 204: z.null(), ...errorResponses } } },
    async (request, reply) => {
      await duties.deleteDuty(db, actorContext(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
};
