import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../seed/demo.js';
import { buildTestApp, type TestApp } from '../../test/app.js';

// The limit is set low so the test counts a handful of attempts; it never races the clock, so a
// busy machine cannot make it fail (60 real attempts hashing passwords took over 30 s on one).
const LIMIT = 3;

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ LOGIN_ATTEMPTS_PER_MINUTE: String(LIMIT) });
});
afterAll(() => t.close());

async function attempt(username: string, password: string, remoteAddress = '127.0.0.1') {
  const csrf = await t.app.inject({ method: 'GET', url: '/api/auth/csrf', remoteAddress });
  return t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
    headers: { 'x-csrf-token': csrf.json().csrfToken },
    cookies: { _csrf: csrf.cookies.find((c) => c.name === '_csrf')!.value },
    remoteAddress,
  });
}

it('slows down password spraying from one address with a Chinese 429, whatever the accounts tried', async () => {
  expect(t.config.LOGIN_ATTEMPTS_PER_MINUTE).toBe(LIMIT);
  const statuses: number[] = [];
  for (let i = 0; i < LIMIT; i++) statuses.push((await attempt(`guess${i}`, 'guess-guess-1')).statusCode);
  expect(statuses).toEqual(Array(LIMIT).fill(401));

  const over = await attempt('guess-next', 'guess-guess-1');
  expect(over.statusCode).toBe(429);
  expect(over.json()).toEqual({ error: { code: 'TOO_MANY_REQUESTS', message: '操作过于频繁，请稍后再试' } });
  // Past the limit even the right password waits: the limit is on the address, not the account.
  expect((await attempt('staff', DEMO_PASSWORD)).statusCode).toBe(429);
});

it('counts each address on its own, so one office over the limit does not lock out another', async () => {
  expect((await attempt('staff', DEMO_PASSWORD, '10.20.30.40')).statusCode).toBe(200);
});
