import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildTestApp, type TestApp } from '../test/app.js';

const asciiLetter = /[A-Za-z]/;

let t: TestApp;
let staff: Awaited<ReturnType<TestApp['login']>>;
beforeAll(async () => {
  t = await buildTestApp();
  staff = await t.login('staff');
});
afterAll(() => t.close());

/** The documented shape, nothing else beside it, with a sentence a person can read. */
function expectRefusal(res: LightMyRequestResponse, status: number, code: string) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  const body = res.json<{ error: { code: string; message: string; details?: unknown } }>();
  expect(Object.keys(body)).toEqual(['error']);
  expect(Object.keys(body.error).every((k) => ['code', 'message', 'details'].includes(k))).toBe(true);
  expect(body.error.code).toBe(code);
  expect(body.error.message).not.toMatch(asciiLetter);
  expect(body.error.message).toMatch(/\p{Script=Han}/u);
  return body.error;
}

describe('what Fastify refuses by itself leaves in the one shape, in Chinese', () => {
  const json = (payload: string, type = 'application/json'): Partial<InjectOptions> => ({
    method: 'POST',
    url: '/api/suggestions',
    headers: { 'content-type': type, 'x-csrf-token': staff.token },
    payload,
  });
  const cases: [string, () => Partial<InjectOptions>, number, string][] = [
    ['a path parameter over the length limit', () => ({ url: `/api/suggestions/${'a'.repeat(200)}` }), 414, 'URL_TOO_LONG'],
    ['a malformed escape in the path', () => ({ url: '/api/suggestions/%E0%A4%A' }), 400, 'BAD_URL'],
    ['a malformed escape outside the API', () => ({ url: '/%E0%A4%A' }), 400, 'BAD_URL'],
    ['an unsupported media type', () => json('<a/>', 'text/xml'), 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['a body over the limit', () => json(JSON.stringify({ title: 'x'.repeat(1024 * 1024) })), 413, 'BODY_TOO_LARGE'],
    ['a body that is not JSON', () => json('{"title":'), 400, 'INVALID_BODY'],
    ['an empty JSON body', () => json(''), 400, 'EMPTY_BODY'],
    ['a prototype key in the body', () => json('{"__proto__":{"x":1}}'), 400, 'INVALID_BODY'],
    ['a route that does not exist', () => ({ url: '/api/no-such-thing' }), 404, 'ROUTE_NOT_FOUND'],
    [
      'a method the route does not have',
      () => ({ method: 'DELETE', url: '/api/auth/csrf', headers: { 'x-csrf-token': staff.token } }),
      404,
      'ROUTE_NOT_FOUND',
    ],
    ['a state change without the CSRF token', () => ({ method: 'POST', url: '/api/auth/logout' }), 403, 'CSRF_INVALID'],
  ];
  it.each(cases)('%s', async (_name, request, status, code) => {
    const res = await t.app.inject({ method: 'GET', cookies: staff.cookies, ...request() } as InjectOptions);
    expectRefusal(res, status, code);
  });

  it('names the missing route for programs in details, not in the sentence', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/no-such-thing?x=1' });
    expect(expectRefusal(res, 404, 'ROUTE_NOT_FOUND')).toEqual({
      code: 'ROUTE_NOT_FOUND',
      message: '接口不存在',
      details: { method: 'GET', path: '/api/no-such-thing' },
    });
  });
});

describe('validation failures are wholly Chinese, with the field named only in details', () => {
  const cases: [string, () => Promise<LightMyRequestResponse>][] = [
    ['page numbers too small and too big', () => staff.request('GET', '/api/suggestions?page=0&pageSize=1000')],
    ['a page that is not a number', () => staff.request('GET', '/api/suggestions?page=abc')],
    [
      'an unknown state, an id that is not one, a yes/no that is neither',
      () => staff.request('GET', '/api/suggestions?state=xyz&bodyId=abc&isKey=yes'),
    ],
    ['a keyword over its length', () => staff.request('GET', `/api/suggestions?q=${'x'.repeat(61)}`)],
    ['a date that is not one', () => staff.request('GET', '/api/duties?from=2026-5-1')],
    ['login fields of the wrong type', () => staff.request('POST', '/api/auth/login', { username: 1, password: [] })],
    ['login fields missing', () => staff.request('POST', '/api/auth/login', {})],
    [
      'a session form with every field wrong',
      () => staff.request('POST', '/api/suggestion-sessions', { bodyId: 'x', name: '', year: 1800, startsOn: '2026-02-30x' }),
    ],
  ];
  it.each(cases)('%s', async (_name, call) => {
    const error = expectRefusal(await call(), 400, 'VALIDATION_FAILED');
    const { fields } = error.details as { fields: { path: string; message: string }[] };
    expect(fields.length).toBeGreaterThan(0);
    for (const field of fields) {
      expect(field.message, field.path).not.toMatch(asciiLetter);
      expect(field.message).toMatch(/\p{Script=Han}/u);
    }
  });

  it('tells programs which values an enum allows, beside the Chinese sentence', async () => {
    const error = expectRefusal(await staff.request('GET', '/api/suggestions?state=xyz'), 400, 'VALIDATION_FAILED');
    expect(error.message).toBe('请求参数有误：请从可选项中选择');
    expect(error.details).toEqual({
      fields: [{ path: 'state', message: '请从可选项中选择', allowed: expect.arrayContaining(['draft', 'submitted', 'closed']) }],
    });
  });

  it('counts the other problems in the sentence when there are several', async () => {
    const error = expectRefusal(await staff.request('GET', '/api/suggestions?page=0&pageSize=1000'), 400, 'VALIDATION_FAILED');
    expect(error.message).toBe('请求参数有误：不能小于 1（共 2 处）');
  });
});
