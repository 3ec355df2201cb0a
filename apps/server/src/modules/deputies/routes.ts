import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  assessmentQuery,
  assessmentResult,
  assessmentRow,
  assessmentWeight,
  assessmentWeightsInput,
  deputy,
  deputyGroupDetail,
  deputyGroup,
  deputyGroupInput,
  deputyImportPreview,
  deputyImportResult,
  deputyInput,
  deputyListItem,
  deputyQuery,
  deputyStatusInput,
  deputyUpdateInput,
  dutyQuery,
  dutyRecord,
  dutyRecordInput,
  gridCell,
  gridCellInput,
  gridCellQuery,
  groupMembersInput,
  groupQuery,
  membership,
  pageOf,
  performanceFile,
  performanceQuery,
  type PerformanceFile,
  term,
} from '@renda/shared';
import { actorContext, requirePermission } from '../../platform/auth.js';
import { clock } from '../../platform/clock.js';
import { attachmentDisposition, XLSX_MIME } from '../../platform/documents.js';
import { DomainError, notFound } from '../../platform/errors.js';
import { errorResponses, type ModuleRoutes } from '../../platform/http.js';
import { readOneFile } from '../../platform/multipart.js';
import * as duties from './duties-service.js';
import * as groups from './groups-service.js';
import { importTemplate } from './import.js';
import * as performance from './performance-service.js';
import { DOCX_MIME } from '../../platform/word.js';
import { performanceDocx } from './performance-docx.js';
import { opinionLink, posterHtml, qrPng } from './qr.js';
import { openPhoto, photoForDocument, removePhoto, setPhoto } from './photo.js';
import { publicCodeParam } from './public-code.js';
import { findDeputyByPublicCode } from './repository.js';
import * as service from './service.js';

const idParams = z.object({ id: z.uuid('编号格式不正确') });
const tags = ['deputies'];
const importTarget = z.object({ bodyId: z.uuid('请选择所属人大'), term });

/** Reads a multipart upload of one Excel file plus the body and term it is for. */
async function readUpload(request: FastifyRequest) {
  const { fields, file } = await readOneFile(request, '请选择要导入的 Excel 文件');
  const target = importTarget.safeParse(fields);
  if (!target.success) throw new DomainError('IMPORT_TARGET_INVALID', `请选择所属人大和届次：${target.error.issues[0]!.message}`);
  return { target: target.data, data: file.data };
}

export const origin = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

const thisYear = () => {
  const y = clock.now().getFullYear();
  return { from: `${y}-01-01`, to: clock.now().toISOString().slice(0, 10) };
};

export const deputyRoutes: ModuleRoutes = (app, { database: { db }, attachments }) => {
  const read = { preValidation: requirePermission('deputies.read') };
  const manage = { preValidation: requirePermission('deputies.manage') };
  const self = { preValidation: requirePermission('deputies.self') };
  const record = { preValidation: requirePermission('duties.record') };

  attachments.registerOwner('duty_record', (tx, ctx, id) => duties.dutyOwner(tx, ctx, id));
  attachments.registerOwner('deputy', async (tx, ctx, id) => {
    const row = await service.requireDeputy(tx, ctx, id).catch(() => null);
    return row ? { bodyId: row.deputy.bodyId } : null;
  });

  // ---- registry ----
  app.get(
    '/api/deputies',
    {
      ...read,
      schema: {
        tags,
        summary: '代表名册（分页、筛选、排序）',
        querystring: deputyQuery,
        response: { 200: pageOf(deputyListItem), ...errorResponses },
      },
    },
    async (request) => service.pageDeputies(db, actorContext(request), request.query),
  );

  app.get(
    '/api/deputies/export.xlsx',
    { ...read, schema: { tags, summary: '导出代表名册（Excel，条件同列表）', querystring: deputyQuery } },
    async (request, reply) => {
      const data = await service.exportDeputies(db, actorContext(request), request.query);
      return reply.header('content-type', XLSX_MIME).header('content-disposition', attachmentDisposition('代表名册.xlsx')).send(data);
    },
  );

  app.get('/api/deputies/import-template.xlsx', { ...manage, schema: { tags, summary: '代表名册导入模板' } }, async (_request, reply) =>
    reply
      .header('content-type', XLSX_MIME)
      .header('content-disposition', attachmentDisposition('代表名册导入模板.xlsx'))
      .send(await importTemplate()),
  );

  app.post(
    '/api/deputies/import/preview',
    {
      ...manage,
      schema: {
        tags,
        summary: '导入预览（multipart：bodyId、term、file），逐行列出错误，不写入',
        consumes: ['multipart/form-data'],
        response: { 200: deputyImportPreview, ...errorResponses },
      },
    },
    async (request) => {
      const { target, data } = await readUpload(request);
      return service.previewImport(db, actorContext(request), target, data);
    },
  );

  app.post(
    '/api/deputies/import',
    {
      ...manage,
      schema: {
        tags,
        summary: '导入代表名册：全部行无误才写入，否则一行也不写',
        consumes: ['multipart/form-data'],
        response: { 201: deputyImportResult, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { target, data } = await readUpload(request);
      return reply.status(201).send(await service.importDeputies(db, actorContext(request), target, data));
    },
  );

  app.get(
    '/api/deputies/:id',
    { ...read, schema: { tags, summary: '代表详情', params: idParams, response: { 200: deputy, ...errorResponses } } },
    async (request) => service.getDeputy(db, actorContext(request), request.params.id),
  );

  app.post(
    '/api/deputies',
    { ...manage, schema: { tags, summary: '登记代表', body: deputyInput, response: { 201: deputy, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await service.createDeputy(db, actorContext(request), request.body)),
  );

  app.patch(
    '/api/deputies/:id',
    {
      ...manage,
      schema: {
        tags,
        summary: '修改代表信息（状态请用 status 接口）',
        params: idParams,
        body: deputyUpdateInput,
        response: { 200: deputy, ...errorResponses },
      },
    },
    async (request) => service.updateDeputy(db, actorContext(request), request.params.id, request.body),
  );

  app.post(
    '/api/deputies/:id/status',
    {
      ...manage,
      schema: {
        tags,
        summary: '代表辞职、罢免、去世（附生效日期）',
        params: idParams,
        body: deputyStatusInput,
        response: { 200: deputy, ...errorResponses },
      },
    },
    async (request) => service.changeStatus(db, actorContext(request), request.params.id, request.body),
  );

  app.get('/api/deputies/:id/qr.png', { ...read, schema: { tags, summary: '代表码（PNG）', params: idParams } }, async (request, reply) => {
    const row = await service.requireDeputy(db, actorContext(request), request.params.id);
    const png = await qrPng(opinionLink(origin(request), 'deputy', row.deputy.publicCode));
    return reply
      .header('content-type', 'image/png')
      .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(`${row.deputy.name}代表码.png`)}`)
      .send(png);
  });

  app.get(
    '/api/deputies/:id/poster',
    { ...read, schema: { tags, summary: '代表码 A4 海报（可打印的 HTML 页）', params: idParams } },
    async (request, reply) => {
      const row = await service.requireDeputy(db, actorContext(request), request.params.id);
      const d = row.deputy;
      const html = await posterHtml({
        title: `${d.name}代表`,
        subtitle: `${row.bodyName}${d.term}人大代表`,
        lines: [d.post, d.constituency ? `选区：${d.constituency}` : null, d.publicContact].filter((l): l is string => !!l),
        link: opinionLink(origin(request), 'deputy', d.publicCode),
      });
      return reply.header('content-type', 'text/html; charset=utf-8').send(html);
    },
  );

  // ---- registry photo ----
  const sendPhoto = (reply: FastifyReply, photo: Awaited<ReturnType<typeof openPhoto>>, cache: string) =>
    reply
      .header('content-type', photo.attachment.mimeType)
      .header('content-length', photo.attachment.size)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', cache)
      .send(photo.stream);

  app.put(
    '/api/deputies/:id/photo',
    {
      ...manage,
      schema: {
        tags,
        summary: '上传或更换代表照片（multipart：文件 file，JPG 或 PNG，不超过 5 MB）',
        consumes: ['multipart/form-data'],
        params: idParams,
        response: { 200: deputy, 413: errorResponses[400], 415: errorResponses[400], ...errorResponses },
      },
    },
    async (request) => {
      const { file } = await readOneFile(request, '请选择代表照片');
      return setPhoto(db, attachments, actorContext(request), request.params.id, file);
    },
  );

  app.delete(
    '/api/deputies/:id/photo',
    { ...manage, schema: { tags, summary: '删除代表照片', params: idParams, response: { 200: deputy, ...errorResponses } } },
    async (request) => removePhoto(db, actorContext(request), request.params.id),
  );

  app.get('/api/deputies/:id/photo', { ...read, schema: { tags, summary: '代表照片', params: idParams } }, async (request, reply) => {
    const row = await service.requireDeputy(db, actorContext(request), request.params.id);
    return sendPhoto(reply, await openPhoto(db, attachments, row), 'private, no-cache');
  });

  app.get('/api/me/deputy/photo', { ...self, schema: { tags, summary: '我的代表照片' } }, async (request, reply) => {
    const row = await service.ownDeputy(db, actorContext(request));
    return sendPhoto(reply, await openPhoto(db, attachments, row), 'private, no-cache');
  });

  app.get(
    '/api/public/deputies/:code/photo',
    {
      config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: { tags, summary: '代表公开名片上的照片（在任代表）', security: [], params: z.object({ code: publicCodeParam }) },
    },
    async (request, reply) => {
      const row = await findDeputyByPublicCode(db, request.params.code);
      if (!row || row.deputy.status !== 'in_office') throw notFound('代表');
      // The card's address carries the photo's id, so a new photo is a new address.
      return sendPhoto(reply, await openPhoto(db, attachments, row), 'public, max-age=86400');
    },
  );

  // ---- 履职档案 and the deputy's own view ----
  const sendPerformanceDocx = async (reply: FastifyReply, file: PerformanceFile) => {
    const photo = await photoForDocument(db, attachments, file.deputy.id, file.deputy.photoId);
    return reply
      .header('content-type', DOCX_MIME)
      .header('content-disposition', attachmentDisposition(`${file.deputy.name}履职档案.docx`))
      .send(await performanceDocx(file, photo));
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
        querystring: performanceQuery.partial(),
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
    { ...self, schema: { tags, summary: '我的履职档案（Word）', querystring: performanceQuery.partial() } },
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

  // ---- groups and grid cells ----
  app.get(
    '/api/deputy-groups',
    {
      ...read,
      schema: { tags, summary: '代表小组、专业小组', querystring: groupQuery, response: { 200: pageOf(deputyGroup), ...errorResponses } },
    },
    async (request) => groups.pageGroups(db, actorContext(request), request.query),
  );
  app.get(
    '/api/deputy-groups/:id',
    { ...read, schema: { tags, summary: '小组详情与成员', params: idParams, response: { 200: deputyGroupDetail, ...errorResponses } } },
    async (request) => groups.getGroup(db, actorContext(request), request.params.id),
  );
  app.post(
    '/api/deputy-groups',
    { ...manage, schema: { tags, summary: '新建小组', body: deputyGroupInput, response: { 201: deputyGroupDetail, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await groups.createGroup(db, actorContext(request), request.body)),
  );
  app.patch(
    '/api/deputy-groups/:id',
    {
      ...manage,
      schema: {
        tags,
        summary: '修改小组',
        params: idParams,
        body: deputyGroupInput,
        response: { 200: deputyGroupDetail, ...errorResponses },
      },
    },
    async (request) => groups.updateGroup(db, actorContext(request), request.params.id, request.body),
  );
  app.put(
    '/api/deputy-groups/:id/members',
    {
      ...manage,
      schema: {
        tags,
        summary: '设置小组成员与组长',
        params: idParams,
        body: groupMembersInput,
        response: { 200: deputyGroupDetail, ...errorResponses },
      },
    },
    async (request) => groups.setMembers(db, actorContext(request), request.params.id, request.body),
  );
  app.delete(
    '/api/deputy-groups/:id',
    { ...manage, schema: { tags, summary: '删除小组', params: idParams, response: { 204: z.null(), ...errorResponses } } },
    async (request, reply) => {
      await groups.deleteGroup(db, actorContext(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/grid-cells',
    {
      ...read,
      schema: {
        tags,
        summary: '网格（村、社区）与入格代表',
        querystring: gridCellQuery,
        response: { 200: pageOf(gridCell), ...errorResponses },
      },
    },
    async (request) => groups.pageGridCells(db, actorContext(request), request.query),
  );
  app.post(
    '/api/grid-cells',
    { ...manage, schema: { tags, summary: '新建网格', body: gridCellInput, response: { 201: gridCell, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await groups.createGridCell(db, actorContext(request), request.body)),
  );
  app.put(
    '/api/grid-cells/:id/deputies',
    {
      ...manage,
      schema: {
        tags,
        summary: '设置网格的联系代表',
        params: idParams,
        body: z.object({ deputyIds: z.array(z.uuid()).max(50) }),
        response: { 200: gridCell, ...errorResponses },
      },
    },
    async (request) => groups.setCellDeputies(db, actorContext(request), request.params.id, request.body.deputyIds),
  );

  // ---- 履职登记 ----
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
