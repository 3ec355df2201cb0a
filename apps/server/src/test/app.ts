import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app.js';
import { loadConfig, type Config } from '../config.js';
import { DEMO_PASSWORD } from '../seed/demo.js';
import { seededDatabase } from './database.js';

export type TestApp = Awaited<ReturnType<typeof buildTestApp>>;

/** The whole app on a fresh database with the demo city and accounts, plus helpers to act as a user. */
export async function buildTestApp(env: Record<string, string> = {}) {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'renda-test-'));
  const config: Config = loadConfig({ DATA_DIR: dataDir, NODE_ENV: 'test', ...env });
  const database = await seededDatabase();
  const { app, deps } = await buildApp({ config, database });
  await app.ready();

  /** Logs in through the API like a browser: CSRF token first, then the session cookie. */
  async function login(username: string, password = DEMO_PASSWORD) {
    const csrf = await app.inject({ method: 'GET', url: '/api/auth/csrf' });
    const csrfCookie = csrf.cookies.find((c) => c.name === '_csrf')!;
    const token = csrf.json<{ csrfToken: string }>().csrfToken;
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password },
      headers: { 'x-csrf-token': token },
      cookies: { _csrf: csrfCookie.value },
    });
    if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
    const session = res.cookies.find((c) => c.name === 'renda_session')!;
    const cookies = { _csrf: csrfCookie.value, renda_session: session.value };
    const body = res.json<{ user: { id: string; bodyId: string } }>();
    return {
      user: body.user,
      cookies,
      token,
      request: (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: unknown): Promise<LightMyRequestResponse> =>
        app.inject({
          method,
          url,
          cookies,
          headers: { 'x-csrf-token': token },
          ...(payload === undefined ? {} : { payload: payload as object }),
        }),
    };
  }

  /**
   * Logs in an account someone else set up (an administrator's or staff's initial password) and first changes
   * that password, as the server requires before anything else; the session stays open for the test.
   */
  async function firstLogin(username: string, initialPassword: string, newPassword = `${initialPassword}Own1`) {
    const session = await login(username, initialPassword);
    const res = await session.request('POST', '/api/auth/change-password', { currentPassword: initialPassword, newPassword });
    if (res.statusCode !== 204) throw new Error(`first password change of ${username} failed: ${res.statusCode} ${res.body}`);
    return session;
  }

  return {
    app,
    deps,
    db: database.db,
    database,
    config,
    login,
    firstLogin,
    close: async () => {
      await app.close();
      await deps.jobs.stop();
      await database.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
