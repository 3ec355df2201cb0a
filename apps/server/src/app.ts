import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { apiTags } from '@renda/shared';
import type { Config } from './config.js';
import type { Database } from './db/client.js';
import { Attachments } from './platform/attachments.js';
import { registerSessionResolver } from './platform/auth.js';
import { registerErrorHandler, sendFrameworkError, sendRouteNotFound } from './platform/errors.js';
import type { AppDeps, ModuleRoutes, ZodApp } from './platform/http.js';
import { createJobs } from './platform/jobs.js';
import { Notifier } from './platform/notifications.js';
import { adminRoutes } from './modules/admin/routes.js';
import { calendarRoutes } from './modules/calendar/routes.js';
import { deputyRoutes } from './modules/deputies/routes.js';
import { stationRoutes } from './modules/stations/routes.js';
import { reportBackRoutes } from './modules/reportbacks/routes.js';
import { contactRoutes } from './modules/contacts/routes.js';
import { voteRoutes } from './modules/votes/routes.js';
import { attachmentRoutes } from './modules/attachments/routes.js';
import { auditRoutes } from './modules/audit/routes.js';
import { authRoutes } from './modules/auth/routes.js';
import { healthRoutes } from './modules/health/routes.js';
import { notificationRoutes } from './modules/notifications/routes.js';
import { opinionRoutes } from './modules/opinions/routes.js';
import { campaignRoutes } from './modules/campaigns/routes.js';
import { suggestionRoutes } from './modules/suggestions/routes.js';
import { livelihoodRoutes } from './modules/livelihood/routes.js';
import { meetingRoutes } from './modules/meetings/routes.js';
import { supervisionRoutes } from './modules/supervision/routes.js';
import { legislationRoutes } from './modules/legislation/routes.js';
import { workbenchRoutes } from './modules/workbench/routes.js';
import { followUpRoutes } from './modules/followups/routes.js';
import { registerPlatformJobs } from './platform/platform-jobs.js';

const modules: ModuleRoutes[] = [
  healthRoutes,
  authRoutes,
  adminRoutes,
  calendarRoutes,
  auditRoutes,
  notificationRoutes,
  attachmentRoutes,
  followUpRoutes,
  opinionRoutes,
  campaignRoutes,
  suggestionRoutes,
  deputyRoutes,
  stationRoutes,
  reportBackRoutes,
  contactRoutes,
  meetingRoutes,
  voteRoutes,
  livelihoodRoutes,
  supervisionRoutes,
  legislationRoutes,
  workbenchRoutes,
];

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface BuildOptions {
  config: Config;
  database: Database;
  logger?: FastifyServerOptions['logger'];
}

/** Builds the app from plugins and modules without listening, so tests can use `inject`. */
export async function buildApp({ config, database, logger = false }: BuildOptions): Promise<{ app: ZodApp; deps: AppDeps }> {
  const app = Fastify({
    logger,
    trustProxy: (_address: string, hop: number) => hop < config.TRUST_PROXY_HOPS,
    bodyLimit: 1024 * 1024,
    requestIdHeader: 'x-request-id',
    genReqId: () => crypto.randomUUID().slice(0, 8),
    // A malformed escape or an over-long path parameter is refused before routing: same shape, in Chinese.
    frameworkErrors: sendFrameworkError,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);

  const notifier = new Notifier(database);
  const deps: AppDeps = {
    config,
    database,
    notifier,
    attachments: new Attachments(config.uploadDir, config.MAX_UPLOAD_MB * 1024 * 1024),
    jobs: createJobs(database, app.log),
  };

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // The API reference page (swagger-ui) uses inline styles; the app itself needs none.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        scriptSrc: ["'self'"],
      },
    },
  });
  await app.register(cookie);
  await app.register(csrf, {
    cookieOpts: { path: '/', sameSite: 'strict', httpOnly: true, secure: config.COOKIE_SECURE, signed: false },
    getToken: (request) => request.headers['x-csrf-token'] as string | undefined,
  });
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: config.MAX_UPLOAD_MB * 1024 * 1024, files: 1, fields: 20 } });
  await app.register(swagger, {
    openapi: {
      info: { title: '人大履职服务平台 API', version: '0.1.0', description: "Renda — platform for the work of local people's congresses" },
      tags: apiTags,
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'renda_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
      security: [{ session: [], csrf: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  // While shutting down, answers still in flight close their keep-alive connection, so the
  // server stops as soon as they are sent instead of waiting for idle sockets to time out.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
  });

  registerSessionResolver(app, database.db);
  // Every state-changing API call made with a browser session must carry the CSRF token;
  // checked before permissions and validation, like any other forged request.
  app.addHook('preValidation', (request, reply, done) => {
    if (!UNSAFE_METHODS.has(request.method) || !request.url.startsWith('/api/') || request.url.startsWith('/api/public/')) return done();
    app.csrfProtection(request, reply, done);
  });

  for (const routes of modules) await routes(app, deps);
  registerPlatformJobs(deps);
  await serveWebApp(app, config);
  return { app, deps };
}

/** Serves the built web app when there is one, with client-side routes falling back to index.html. */
async function serveWebApp(app: ZodApp, config: Config) {
  const dist = config.WEB_DIST ?? path.resolve(fileURLToPath(new URL('../../web/dist', import.meta.url)));
  const hasWebApp = existsSync(path.join(dist, 'index.html'));
  if (hasWebApp) await app.register(fastifyStatic, { root: dist, wildcard: false, index: 'index.html' });
  app.setNotFoundHandler((request, reply) => {
    if (!hasWebApp || request.url.startsWith('/api/') || request.method !== 'GET') return sendRouteNotFound(request, reply);
    // The citizens' mobile pages are their own small entries: /m/opinion → m/opinion.html.
    const mobilePage = /^\/m\/([a-z][a-z-]*)\/?(?:\?|$)/.exec(request.url)?.[1];
    if (mobilePage && existsSync(path.join(dist, 'm', `${mobilePage}.html`))) return reply.sendFile(`m/${mobilePage}.html`);
    return reply.sendFile('index.html');
  });
}
