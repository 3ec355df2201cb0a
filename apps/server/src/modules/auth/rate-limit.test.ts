import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { LOGIN_ATTEMPTS_PER_MINUTE } from './routes.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

it('slows down password guessing from one address with a Chinese 429', async () => {
  const csrf = await t.app.inject({ method: 'GET', url: '/api/auth/csrf' });
  const headers = { 'x-csrf-token': csrf.json().csrfToken };
  const cookies = { _csrf: csrf.cookies.find((c) => c.name === '_csrf')!.value };
  const statuses: number[] = [];
  for (let i = 0; i < LOGIN_ATTEMPTS_PER_MINUTE + 2; i++) {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: `guess${i}`, password: 'guess-guess-1' },
      headers,
      cookies,
    });
    statuses.push(res.statusCode);
    if (res.statusCode === 429) expect(res.json().error).toEqual({ code: 'TOO_MANY_REQUESTS', message: '操作过于频繁，请稍后再试' });
  }
  expect(statuses.slice(0, LOGIN_ATTEMPTS_PER_MINUTE).every((s) => s === 401)).toBe(true);
  expect(statuses.slice(LOGIN_ATTEMPTS_PER_MINUTE)).toEqual([429, 429]);
});
