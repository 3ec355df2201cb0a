import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import {
  assessmentQuery,
  assessmentResult,
  assessmentRow,
  assessmentWeight,
  assessmentWeightsInput,
  deputy,
  membership,
  performanceFile,
  myPerformanceQuery,
  performanceQuery,
  type PerformanceFile,
} from '@renda/shared';
import { actorContext, requirePermission } from '../../platform/auth.js';
import { clock } from '../../platform/clock.js';
import { errorResponses, idParams, type ModuleRoutes, sendDownload } from '../../platform/http.js';
import { performanceDocx } from './performance-docx.js';
import * as performance from './performance-service.js';
import { photoForDocument } from './photo.js';
import * as service from './service.js';
import { chinaDate } from '../../platform/deadlines.js';

const tags = ['deputies'];

const thisYear = () => {
  const y = clock.now().getFullYear();
  return { from: `${y}-01-01`, to: chinaDate(clock.now()) };
};

/** 履职档案 and 量化考评: a deputy's file for staff, the deputy's own view of it, the weights, ranking and published results. */
export const performanceRoutes: ModuleRoutes = (app, { database: { db }, attachments }) => {
  const read = { preValidation: requirePermission('deputies.read') };
  const manage = { preValidation: requirePermission('deputies.manage') };
  const self = { preValidation: requirePermission('deputies.self') };

  const sendPerformanceDocx = async (reply: FastifyReply, file: PerformanceFile) => {
    const photo = await photoForDocument(db, attachments, file.deputy.id, file.deputy.photoId);
    return sendDownload(reply, `${file.deputy.name}履职档案.docx`, await performanceDocx(file, photo));
  };

  app.get(
    '/api/deputies/:id/performance',
    {
      ...read,
      schema: {
        tags,
        summary: '代表履职档案（期间内）',
        params: idParams,
        querystring: performanceQuery,
        response: { 200: performanceFile, ...errorResponses },
      },
    },
    async (request) => performance.performanceFile(db, actorContext(request), request.params.id, request.query.from, request.query.to),
  );

  app.get(
    '/api/deputies/:id/performance.docx',
    { ...read, schema: { tags, summary: '代表履职档案（Word）', params: idParams, querystring: performanceQuery } },
    async (request, reply) => {
      const file = await performance.performanceFile(db, actorContext(request), request.params.id, request.query.from, request.query.to);
      return sendPerformanceDocx(reply, file);
    },
  );

  app.get(
    '/api/me/deputy',
    { ...self, schema: { tags, summary: '我的代表信息', response: { 200: deputy, ...errorResponses } } },
    async (request) => service.ownDeputyView(db, actorContext(request)),
  );

  app.get(
    '/api/me/groups',
    {
      ...self,
      schema: { tags, summary: '我所在的代表小组', response: { 200: z.object({ items: z.array(membership) }), ...errorResponses } },
    },
    async (request) => {
      const own = await service.ownDeputy(db, actorContext(request));
      return { items: await performance.membershipsOf(db, own.deputy.id) };
    },
  );

  app.get(
    '/api/me/performance',
    {
      ...self,
      schema: {
        tags,
        summary: '我的履职档案（默认本年度）',
        querystring: myPerformanceQuery,
        response: { 200: performanceFile, ...errorResponses },
      },
    },
    async (request) => {
      const ctx = actorContext(request);
      const period = { ...thisYear(), ...request.query };
      return performance.performanceOf(db, ctx, await service.ownDeputy(db, ctx), period.from, period.to);
    },
  );

  app.get(
    '/api/me/performance.docx',
    { ...self, schema: { tags, summary: '我的履职档案（Word）', querystring: myPerformanceQuery } },
    async (request, reply) => {
      const ctx = actorContext(request);
      const period = { ...thisYear(), ...request.query };
      const file = await performance.performanceOf(db, ctx, await service.ownDeputy(db, ctx), period.from, period.to);
      return sendPerformanceDocx(reply, file);
    },
  );

  app.get(
    '/api/me/assessment',
    {
      ...self,
      schema: {
        tags,
        summary: '我的量化考评结果（已发布）',
        querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100) }),
        response: { 200: z.object({ result: assessmentResult.nullable() }), ...errorResponses },
      },
    },
    async (request) => {
      const own = await service.ownDeputy(db, actorContext(request));
      return { result: await performance.publishedResult(db, own.deputy.id, request.query.year) };
    },
  );

  // ---- 量化考评 ----
  app.get(
    '/api/assessment/weights',
    {
      ...read,
      schema: {
        tags,
        summary: '量化考评分值（本机关生效值）',
        querystring: z.object({ bodyId: z.uuid() }),
        response: { 200: z.object({ weights: z.array(assessmentWeight), setByBodyId: z.uuid().nullable() }), ...errorResponses },
      },
    },
    async (request) => performance.getWeights(db, actorContext(request), request.query.bodyId),
  );

  app.put(
    '/api/assessment/weights',
    {
      ...manage,
      schema: {
        tags,
        summary: '设置量化考评分值',
        body: assessmentWeightsInput,
        response: { 200: z.object({ weights: z.array(assessmentWeight), setByBodyId: z.uuid().nullable() }), ...errorResponses },
      },
    },
    async (request) => performance.setWeights(db, actorContext(request), request.body.bodyId, request.body.weights),
  );

  app.get(
    '/api/assessment/ranking',
    {
      ...read,
      schema: {
        tags,
        summary: '量化考评排名（本机关或本小组）',
        querystring: assessmentQuery,
        response: { 200: z.object({ items: z.array(assessmentRow) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await performance.ranking(db, actorContext(request), request.query) }),
  );

  app.get(
    '/api/assessment/ranking.xlsx',
    { ...read, schema: { tags, summary: '导出量化考评排名（Excel，条件同页面）', querystring: assessmentQuery } },
    async (request, reply) =>
      sendDownload(
        reply,
        `${request.query.year}年量化考评排名.xlsx`,
        await performance.exportRanking(db, actorContext(request), request.query),
      ),
  );

  app.post(
    '/api/assessment/publish',
    {
      ...manage,
      schema: {
        tags,
        summary: '发布年度考评结果（代表本人可见）',
        body: assessmentQuery.omit({ groupId: true }),
        response: { 200: z.object({ published: z.number().int() }), ...errorResponses },
      },
    },
    async (request) => performance.publish(db, actorContext(request), request.body),
  );
};
