import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';

/** A broken rule: a stable code for programs, a Chinese sentence for people, details for the form. */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: unknown,
    readonly status = 400,
  ) {
    super(message);
  }
}

export const notFound = (what: string, details?: unknown) => new DomainError('NOT_FOUND', `${what}不存在或无权查看`, details, 404);
export const forbidden = (message = '没有权限执行此操作') => new DomainError('FORBIDDEN', message, undefined, 403);
export const unauthorized = (message = '请先登录') => new DomainError('UNAUTHORIZED', message, undefined, 401);
export const conflict = (code: string, message: string, details?: unknown) => new DomainError(code, message, details, 409);

interface PgError {
  code?: string;
  constraint?: string;
  detail?: string;
  cause?: unknown;
}

/** Drizzle wraps driver errors; the Postgres code may sit on the error or its cause. */
function pgErrorOf(err: unknown): PgError | undefined {
  for (let e: unknown = err, depth = 0; e && depth < 4; e = (e as PgError).cause, depth++) {
    const code = (e as PgError).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return e as PgError;
  }
  return undefined;
}

function send(reply: FastifyReply, status: number, code: string, message: string, details?: unknown) {
  return reply.status(status).send({ error: { code, message, ...(details === undefined ? {} : { details }) } });
}

export function sendRouteNotFound(request: FastifyRequest, reply: FastifyReply) {
  return send(reply, 404, 'ROUTE_NOT_FOUND', `接口不存在：${request.method} ${request.url.split('?')[0]}`);
}

/** The one error handler: every failure leaves as `{ error: { code, message, details } }`. */
export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof DomainError) return send(reply, err.status, err.code, err.message, err.details);
    if (hasZodFastifySchemaValidationErrors(err)) {
      const fields = err.validation.map((v) => ({
        path: v.instancePath.replace(/^\//, '').replaceAll('/', '.'),
        message: v.message ?? '格式不正确',
      }));
      const where = err.validationContext === 'body' ? '提交的内容' : '请求参数';
      const first = fields[0];
      const field = first?.path ? `（${first.path}）` : '';
      return send(reply, 400, 'VALIDATION_FAILED', `${where}有误${field}：${first?.message ?? '格式不正确'}`, { fields });
    }
    const pgErr = pgErrorOf(err);
    if (pgErr?.code === '23505') return send(reply, 409, 'ALREADY_EXISTS', '记录已存在，不能重复', { constraint: pgErr.constraint });
    if (pgErr?.code === '23503') return send(reply, 400, 'REFERENCE_NOT_FOUND', '引用的记录不存在', { constraint: pgErr.constraint });
    if (err.statusCode === 429) return send(reply, 429, 'TOO_MANY_REQUESTS', '操作过于频繁，请稍后再试');
    if (err.code === 'FST_CSRF_INVALID_TOKEN' || err.code === 'FST_CSRF_MISSING_SECRET')
      return send(reply, 403, 'CSRF_INVALID', '页面已过期，请刷新后重试');
    if (err.code === 'FST_REQ_FILE_TOO_LARGE') return send(reply, 413, 'FILE_TOO_LARGE', '文件太大');
    if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return send(reply, 415, 'UNSUPPORTED_MEDIA_TYPE', '不支持的内容类型');
    if (err.statusCode && err.statusCode < 500)
      return send(reply, err.statusCode, err.code ?? 'BAD_REQUEST', err.statusCode === 413 ? '提交的内容太大' : '请求格式不正确');
    if (isResponseSerializationError(err)) request.log.error({ err, issues: err.cause }, 'response did not match its schema');
    else request.log.error({ err }, 'unexpected error');
    return send(reply, 500, 'INTERNAL_ERROR', `服务器内部错误，请稍后再试（请求编号 ${request.id}）`);
  });
}
