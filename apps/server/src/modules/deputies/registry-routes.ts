import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  deputy,
  deputyActions,
  deputyImportPreview,
  deputyImportResult,
  deputyLoginsInput,
  deputyLoginsResult,
  deputyInput,
  deputyListItem,
  deputyQuery,
  deputyUpdateInput,
  pageOf,
  term,
} from '@renda/shared';
import { actorContext, requirePermission } from '../../platform/auth.js';
import { DomainError } from '../../platform/errors.js';
import { errorResponses, idParams, type ModuleRoutes, registerActionRoutes, sendDownload } from '../../platform/http.js';
import { readOneFile } from '../../platform/multipart.js';
import { importTemplate } from './import.js';
import * as service from './service.js';
import { createDeputyLogins } from './logins-service.js';
import { changeStatus } from './status-service.js';

const tags = ['deputies'];
const importTarget = z.object({ bodyId: z.uuid('请选择所属人大'), term, openLogins: z.stringbool().optional() });

/** Reads a multipart upload of one Excel file plus the body and term it is for. */
async function readUpload(request: FastifyRequest) {
  const { fields, file } = await readOneFile(request, '请选择要导入的 Excel 文件');
  const target = importTarget.safeParse(fields);
  if (!target.success) throw new DomainError('IMPORT_TARGET_INVALID', `请选择所属人大和届次：${target.error.issues[0]!.message}`);
  return { target: target.data, data: file.data };
}

/** 代表名册: the list, Excel import and export, one deputy, and the status changes as actions. */
export const registryRoutes: ModuleRoutes = (app, { database: { db }, notifier }) => {
  const read = { preValidation: requirePermission('deputies.read') };
  const manage = { preValidation: requirePermission('deputies.manage') };

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
      return sendDownload(reply, '代表名册.xlsx', data);
    },
  );

  app.get('/api/deputies/import-template.xlsx', { ...manage, schema: { tags, summary: '代表名册导入模板' } }, async (_request, reply) =>
    sendDownload(reply, '代表名册导入模板.xlsx', await importTemplate()),
  );

  app.post(
    '/api/deputies/logins',
    {
      ...manage,
      schema: {
        tags,
        summary: '为选中的代表开通登录账号（初始密码仅显示一次；有手机号的以短信发送）',
        body: deputyLoginsInput,
        response: { 200: deputyLoginsResult, ...errorResponses },
      },
    },
    async (request) => createDeputyLogins(db, actorContext(request), notifier, request.body.deputyIds),
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
        summary: '导入代表名册：全部行无误才写入，否则一行也不写；openLogins=true 时同时为导入的代表开通登录账号',
        consumes: ['multipart/form-data'],
        response: { 201: deputyImportResult, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { target, data } = await readUpload(request);
      return reply.status(201).send(await service.importDeputies(db, actorContext(request), notifier, target, data));
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

  registerActionRoutes(app, deputyActions, {
    tags,
    route: manage,
    response: deputy,
    run: (request, id, action, input) =>
      changeStatus(db, notifier, actorContext(request), id, action, input as Parameters<typeof changeStatus>[5]),
  });
};
