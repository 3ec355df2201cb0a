import { z } from 'zod';
import { notification, notificationQuery, outboxMessage, pageOf, pageQuery } from '@renda/shared';
import { actorContext, requirePermission } from '../../platform/auth.js';
import { errorResponses, type ModuleRoutes } from '../../platform/http.js';
import * as service from './service.js';

const tags = ['platform'];

export const notificationRoutes: ModuleRoutes = (app, { database: { db }, notifier }) => {
  const own = { preValidation: requirePermission('notifications.own') };
  // Live streams never end on their own; shutdown closes them so in-flight requests can drain.
  const openStreams = new Set<() => void>();
  app.addHook('preClose', async () => {
    for (const close of openStreams) close();
  });

  app.get(
    '/api/notifications',
    {
      ...own,
      schema: { tags, summary: '我的通知', querystring: notificationQuery, response: { 200: pageOf(notification), ...errorResponses } },
    },
    async (request) => service.pageOwn(db, actorContext(request), { ...request.query, unread: request.query.unread === 'true' }),
  );

  app.get(
    '/api/notifications/unread-count',
    { ...own, schema: { tags, summary: '未读通知数', response: { 200: z.object({ count: z.number().int() }), ...errorResponses } } },
    async (request) => ({ count: await notifier.unreadCount(db, actorContext(request).actor.id) }),
  );

  app.get(
    '/api/notifications/stream',
    { ...own, schema: { tags, summary: '未读数实时推送（Server-Sent Events，事件名 unread）' } },
    async (request, reply) => {
      const userId = actorContext(request).actor.id;
      reply.hijack();
      reply.raw.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
      const push = (count: number) => reply.raw.write(`event: unread\ndata: ${JSON.stringify({ count })}\n\n`);
      push(await notifier.unreadCount(db, userId));
      const unsubscribe = notifier.subscribe(userId, push);
      const keepAlive = setInterval(() => reply.raw.write(': keep-alive\n\n'), 25_000);
      const close = () => {
        clearInterval(keepAlive);
        unsubscribe();
        openStreams.delete(close);
        reply.raw.end();
      };
      openStreams.add(close);
      request.raw.on('close', close);
    },
  );

  app.post(
    '/api/notifications/:id/read',
    {
      ...own,
      schema: {
        tags,
        summary: '标为已读',
        params: z.object({ id: z.uuid() }),
        response: { 200: z.object({ changed: z.number().int() }), ...errorResponses },
      },
    },
    async (request) => ({ changed: await service.markRead(db, notifier, actorContext(request), request.params.id) }),
  );

  app.post(
    '/api/notifications/read-all',
    { ...own, schema: { tags, summary: '全部标为已读', response: { 200: z.object({ changed: z.number().int() }), ...errorResponses } } },
    async (request) => ({ changed: await service.markRead(db, notifier, actorContext(request)) }),
  );

  app.get(
    '/api/admin/outbox',
    {
      preValidation: requirePermission('outbox.read'),
      schema: {
        tags: ['admin'],
        summary: '短信、邮件发件箱',
        querystring: pageQuery,
        response: { 200: pageOf(outboxMessage), ...errorResponses },
      },
    },
    async (request) => service.pageOutbox(db, actorContext(request), request.query),
  );
};
