import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
  type ZodFastifySchemaValidationError,
} from 'fastify-type-provider-zod';

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

/** A unique key refused the write (a caller that maps it to its own Chinese message); the constraint's name if given. */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  const pgErr = pgErrorOf(err);
  return pgErr?.code === '23505' && (constraint === undefined || pgErr.constraint === constraint);
}

function send(reply: FastifyReply, status: number, code: string, message: string, details?: unknown) {
  return reply.status(status).send({ error: { code, message, ...(details === undefined ? {} : { details }) } });
}

export function sendRouteNotFound(request: FastifyRequest, reply: FastifyReply) {
  return send(reply, 404, 'ROUTE_NOT_FOUND', '接口不存在', { method: request.method, path: request.url.split('?')[0] });
}

/**
 * What Fastify and its plugins raise themselves (a body it cannot parse, a limit), in our codes and
 * in Chinese; Fastify's own English sentence never reaches the client.
 */
const frameworkRefusals: Record<string, { status: number; code: string; message: string }> = {
  FST_ERR_BAD_URL: { status: 400, code: 'BAD_URL', message: '网址中含有无法识别的字符' },
  FST_ERR_MAX_PARAM_LENGTH: { status: 414, code: 'URL_TOO_LONG', message: '网址中的参数过长' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: '不支持的内容类型' },
  FST_ERR_CTP_INVALID_TYPE: { status: 400, code: 'UNSUPPORTED_MEDIA_TYPE', message: '不支持的内容类型' },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'BODY_TOO_LARGE', message: '提交的内容太大' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'BAD_REQUEST', message: '提交的内容长度与声明不符' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'INVALID_BODY', message: '提交的内容格式不正确，无法解析' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'EMPTY_BODY', message: '提交的内容为空' },
  FST_CSRF_INVALID_TOKEN: { status: 403, code: 'CSRF_INVALID', message: '页面已过期，请刷新后重试' },
  FST_CSRF_MISSING_SECRET: { status: 403, code: 'CSRF_INVALID', message: '页面已过期，请刷新后重试' },
  FST_REQ_FILE_TOO_LARGE: { status: 413, code: 'FILE_TOO_LARGE', message: '文件太大' },
  FST_FILES_LIMIT: { status: 413, code: 'TOO_MANY_FILES', message: '上传的文件太多' },
  FST_PARTS_LIMIT: { status: 413, code: 'TOO_MANY_FIELDS', message: '提交的字段太多' },
  FST_FIELDS_LIMIT: { status: 413, code: 'TOO_MANY_FIELDS', message: '提交的字段太多' },
  FST_INVALID_MULTIPART_CONTENT_TYPE: { status: 406, code: 'UNSUPPORTED_MEDIA_TYPE', message: '请以表单方式上传文件' },
  FST_PROTO_VIOLATION: { status: 400, code: 'INVALID_BODY', message: '提交的内容含有不允许的字段名' },
  FST_MP_PREMATURE_CLOSE: { status: 400, code: 'INVALID_BODY', message: '上传中断，请重试' },
};

/** A validation failure's fields: the path for the form, a Chinese message, and for programs what zod allowed. */
function validationFields(validation: ZodFastifySchemaValidationError[]) {
  return validation.map((v) => {
    const params = v.params as { values?: unknown[]; keys?: string[] } | undefined;
    return {
      path: v.instancePath.replace(/^\//, '').replaceAll('/', '.'),
      message: v.message ?? '格式不正确',
      ...(params?.values && params.values.length > 1 ? { allowed: params.values } : {}),
      ...(params?.keys ? { keys: params.keys } : {}),
    };
  });
}

/**
 * Errors Fastify raises before a route is found (a malformed escape, a path parameter over the
 * length limit) skip the error handler; the app passes this as its `frameworkErrors` option.
 */
export function sendFrameworkError(err: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const known = err.code ? frameworkRefusals[err.code] : undefined;
  if (known) return send(reply, known.status, known.code, known.message);
  request.log.error({ err }, 'unexpected framework error');
  return send(reply, 500, 'INTERNAL_ERROR', `服务器内部错误，请稍后再试（请求编号 ${request.id}）`);
}

/** The one error handler: every failure leaves as `{ error: { code, message, details } }`. */
export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof DomainError) return send(reply, err.status, err.code, err.message, err.details);
    if (hasZodFastifySchemaValidationErrors(err)) {
      const fields = validationFields(err.validation);
      const where = err.validationContext === 'body' ? '提交的内容' : '请求参数';
      // The field's own name is in details for the form; the sentence stays wholly Chinese.
      const more = fields.length > 1 ? `（共 ${fields.length} 处）` : '';
      return send(reply, 400, 'VALIDATION_FAILED', `${where}有误：${fields[0]?.message ?? '格式不正确'}${more}`, { fields });
    }
    const pgErr = pgErrorOf(err);
    if (pgErr?.code === '23505') return send(reply, 409, 'ALREADY_EXISTS', '记录已存在，不能重复', { constraint: pgErr.constraint });
    if (pgErr?.code === '23503') return send(reply, 400, 'REFERENCE_NOT_FOUND', '引用的记录不存在', { constraint: pgErr.constraint });
    if (err.statusCode === 429) return send(reply, 429, 'TOO_MANY_REQUESTS', '操作过于频繁，请稍后再试');
    const known = err.code ? frameworkRefusals[err.code] : undefined;
    if (known) return send(reply, known.status, known.code, known.message);
    if (err.statusCode && err.statusCode < 500) {
      request.log.warn({ err }, 'client error without a Chinese message');
      return send(reply, err.statusCode, 'BAD_REQUEST', err.statusCode === 413 ? '提交的内容太大' : '请求格式不正确');
    }
    if (isResponseSerializationError(err)) request.log.error({ err, issues: err.cause }, 'response did not match its schema');
    else request.log.error({ err }, 'unexpected error');
    return send(reply, 500, 'INTERNAL_ERROR', `服务器内部错误，请稍后再试（请求编号 ${request.id}）`);
  });
}
