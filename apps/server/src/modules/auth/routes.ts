import { z } from 'zod';
import { changePasswordInput, errorBody, loginInput, session, sessionState } from '@renda/shared';
import { actorContext, requestContext, SESSION_COOKIE } from '../../platform/auth.js';
import { unauthorized } from '../../platform/errors.js';
import { errorResponses, type ModuleRoutes } from '../../platform/http.js';
import * as service from './service.js';

const csrfToken = z.object({ csrfToken: z.string() });

export const authRoutes: ModuleRoutes = (app, { database: { db }, config }) => {
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'strict' as const, secure: config.COOKIE_SECURE };

  app.get(
    '/api/auth/csrf',
    { schema: { tags: ['auth'], summary: '获取 CSRF 令牌（提交表单前调用）', response: { 200: csrfToken } } },
    async (_request, reply) => ({ csrfToken: reply.generateCsrf() }),
  );

  app.post(
    '/api/auth/login',
    {
      config: { rateLimit: { max: config.LOGIN_ATTEMPTS_PER_MINUTE, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: '用户名密码登录',
        body: loginInput,
        response: { 200: session, 401: errorBody, 423: errorBody, 429: errorBody },
      },
    },
    async (request, reply) => {
      const result = await service.login(
        db,
        config,
        { ...requestContext(request), userAgent: request.headers['user-agent'] ?? null },
        request.body,
      );
      reply.setCookie(SESSION_COOKIE, result.token, { ...cookieOptions, expires: result.expiresAt });
      return { user: service.presentCurrentUser(result.actor), csrfToken: reply.generateCsrf() };
    },
  );

  app.post('/api/auth/logout', { schema: { tags: ['auth'], summary: '退出登录', response: { 204: z.null() } } }, async (request, reply) => {
    await service.logout(db, requestContext(request), request.cookies[SESSION_COOKIE]);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });

  app.get(
    '/api/auth/me',
    { schema: { tags: ['auth'], summary: '当前登录用户', response: { 200: session, 401: errorBody } } },
    async (request, reply) => {
      if (!request.actor) throw unauthorized();
      return { user: service.presentCurrentUser(request.actor), csrfToken: reply.generateCsrf() };
    },
  );

  app.get(
    '/api/auth/session',
    { schema: { tags: ['auth'], summary: '会话状态（未登录时 user 为 null，不返回 401）', response: { 200: sessionState } } },
    async (request, reply) => ({
      user: request.actor ? service.presentCurrentUser(request.actor) : null,
      csrfToken: reply.generateCsrf(),
    }),
  );

  app.post(
    '/api/auth/change-password',
    {
      schema: {
        tags: ['auth'],
        summary: '修改密码（其他会话随之失效）',
        body: changePasswordInput,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const ctx = actorContext(request);
      await service.changePassword(db, ctx, request.cookies[SESSION_COOKIE] ?? '', request.body);
      return reply.status(204).send(null);
    },
  );
};
