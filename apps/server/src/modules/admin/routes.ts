import { z } from 'zod';
import {
  body,
  bodyInput,
  createdLogin,
  deadlineRuleInput,
  deadlineRuleSetting,
  handlingUnit,
  handlingUnitInput,
  handlingUnitQuery,
  pageOf,
  region,
  resetPasswordInput,
  user,
  userCreateInput,
  userQuery,
  unitLoginInput,
  userUpdateInput,
} from '@renda/shared';
import { actorContext, requirePermission } from '../../platform/auth.js';
import { errorResponses, type ModuleRoutes } from '../../platform/http.js';
import * as repo from './repository.js';
import * as bodies from './bodies-service.js';
import * as deadlineRules from './deadline-rules-service.js';
import * as units from './handling-units-service.js';
import * as users from './users-service.js';
import { registerAuditTitles } from '../../platform/audit.js';

const idParams = z.object({ id: z.uuid('编号格式不正确') });
const tags = ['admin'];

export const adminRoutes: ModuleRoutes = (app, { database: { db }, attachments, notifier }) => {
  registerAuditTitles(repo.auditTitleSources);
  const manage = { preValidation: requirePermission('admin.manage') };
  // Rules, charters and other documents of a congress body.
  attachments.registerOwner('body', async (tx, ctx, ownerId) => {
    const row = await repo.getBody(tx, ctx.actor, ownerId);
    return row ? { bodyId: row.body.id } : null;
  });

  app.get(
    '/api/regions',
    {
      schema: {
        tags,
        summary: '行政区划（按上级代码逐级展开；不带参数返回省级）',
        querystring: z.object({
          parentCode: z
            .string()
            .regex(/^\d{6,12}$/)
            .optional(),
        }),
        response: { 200: z.object({ items: z.array(region) }) },
      },
    },
    async (request) => ({ items: await bodies.regionChildren(db, request.query.parentCode ?? null) }),
  );

  app.get(
    '/api/bodies',
    {
      preValidation: requirePermission('bodies.read'),
      schema: { tags, summary: '本机关及下级人大机关', response: { 200: z.object({ items: z.array(body) }), ...errorResponses } },
    },
    async (request) => ({ items: await bodies.listBodies(db, actorContext(request)) }),
  );

  app.post(
    '/api/admin/bodies',
    { ...manage, schema: { tags, summary: '新建人大机关', body: bodyInput, response: { 201: body, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await bodies.createBody(db, actorContext(request), request.body)),
  );

  app.patch(
    '/api/admin/bodies/:id',
    { ...manage, schema: { tags, summary: '修改人大机关', params: idParams, body: bodyInput, response: { 200: body, ...errorResponses } } },
    async (request) => bodies.updateBody(db, actorContext(request), request.params.id, request.body),
  );

  app.get(
    '/api/handling-units',
    {
      preValidation: requirePermission('handlingUnits.read'),
      schema: { tags, summary: '承办单位列表', querystring: handlingUnitQuery, response: { 200: pageOf(handlingUnit), ...errorResponses } },
    },
    async (request) => units.pageHandlingUnits(db, actorContext(request), request.query),
  );

  app.post(
    '/api/admin/handling-units',
    { ...manage, schema: { tags, summary: '新建承办单位', body: handlingUnitInput, response: { 201: handlingUnit, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await units.createHandlingUnit(db, actorContext(request), request.body)),
  );

  app.post(
    '/api/admin/handling-units/:id/logins',
    {
      ...manage,
      schema: {
        tags,
        summary: '为承办单位开通登录账号（初始密码仅显示一次；填写手机号的以短信发送）',
        params: idParams,
        body: unitLoginInput,
        response: { 201: createdLogin, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await units.createUnitLogin(db, actorContext(request), notifier, request.params.id, request.body)),
  );

  app.patch(
    '/api/admin/handling-units/:id',
    {
      ...manage,
      schema: {
        tags,
        summary: '修改承办单位',
        params: idParams,
        body: handlingUnitInput,
        response: { 200: handlingUnit, ...errorResponses },
      },
    },
    async (request) => units.updateHandlingUnit(db, actorContext(request), request.params.id, request.body),
  );

  app.get(
    '/api/admin/deadline-rules',
    {
      ...manage,
      schema: {
        tags,
        summary: '期限规则（本机关生效值与法定默认值）',
        querystring: z.object({ bodyId: z.uuid() }),
        response: { 200: z.object({ items: z.array(deadlineRuleSetting) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await deadlineRules.deadlineRuleSettings(db, actorContext(request), request.query.bodyId) }),
  );

  app.put(
    '/api/admin/deadline-rules/:key',
    {
      ...manage,
      schema: {
        tags,
        summary: '设置本机关的期限规则（rule 为 null 时恢复上级或法定默认）',
        params: z.object({ key: z.string().max(64) }),
        body: z.object({ bodyId: z.uuid(), rule: deadlineRuleInput.nullable() }),
        response: { 200: z.object({ items: z.array(deadlineRuleSetting) }), ...errorResponses },
      },
    },
    async (request) => ({
      items: await deadlineRules.setDeadlineRule(db, actorContext(request), request.body.bodyId, request.params.key, request.body.rule),
    }),
  );

  app.get(
    '/api/admin/users',
    { ...manage, schema: { tags, summary: '用户列表', querystring: userQuery, response: { 200: pageOf(user), ...errorResponses } } },
    async (request) => users.pageUsers(db, actorContext(request), request.query),
  );

  app.post(
    '/api/admin/users',
    { ...manage, schema: { tags, summary: '新建用户', body: userCreateInput, response: { 201: user, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await users.createUser(db, actorContext(request), request.body)),
  );

  app.patch(
    '/api/admin/users/:id',
    {
      ...manage,
      schema: {
        tags,
        summary: '修改用户（姓名、角色、承办单位、电话、启用）',
        params: idParams,
        body: userUpdateInput,
        response: { 200: user, ...errorResponses },
      },
    },
    async (request) => users.updateUser(db, actorContext(request), request.params.id, request.body),
  );

  app.post(
    '/api/admin/users/:id/reset-password',
    {
      ...manage,
      schema: { tags, summary: '重置用户密码', params: idParams, body: resetPasswordInput, response: { 204: z.null(), ...errorResponses } },
    },
    async (request, reply) => {
      await users.resetPassword(db, actorContext(request), request.params.id, request.body.password);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/admin/users/:id/unlock',
    { ...manage, schema: { tags, summary: '解锁账号', params: idParams, response: { 200: user, ...errorResponses } } },
    async (request) => users.unlockUser(db, actorContext(request), request.params.id),
  );
};
