import type { FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import { z } from 'zod';
import {
  ballotInput,
  honourCampaign,
  honourCampaignInput,
  nominationInput,
  pageOf,
  publicRatingInput,
  publicReportBack,
  reportBack,
  reportBackAction,
  reportBackComment,
  reportBackInput,
  reportBackQuery,
} from '@renda/shared';
import { actorContext, requestContext, requirePermission } from '../../platform/auth.js';
import { errorResponses, type ModuleRoutes } from '../../platform/http.js';
import { registerPerformanceSection } from '../deputies/index.js';
import * as honours from './honours-service.js';
import { reportBackSection } from './performance.js';
import * as service from './service.js';

const idParams = z.object({ id: z.uuid('编号格式不正确') });
const codeParams = z.object({ publicCode: z.string().regex(/^[a-z2-7]{10,24}$/, '二维码无效') });
const tags = ['deputies'];

const origin = (request: FastifyRequest) => `${request.protocol}://${request.host}`;
/** The voters' rating page a report-back's QR code opens. */
export const ratingLink = (base: string, publicCode: string) => `${base}/m/reportback?code=${encodeURIComponent(publicCode)}`;

export const reportBackRoutes: ModuleRoutes = (app, { database: { db }, attachments }) => {
  const read = { preValidation: requirePermission('reportbacks.read') };
  const manage = { preValidation: requirePermission('reportbacks.manage') };

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
        summary: '选民评价及意见（最近 500 条，手机号码已隐去中间四位）',
        params: idParams,
        response: { 200: z.object({ items: z.array(reportBackComment) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await service.comments(db, actorContext(request), request.params.id) }),
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
  app.post(
    '/api/reportbacks/:id/actions/:action',
    {
      ...manage,
      schema: {
        tags,
        summary: '开启评议 / 结束评议',
        params: idParams.extend({ action: reportBackAction }),
        response: { 200: reportBack, ...errorResponses },
      },
    },
    async (request) => service.act(db, actorContext(request), request.params.id, request.params.action),
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
    async (request) => service.publicReportBack(db, request.params.publicCode),
  );
  app.post(
    '/api/public/reportbacks/:publicCode/ratings',
    {
      // Per IP: a phone number rates once; the limit keeps one device from trying many numbers.
      ...publicLimit(10),
      schema: {
        tags,
        summary: '选民评价（满意 / 基本满意 / 不满意，每个手机号码一次）',
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
      reply.status(201).send(await service.rate(db, requestContext(request), request.params.publicCode, request.body)),
  );

  // ---- 最美人大代表 ----
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
    async (request) => honours.nominate(db, actorContext(request), request.params.id, request.body),
  );
  app.post(
    '/api/honours/:id/actions/:action',
    {
      ...honoursManage,
      schema: {
        tags,
        summary: '开始投票 / 结束投票',
        params: idParams.extend({ action: z.enum(['openVoting', 'close']) }),
        response: { 200: honourCampaign, ...errorResponses },
      },
    },
    async (request) => honours.act(db, actorContext(request), request.params.id, request.params.action),
  );
  app.post(
    '/api/honours/:id/ballots',
    {
      preValidation: requirePermission('honours.vote'),
      schema: {
        tags,
        summary: '投票（每人一票，可选多名候选人）',
        params: idParams,
        body: ballotInput,
        response: { 200: honourCampaign, ...errorResponses },
      },
    },
    async (request) => honours.vote(db, actorContext(request), request.params.id, request.body),
  );
};
