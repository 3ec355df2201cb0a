import i18n from './i18n';

export interface FieldError {
  path: string;
  message: string;
}

/** A failed API call: `message` is the server's Chinese sentence, shown to the user as is. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Per-field messages of a validation failure (`details.fields`), or none. */
  get fields(): FieldError[] {
    const fields = (this.details as { fields?: unknown } | undefined)?.fields;
    if (!Array.isArray(fields)) return [];
    return fields.filter((f): f is FieldError => typeof f?.path === 'string' && typeof f?.message === 'string');
  }
}

export type QueryParams = Record<string, string | number | boolean | null | undefined>;

/** Builds `?a=1&b=2`, leaving out empty values. */
export function queryString(params: QueryParams = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

let csrfToken: string | null = null;
let onUnauthorized: () => void = () => {};

/** Called when a request answers 401: the session has ended. */
export function setUnauthorizedHandler(handler: () => void) {
  onUnauthorized = handler;
}

/** Its 401 is an answer for the page that asked (wrong password), not an ended session. */
const ownUnauthorized = new Set(['/api/auth/login']);

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

async function send(method: string, path: string, body: unknown, extra: Record<string, string> = {}): Promise<Response> {
  const headers: Record<string, string> = { ...extra, accept: 'application/json' };
  // A FormData body (file upload) sets its own multipart content type.
  const isForm = body instanceof FormData;
  if (body !== undefined && !isForm) headers['content-type'] = 'application/json';
  if (unsafeMethods.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;
  try {
    return await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', i18n.t('error.network'));
  }
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function toError(status: number, payload: unknown): ApiError {
  const error = (payload as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined)?.error;
  if (typeof error?.code === 'string' && typeof error.message === 'string') {
    return new ApiError(status, error.code, error.message, error.details);
  }
  return new ApiError(status, 'UNEXPECTED_RESPONSE', i18n.t('error.unexpected', { status }));
}

/** Every session response carries a fresh CSRF token; remember the latest. */
function rememberCsrfToken(payload: unknown) {
  const token = (payload as { csrfToken?: unknown } | undefined)?.csrfToken;
  if (typeof token === 'string') csrfToken = token;
}

async function fetchCsrfToken() {
  rememberCsrfToken(await request('GET', '/api/auth/csrf'));
}

async function request<T>(method: string, path: string, body?: unknown, retried = false, extra?: Record<string, string>): Promise<T> {
  if (unsafeMethods.has(method) && !csrfToken) await fetchCsrfToken();
  const response = await send(method, path, body, extra);
  const payload = await readJson(response);
  if (response.ok) {
    rememberCsrfToken(payload);
    return payload as T;
  }
  const error = toError(response.status, payload);
  if (response.status === 403 && /csrf/i.test(error.code) && !retried) {
    await fetchCsrfToken();
    return request<T>(method, path, body, true, extra);
  }
  if (response.status === 401 && !ownUnauthorized.has(path)) onUnauthorized();
  throw error;
}

export const api = {
  get: <T>(path: string, params?: QueryParams) => request<T>('GET', path + queryString(params)),
  /** `headers`: extra request headers (an Idempotency-Key so a retried ballot is stored once). */
  post: <T = void>(path: string, body?: unknown, headers?: Record<string, string>) => request<T>('POST', path, body ?? {}, false, headers),
  patch: <T = void>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T = void>(path: string, body: unknown) => request<T>('PUT', path, body),
  delete: <T = void>(path: string) => request<T>('DELETE', path),
  /** Sends a file with text fields as multipart/form-data: POST adds a file, PUT replaces the one a record has. */
  upload: <T>(path: string, fields: Record<string, string>, file: File, method: 'POST' | 'PUT' = 'POST') => {
    const form = new FormData();
    for (const [key, value] of Object.entries(fields)) form.append(key, value);
    form.append('file', file, file.name);
    return request<T>(method, path, form);
  },
};
