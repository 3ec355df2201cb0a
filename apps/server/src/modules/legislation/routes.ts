import { z } from 'zod';
import {
  bulkResult,
  commentActions,
  commentExportQuery,
  commentGroups,
  commentModerateInput,
  commentQuery,
  compareQuery,
  contactPoint,
  contactPointInput,
  draft,
  draftActions,
  draftEdit,
  draftExportQuery,
  draftInput,
  draftComment,
  draftQuery,
  importResult,
  offlineCommentInput,
  pageOf,
  publicCommentInput,
  publicDraft,
  versionComparison,
  versionText,
  type Draft,
  type DraftComment,
} from '@renda/shared';
import { actorContext, requestContext, requirePermission } from '../../platform/auth.js';
import { chinaDate } from '../../platform/deadlines.js';
import { clock } from '../../platform/clock.js';
import { workbook, type Column } from '../../platform/documents.js';
import { DomainError } from '../../platform/errors.js';
import { errorResponses, idParams, registerActionRoutes, sendDownload, type ModuleRoutes } from '../../platform/http.js';
import { readOneFile } from '../../platform/multipart.js';
import { publicCodeParam } from '../deputies/index.js';
import { abuseLimits } from '../opinions/index.js';
import * as comments from './comment-service.js';
import * as points from './contact-point-service.js';
import * as drafts from './draft-service.js';
import { importOffline, importTemplate } from './import.js';
import { summaryReport } from './report.js';
import { registerAuditTitles } from '../../platform/audit.js';
import { auditTitleSources } from './draft-repository.js';

const tags = ['legislation'];
const codeParams = z.object({ publicCode: publicCodeParam });

const draftColumns: Column<Draft>[] = [
  { header: '草案名称', key: 'title', width: 36, value: (d) => d.title },
  { header: '人大机关', key: 'bodyName', width: 20, value: (d) => d.bodyName },
  { header: '起草单位', key: 'drafter', width: 20, value: (d) => d.drafter },
  { header: '征求意见开始', key: 'from', width: 12, value: (d) => d.commentFrom },
  { header: '征求意见截止', key: 'to', width: 12, value: (d) => d.commentTo },
  { header: '状态', key: 'state', width: 14, value: (d) => d.stateLabel },
  { header: '版本数', key: 'versions', width: 8, value: (d) => d.versions.length },
  { header: '参与联系点', key: 'points', width: 30, value: (d) => d.contactPoints.map((p) => p.name).join('、') },
  { header: '意见条数', key: 'comments', width: 10, value: (d) => d.counts.comments },
  { header: '参与人次', key: 'participants', width: 10, value: (d) => d.counts.participants },
  { header: '待审核', key: 'pending', width: 8, value: (d) => d.counts.pending },
];

const commentColumns: Column<DraftComment>[] = [
  { header: '条款', key: 'article', width: 12, value: (c) => c.articleLabel ?? '草案整体' },
  { header: '针对文字', key: 'quote', width: 24, value: (c) => c.quote ?? '' },
  { header: '意见内容', key: 'content', width: 60, value: (c) => c.content },
  { header: '来源', key: 'source', width: 24, value: (c) => c.contactPointName ?? c.sourceLabel },
  { header: '参与人数', key: 'participants', width: 10, value: (c) => c.participants },
  { header: '收集日期', key: 'gatheredOn', width: 12, value: (c) => c.gatheredOn },
  { header: '审核', key: 'state', width: 10, value: (c) => c.stateLabel },
  { header: '处理情况', key: 'adoption', width: 10, value: (c) => c.adoptionLabel ?? '' },
  { header: '理由', key: 'reason', width: 40, value: (c) => c.adoptionReason ?? c.rejectReason ?? '' },
];

/** 立法征求意见: drafts with versions, comments (public, contact points), marks, the summary report. */
export const legislationRoutes: ModuleRoutes = (app, { database: { db }, notifier }) => {
  registerAuditTitles(auditTitleSources);
  const read = { preValidation: requirePermission('legislation.read') };
  const manage = { preValidation: requirePermission('legislation.manage') };
  const contribute = { preValidation: requirePermission('legislation.contribute') };
  const draftIdParams = z.object({ id: z.uuid('编号格式不正确') });

  app.get(
    '/api/legislation/drafts',
    { ...read, schema: { tags, summary: '法规草案列表', querystring: draftQuery, response: { 200: pageOf(draft), ...errorResponses } } },
    async (request) => drafts.pageDrafts(db, actorContext(request), request.query),
  );
  app.get(
    '/api/legislation/drafts/export.xlsx',
    { ...read, schema: { tags, summary: '导出法规草案列表（Excel）', querystring: draftExportQuery } },
    async (request, reply) =>
      sendDownload(
        reply,
        '法规草案.xlsx',
        await workbook('法规草案', draftColumns, await drafts.listForExport(db, actorContext(request), request.query)),
      ),
  );
  app.post(
    '/api/legislation/drafts',
    {
      ...manage,
      schema: {
        tags,
        summary: '新建法规草案（粘贴全文自动识别条文，或逐条录入）',
        body: draftInput,
        response: { 201: z.object({ draft, warnings: z.array(z.string()) }), ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await drafts.createDraft(db, actorContext(request), request.body)),
  );
  app.get(
    '/api/legislation/drafts/:id',
    { ...read, schema: { tags, summary: '法规草案详情', params: idParams, response: { 200: draft, ...errorResponses } } },
    async (request) => drafts.getDraft(db, actorContext(request), request.params.id),
  );
  app.put(
    '/api/legislation/drafts/:id',
    {
      ...manage,
      schema: {
        tags,
        summary: '修改草案名称、征求意见期间和参与的联系点',
        params: idParams,
        body: draftEdit,
        response: { 200: draft, ...errorResponses },
      },
    },
    async (request) => drafts.editDraft(db, actorContext(request), request.params.id, request.body),
  );
  registerActionRoutes(app, draftActions, {
    tags,
    route: manage,
    response: draft,
    run: (request, id, action, input) => drafts.act(db, notifier, actorContext(request), id, action, input as never),
  });
  app.get(
    '/api/legislation/drafts/:id/text',
    {
      ...read,
      schema: {
        tags,
        summary: '某一版本的条文及各条意见数（热度）',
        params: idParams,
        querystring: z.object({ versionId: z.uuid().optional() }),
        response: { 200: versionText, ...errorResponses },
      },
    },
    async (request) => drafts.versionText(db, actorContext(request), request.params.id, request.query.versionId),
  );
  app.get(
    '/api/legislation/drafts/:id/compare',
    {
      ...read,
      schema: {
        tags,
        summary: '两个版本逐条比较',
        params: idParams,
        querystring: compareQuery,
        response: { 200: versionComparison, ...errorResponses },
      },
    },
    async (request) => drafts.compareVersions(db, actorContext(request), request.params.id, request.query.from, request.query.to),
  );
  app.get(
    '/api/legislation/drafts/:id/comments',
    {
      ...read,
      schema: {
        tags,
        summary: '草案的意见（按条款）',
        params: idParams,
        querystring: commentQuery,
        response: { 200: pageOf(draftComment), ...errorResponses },
      },
    },
    async (request) => comments.pageComments(db, actorContext(request), request.params.id, request.query),
  );
  app.get(
    '/api/legislation/drafts/:id/comments/export.xlsx',
    { ...read, schema: { tags, summary: '导出意见及处理情况（Excel）', params: idParams, querystring: commentExportQuery } },
    async (request, reply) => {
      const ctx = actorContext(request);
      const { draft: d } = await drafts.requireDraft(db, ctx, request.params.id);
      const rows = await comments.listComments(db, ctx, request.params.id, request.query);
      return sendDownload(reply, `${d.title}意见.xlsx`, await workbook('意见', commentColumns, rows));
    },
  );
  app.get(
    '/api/legislation/drafts/:id/comment-groups',
    { ...read, schema: { tags, summary: '相似意见归类（按条款）', params: idParams, response: { 200: commentGroups, ...errorResponses } } },
    async (request) => comments.similarGroups(db, actorContext(request), request.params.id),
  );
  app.get(
    '/api/legislation/drafts/:id/report.docx',
    { ...read, schema: { tags, summary: '征求意见情况汇总报告（Word）', params: idParams } },
    async (request, reply) => {
      const ctx = actorContext(request);
      const d = await drafts.getDraft(db, ctx, request.params.id);
      if (d.state === 'drafting') throw new DomainError('LEGISLATION_NOT_PUBLISHED', '草案尚未征求意见，没有可汇总的意见');
      const all = await comments.listComments(db, ctx, d.id, {});
      const text = await drafts.versionText(db, ctx, d.id);
      const docx = await summaryReport({
        draft: d,
        comments: all.filter((c) => c.state !== 'rejected'),
        rejected: all.filter((c) => c.state === 'rejected').length,
        articles: text.articles,
        writtenOn: chinaDate(clock.now()),
      });
      return sendDownload(reply, `${d.title}征求意见情况汇总报告.docx`, docx);
    },
  );
  app.post(
    '/api/legislation/drafts/:id/comments/moderate',
    {
      ...manage,
      schema: {
        tags,
        summary: '批量审核意见：选中的意见审核通过（公开显示）或不予公开（同一理由），各条分别处理并报告结果',
        params: draftIdParams,
        body: commentModerateInput,
        response: { 200: bulkResult, ...errorResponses },
      },
    },
    async (request) =>
      comments.moderate(db, notifier, actorContext(request), request.params.id, request.body, (err, id) =>
        request.log.error({ err, commentId: id }, 'bulk comment moderation failed'),
      ),
  );
  registerActionRoutes(app, commentActions, {
    tags,
    route: manage,
    response: draftComment,
    run: (request, id, action, input) => comments.act(db, notifier, actorContext(request), id, action, input),
  });

  // ---- 基层立法联系点 ----
  app.get(
    '/api/legislation/contact-points',
    {
      ...read,
      schema: { tags, summary: '基层立法联系点', response: { 200: z.object({ items: z.array(contactPoint) }), ...errorResponses } },
    },
    async (request) => ({ items: await points.listPoints(db, actorContext(request)) }),
  );
  app.get(
    '/api/legislation/contact-points/candidates',
    {
      ...manage,
      schema: {
        tags,
        summary: '可设为联系点工作人员的账号（本机关及下级机关工作人员）',
        response: {
          200: z.object({ items: z.array(z.object({ id: z.uuid(), displayName: z.string(), bodyName: z.string() })) }),
          ...errorResponses,
        },
      },
    },
    async (request) => points.memberCandidates(db, actorContext(request)),
  );
  app.post(
    '/api/legislation/contact-points',
    {
      ...manage,
      schema: { tags, summary: '新建基层立法联系点', body: contactPointInput, response: { 201: contactPoint, ...errorResponses } },
    },
    async (request, reply) => reply.status(201).send(await points.createPoint(db, actorContext(request), request.body)),
  );
  app.put(
    '/api/legislation/contact-points/:id',
    {
      ...manage,
      schema: {
        tags,
        summary: '修改基层立法联系点',
        params: idParams,
        body: contactPointInput,
        response: { 200: contactPoint, ...errorResponses },
      },
    },
    async (request) => points.updatePoint(db, actorContext(request), request.params.id, request.body),
  );
  app.get(
    '/api/legislation/my/contact-points',
    { ...contribute, schema: { tags, summary: '我所在的基层立法联系点及其参与的草案' } },
    async (request) => points.myPoints(db, actorContext(request)),
  );
  app.get(
    '/api/legislation/offline-template.xlsx',
    { ...contribute, schema: { tags, summary: '联系点意见导入模板（Excel）' } },
    async (_request, reply) => sendDownload(reply, '联系点意见导入模板.xlsx', await importTemplate()),
  );
  app.post(
    '/api/legislation/drafts/:id/offline-comments',
    {
      ...contribute,
      schema: {
        tags,
        summary: '录入联系点线下收集的一条意见（含参与人数）',
        params: draftIdParams,
        body: offlineCommentInput,
        response: { 201: draftComment, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await comments.enterOffline(db, actorContext(request), request.params.id, request.body)),
  );
  app.post(
    '/api/legislation/drafts/:id/offline-comments/import',
    {
      ...contribute,
      schema: {
        tags,
        summary: '从 Excel 批量导入联系点意见（任何一行有错则整个文件不导入，并列出各行问题）',
        params: draftIdParams,
        response: { 201: importResult, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { fields, file } = await readOneFile(request, '请选择要导入的 Excel 文件');
      const pointId = z.uuid().safeParse(fields.contactPointId);
      if (!pointId.success)
        throw new DomainError('LEGISLATION_POINT_REQUIRED', '请选择基层立法联系点', {
          fields: [{ path: 'contactPointId', message: '请选择基层立法联系点' }],
        });
      return reply.status(201).send(await importOffline(db, actorContext(request), request.params.id, pointId.data, file.data));
    },
  );

  // ---- public (no login): the comment page ----
  app.get(
    '/api/public/legislation/:publicCode',
    {
      config: { rateLimit: abuseLimits.perIpTracking },
      schema: {
        tags,
        summary: '公开征求意见的法规草案',
        security: [],
        params: codeParams,
        response: { 200: publicDraft, 404: errorResponses[404] },
      },
    },
    async (request) => comments.publicDraft(db, request.params.publicCode),
  );
  app.post(
    '/api/public/legislation/:publicCode/comments',
    {
      config: { rateLimit: abuseLimits.perIp },
      schema: {
        tags,
        summary: '对草案整体、某一条或选中的文字提出意见（审核后公开）',
        security: [],
        params: codeParams,
        body: publicCommentInput,
        response: {
          201: z.object({ ok: z.literal(true), message: z.string() }),
          400: errorResponses[400],
          404: errorResponses[404],
          409: errorResponses[409],
          429: errorResponses[409],
        },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await comments.submitPublic(db, requestContext(request), request.params.publicCode, request.body)),
  );
};
