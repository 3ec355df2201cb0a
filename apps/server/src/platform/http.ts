import type {
  FastifyBaseLogger,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
  RouteShorthandOptions,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBody, type ActionSet } from '@renda/shared';
import { z, type ZodType } from 'zod';
import type { Config } from '../config.js';
import type { Database } from '../db/client.js';
import type { Attachments } from './attachments.js';
import { attachmentDisposition, XLSX_MIME } from './documents.js';
import { DOCX_MIME } from './word.js';
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

/** The :id of a record in a URL. */
export const idParams = z.object({ id: z.uuid('编号格式不正确') });

/** Error responses every protected route may answer, for the OpenAPI document. */
export const errorResponses = {
  400: errorBody,
  401: errorBody,
  403: errorBody,
  404: errorBody,
  409: errorBody,
} as const;

/**
 * One route per action of a module's workflow, all of the shape POST /api/<resource>/:id/actions/<action>,
 * each validating the input declared for it in packages/shared.
 */
export function registerActionRoutes<A extends string>(
  app: ZodApp,
  set: ActionSet<A>,
  options: {
    tags: string[];
    /** Route options shared by every action (the permission check in preValidation…). */
    route?: Omit<RouteShorthandOptions, 'schema'>;
    response: ZodType;
    run: (request: FastifyRequest, id: string, action: A, input: Record<string, unknown>) => Promise<unknown>;
  },
) {
  for (const action of Object.keys(set.actions) as A[]) {
    const { input, summary } = set.actions[action];
    app.post(
      `/api/${set.resource}/:id/actions/${action}`,
      {
        ...options.route,
        schema: { tags: options.tags, summary, params: idParams, body: input, response: { 200: options.response, ...errorResponses } },
      },
      async (request) => options.run(request, request.params.id, action, request.body as Record<string, unknown>),
    );
  }
}

const downloadTypes: Record<string, string> = { xlsx: XLSX_MIME, docx: DOCX_MIME };

/** Sends a generated Excel or Word file as a download under its Chinese name (the type follows the name). */
export function sendDownload(reply: FastifyReply, fileName: string, file: Buffer) {
  const type = downloadTypes[fileName.slice(fileName.lastIndexOf('.') + 1)];
  if (!type) throw new Error(`no download type for ${fileName}`);
  return reply.header('content-type', type).header('content-disposition', attachmentDisposition(fileName)).send(file);
}
