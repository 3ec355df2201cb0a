import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBody } from '@renda/shared';
import type { Config } from '../config.js';
import type { Database } from '../db/client.js';
import type { Attachments } from './attachments.js';
import type { Jobs } from './jobs.js';
import type { Notifier } from './notifications.js';

export type ZodApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** What every module's routes get: the platform services, built once in app.ts. */
export interface AppDeps {
  config: Config;
  database: Database;
  notifier: Notifier;
  attachments: Attachments;
  jobs: Jobs;
}

export type ModuleRoutes = (app: ZodApp, deps: AppDeps) => void | Promise<void>;

/** Error responses every protected route may answer, for the OpenAPI document. */
export const errorResponses = {
  400: errorBody,
  401: errorBody,
  403: errorBody,
  404: errorBody,
  409: errorBody,
} as const;
