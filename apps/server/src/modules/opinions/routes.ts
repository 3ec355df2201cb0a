import type { FastifyRequest } from 'fastify';
import type { MultipartFile } from '@fastify/multipart';
import { z } from 'zod';
import {
  bulkAcceptInput,
  bulkDeclineInput,
  bulkRouteInput,
  bulkResult,
  errorBody,
  opinionActions,
  opinionCategoriesInput,
  opinionCategorySetting,
  opinionDetail,
  opinionLimits,
  opinionPage,
  opinionFilterQuery,
  opinionQuery,
  opinionStatusCounts,
  pageOf,
  pageQuery,
  publicOpinionForm,
  publicOpinionInput,
  publicOpinionReceipt,
  publicOpinionView,
  publicOpinionRatingInput,
  receivedOpinion,
  routeDeadlinePreview,
  similarOpinions,
  type OpinionActionInputs,
} from '@renda/shared';
import { actorContext, requestContext, requirePermission } from '../../platform/auth.js';
import { DomainError } from '../../platform/errors.js';
import { errorResponses, idParams, type ModuleRoutes, registerActionRoutes, sendDownload } from '../../platform/http.js';
import { registerProvisionalDeadlines } from '../../platform/provisional-deadlines.js';
import { qrPng, registerSevenOnesSource, requestOrigin } from '../deputies/index.js';
import { act, bulkAct } from './action-service.js';
import * as categories from './category-service.js';
import { opinionDeadlines, scanDeadlines } from './deadline-scan.js';
import { countReceivedByDeputy } from './figures-repository.js';
import * as intake from './intake.js';
import type { Photo } from './intake.js';
import { getVisible, auditTitleSources } from './opinion-repository.js';
import { abuseLimits } from './rules.js';
import * as service from './service.js';
import { similarOpinions as findSimilar } from './similarity.js';
import { registerAuditTitles } from '../../platform/audit.js';

const tags = ['opinions'];
const codeParams = z.object({ code: z.string().max(40) });
const publicErrors = { 400: errorBody, 404: errorBody, 409: errorBody, 413: errorBody, 415: errorBody, 429: errorBody };

/** Reads the form fields and up to the allowed number of photos; refusals are in plain Chinese. */
async function readSubmission(request: FastifyRequest): Promise<{ fields: Record<string, unknown>; photos: Photo[] }> {
  if (!request.isMultipart()) return { fields: (request.body ?? {}) as Record<string, unknown>, photos: [] };
  const fields: Record<string, unknown> = {};
  const photos: Photo[] = [];
  try {
    const parts = request.parts({ limits: { files: opinionLimits.photosMax, fileSize: opinionLimits.photoMaxBytes, fields: 20 } });
    for await (const part of parts) {
      if (part.type === 'file') photos.push({ fileName: part.filename, data: await (part as MultipartFile).toBuffer() });
      else fields[part.fieldname] = part.value;
    }
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE')
      throw new DomainError('OPINION_PHOTO_TOO_LARGE', `每张照片不能超过 ${opinionLimits.photoMaxBytes / 1024 / 1024} MB`, undefined, 413);
    if (code === 'FST_FILES_LIMIT')
      throw new DomainError('OPINION_TOO_MANY_PHOTOS', `最多上传 ${opinionLimits.photosMax} 张照片`, undefined, 413);
    throw err;
  }
  return { fields, photos };
}

export const opinionRoutes: ModuleRoutes = (app, { database: { db }, attachments, notifier, jobs }) => {
  registerAuditTitles(auditTitleSources);
  // Opinions a deputy received count toward their seven ones (收集社情民意, 解决具体问题).
  registerSevenOnesSource('opinions', async (tx, deputyId, from, to) => {
    const { received, solved } = await countReceivedByDeputy(tx, deputyId, from, to);
    return { collectOpinions: received, solveProblem: solved };
  });
  attachments.registerOwner('opinion', async (tx, ctx, ownerId) => {
    const row = z.uuid().safeParse(ownerId).success ? await getVisible(tx, ctx.actor, ownerId) : undefined;
    return row ? { bodyId: row.opinion.bodyId } : null;
  });
  // Entering a year of the official calendar recounts the reply deadlines running into it.
  registerProvisionalDeadlines(opinionDeadlines);
  jobs.define({ name: 'opinions-deadlines', cron: '*/30 * * * *', handler: async () => void (await scanDeadlines(db, notifier)) });

  // ---- public: no login, rate limited per address ----
  const publicTarget = z.object({ station: z.string().max(24).optional(), deputy: z.string().max(24).optional() });

  app.get(
    '/api/me/opinions',
    {
      preValidation: requirePermission('opinions.received'),
      schema: {
        tags,
        summary: '我收到的群众意见（代表码提交或由本人领办），可转为建议',
        querystring: pageQuery,
        response: { 200: pageOf(receivedOpinion), ...errorResponses },
      },
    },
    async (request) => service.pageReceived(db, actorContext(request), request.query),
  );
  app.get(
    '/api/public/opinions/form',
    {
      config: { rateLimit: abuseLimits.perIpTracking },
      schema: {
        tags,
        summary: '意见表单（由联络站或代表二维码进入）',
        querystring: publicTarget,
        response: { 200: publicOpinionForm, ...publicErrors },
      },
    },
    async (request) => intake.publicForm(db, request.query),
  );

  app.post(
    '/api/public/opinions',
    {
      config: { rateLimit: abuseLimits.perIp },
      schema: {
        tags,
        summary: '群众提交意见（JSON 或 multipart：表单字段加最多 3 张照片 photo）',
        consumes: ['application/json', 'multipart/form-data'],
        response: { 201: publicOpinionReceipt, 200: publicOpinionReceipt, ...publicErrors },
      },
    },
    async (request, reply) => {
      const { fields, photos } = await readSubmission(request);
      const parsed = publicOpinionInput.safeParse(fields);
      if (!parsed.success) {
        const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
        throw new DomainError('VALIDATION_FAILED', issues[0]?.message ?? '提交的内容有误', { fields: issues });
      }
      const receipt = await intake.submit(db, { attachments, notifier }, requestContext(request), parsed.data, photos);
      return reply.status(receipt.repeated ? 200 : 201).send({ trackingCode: receipt.trackingCode, submittedAt: receipt.submittedAt });
    },
  );

  app.get(
    '/api/public/opinions/:code',
    {
      config: { rateLimit: abuseLimits.perIpTracking },
      schema: { tags, summary: '凭查询码查看办理进度', params: codeParams, response: { 200: publicOpinionView, ...publicErrors } },
    },
    async (request) => intake.track(db, request.params.code),
  );

  app.get(
    '/api/public/opinions/:code/qr.png',
    {
      config: { rateLimit: abuseLimits.perIpTracking },
      schema: {
        tags,
        summary: '查询链接的二维码（在联络站的公用设备上提交后，用自己的手机扫码带走查询链接）',
        params: codeParams,
      },
    },
    async (request, reply) => {
      // Only for a code that exists: not a QR generator for any text.
      const view = await intake.track(db, request.params.code);
      const png = await qrPng(`${requestOrigin(request)}/m/opinion?code=${encodeURIComponent(view.trackingCode)}`);
      return reply.header('content-type', 'image/png').header('cache-control', 'private, max-age=3600').send(png);
    },
  );

  app.post(
    '/api/public/opinions/:code/rating',
    {
      config: { rateLimit: abuseLimits.perIp },
      schema: {
        tags,
        summary: '群众评价答复（不满意将转回复核）',
        params: codeParams,
        body: publicOpinionRatingInput,
        response: { 200: publicOpinionView, ...publicErrors },
      },
    },
    async (request) => intake.rate(db, notifier, requestContext(request), request.params.code, request.body),
  );

  // ---- staff and handling units ----
  const readers = { preValidation: requirePermission('opinions.read', 'opinions.handle') };

  app.get(
    '/api/opinions',
    {
      ...readers,
      schema: {
        tags,
        summary: '群众意见收件箱（筛选、分页）',
        querystring: opinionQuery,
        response: { 200: opinionPage, ...errorResponses },
      },
    },
    async (request) => service.pageInbox(db, actorContext(request), request.query),
  );

  app.get(
    '/api/opinions/counts',
    {
      ...readers,
      schema: {
        tags,
        summary: '群众意见按状态统计（筛选同收件箱）',
        querystring: opinionFilterQuery,
        response: { 200: opinionStatusCounts, ...errorResponses },
      },
    },
    async (request) => service.countInbox(db, actorContext(request), request.query),
  );

  app.get(
    '/api/opinions/assigned',
    {
      preValidation: requirePermission('opinions.handle'),
      schema: { tags, summary: '转办给本单位的群众意见', querystring: opinionQuery, response: { 200: opinionPage, ...errorResponses } },
    },
    async (request) => service.pageInbox(db, actorContext(request), request.query),
  );

  // Staff export their inbox, a unit the opinions routed to it (without contact details the citizen did not consent to).
  for (const [url, permission, summary] of [
    ['/api/opinions/export', 'opinions.read', '导出群众意见（Excel；含联系方式的导出记入审计）'],
    ['/api/opinions/assigned/export', 'opinions.handle', '承办单位导出转办本单位的群众意见（Excel；群众未同意的不含姓名和手机号）'],
  ] as const)
    app.get(
      url,
      {
        preValidation: requirePermission(permission),
        schema: { tags, summary, querystring: opinionFilterQuery },
      },
      async (request, reply) => {
        const file = await service.exportInbox(db, actorContext(request), request.query);
        return sendDownload(reply, '群众意见.xlsx', file);
      },
    );

  const categoryEditors = { preValidation: requirePermission('opinions.categories') };
  const bodyQuery = z.object({ bodyId: z.uuid('请选择机关') });

  app.get(
    '/api/opinions/categories',
    {
      ...categoryEditors,
      schema: {
        tags,
        summary: '机关现行的意见类别字典（本机关自有、沿用上级或内置），并标明已有意见使用的类别',
        querystring: bodyQuery,
        response: { 200: opinionCategorySetting, ...errorResponses },
      },
    },
    async (request) => categories.getCategories(db, actorContext(request), request.query.bodyId),
  );

  app.put(
    '/api/opinions/categories',
    {
      ...categoryEditors,
      schema: {
        tags,
        summary: '设置本机关的意见类别字典（新增、改名、排序、停用；已有意见使用的类别不能删除）',
        body: opinionCategoriesInput,
        response: { 200: opinionCategorySetting, ...errorResponses },
      },
    },
    async (request) => categories.setCategories(db, actorContext(request), request.body),
  );

  app.delete(
    '/api/opinions/categories',
    {
      ...categoryEditors,
      schema: {
        tags,
        summary: '恢复默认：删除本机关自有的意见类别字典，改为沿用上级机关或内置的字典',
        querystring: bodyQuery,
        response: { 200: opinionCategorySetting, ...errorResponses },
      },
    },
    async (request) => categories.resetCategories(db, actorContext(request), request.query.bodyId),
  );

  // Bulk actions: the single action on each item, each answering on its own.
  const triagers = { preValidation: requirePermission('opinions.triage') };
  const bulk = <A extends 'accept' | 'decline' | 'route'>(
    request: FastifyRequest,
    ids: string[],
    action: A,
    input: OpinionActionInputs[A],
  ) =>
    bulkAct(db, notifier, actorContext(request), ids, action, input, (err, id) =>
      request.log.error({ err, opinionId: id }, 'bulk opinion action failed'),
    );

  app.post(
    '/api/opinions/bulk-accept',
    { ...triagers, schema: { tags, summary: '批量受理', body: bulkAcceptInput, response: { 200: bulkResult, ...errorResponses } } },
    async (request) => bulk(request, request.body.ids, 'accept', {}),
  );

  app.post(
    '/api/opinions/bulk-decline',
    {
      ...triagers,
      schema: {
        tags,
        summary: '批量不予受理（同一理由，各条分别告知群众）',
        body: bulkDeclineInput,
        response: { 200: bulkResult, ...errorResponses },
      },
    },
    async (request) => bulk(request, request.body.ids, 'decline', { reason: request.body.reason }),
  );

  app.post(
    '/api/opinions/bulk-route',
    {
      ...triagers,
      schema: {
        tags,
        summary: '批量转办（同一承办单位和转办方式，答复期限按各条意见所属机关的期限规则）',
        body: bulkRouteInput,
        response: { 200: bulkResult, ...errorResponses },
      },
    },
    async (request) => {
      const { ids, ...route } = request.body;
      return bulk(request, ids, 'route', route);
    },
  );

  app.get(
    '/api/opinions/:id',
    {
      ...readers,
      schema: {
        tags,
        summary: '意见详情（含办理过程和可执行的操作）',
        params: idParams,
        response: { 200: opinionDetail, ...errorResponses },
      },
    },
    async (request) => service.getDetail(db, actorContext(request), request.params.id),
  );

  app.get(
    '/api/opinions/:id/similar',
    {
      preValidation: requirePermission('opinions.triage'),
      schema: {
        tags,
        summary: '相似意见（同一机关近期、可合并的，按分词相似度排序）',
        params: idParams,
        response: { 200: similarOpinions, ...errorResponses },
      },
    },
    async (request) => ({ items: await findSimilar(db, actorContext(request), request.params.id) }),
  );

  app.get(
    '/api/opinions/:id/route-deadline',
    {
      preValidation: requirePermission('opinions.triage'),
      schema: {
        tags,
        summary: '现在转办的答复期限（按本机关现行期限规则）',
        params: idParams,
        response: { 200: routeDeadlinePreview, ...errorResponses },
      },
    },
    async (request) => service.routeDeadline(db, actorContext(request), request.params.id),
  );

  // 办理操作：受理、不予受理、合并、代表领办、转办、签收、退回、答复、审核答复、办结, one URL each.
  registerActionRoutes(app, opinionActions, {
    tags,
    route: { preValidation: requirePermission('opinions.triage', 'opinions.handle') },
    response: opinionDetail,
    run: (request, id, action, input) => act(db, notifier, actorContext(request), id, action, input as never),
  });
};
