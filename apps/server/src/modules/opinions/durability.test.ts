import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { and, eq } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { openPglite, openPostgres, type Database } from '../../db/client.js';
import { auditEvents } from '../../db/schema.js';
import { loadConfig } from '../../config.js';
import { DEMO_PASSWORD, seedDemo } from '../../seed/demo.js';
import { seedRegions } from '../../seed/regions.js';
import { opinions } from './tables.js';
import { makeStationAndDeputy } from './test-fixtures.js';

const silentLog = { info() {}, warn() {}, error() {}, debug() {} } as never;
const serverDir = fileURLToPath(new URL('../../..', import.meta.url));

/** One database that outlives the server using it: a PGlite data directory, or a database on the PostgreSQL server. */
async function durableDatabase() {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'renda-durable-'));
  const serverUrl = process.env.TEST_DATABASE_URL;
  let url: string | undefined;
  if (serverUrl) {
    const name = `renda_durable_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const u = new URL(serverUrl);
    u.pathname = `/${name}`;
    url = u.toString();
  }
  return {
    dataDir,
    url,
    open: (): Promise<Database> => (url ? openPostgres(url) : openPglite(path.join(dataDir, 'pglite'))),
    drop: async () => {
      if (url && serverUrl) {
        const c = new pg.Client({ connectionString: serverUrl });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${new URL(url).pathname.slice(1)} WITH (FORCE)`);
        await c.end();
      }
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

let store: Awaited<ReturnType<typeof durableDatabase>>;
let stationCode: string;

beforeAll(async () => {
  store = await durableDatabase();
  const database = await store.open();
  await seedRegions(database.db, silentLog, { onlyProvince: '330000' });
  await seedDemo(database.db, silentLog);
  const [staffRow] = await database.raw.query(`SELECT body_id FROM users WHERE username = 'staff'`).then((r) => r.rows);
  stationCode = (await makeStationAndDeputy(database.db, String(staffRow!.body_id))).stationCode;
  await database.close();
}, 120_000);
afterAll(() => store.drop());

async function appOn(database: Database) {
  const config = loadConfig({ DATA_DIR: store.dataDir, NODE_ENV: 'test', ...(store.url ? { DATABASE_URL: store.url } : {}) });
  const { app } = await buildApp({ config, database });
  await app.ready();
  return app;
}

describe('an accepted submission is never lost', () => {
  it('is still there, with its audit event, after the database is closed and opened again', async () => {
    let database = await store.open();
    let app = await appOn(database);
    const res = await app.inject({
      method: 'POST',
      url: '/api/public/opinions',
      payload: { station: stationCode, category: 'social_security', content: '社区养老服务中心午餐供应不足，老人排队时间长。' },
    });
    expect(res.statusCode).toBe(201);
    const code: string = res.json().trackingCode;
    await app.close();
    await database.close();

    database = await store.open();
    app = await appOn(database);
    const view = await app.inject({ method: 'GET', url: `/api/public/opinions/${code}` });
    expect(view.json()).toMatchObject({ trackingCode: code, status: 'submitted', categoryLabel: '社会保障' });
    const [row] = await database.db
      .select()
      .from(opinions)
      .where(eq(opinions.trackingCode, code.replaceAll('-', '')));
    const audit = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entity, 'opinion'), eq(auditEvents.entityId, row!.id)));
    expect(audit.map((a) => a.action)).toEqual(['submit']);
    await app.close();
    await database.close();
  });
});

// ---- the server process killed (SIGKILL, no shutdown) between accept and routing ----

interface Server {
  child: ChildProcess;
  url: string;
}

function startServer(): Promise<Server> {
  const env = {
    ...process.env,
    NODE_ENV: 'test',
    DATA_DIR: store.dataDir,
    PORT: '0',
    LOG_LEVEL: 'info',
    JOBS: 'false',
    DEMO_DATA: 'false',
    WEB_DIST: path.join(store.dataDir, 'no-web'),
    ...(store.url ? { DATABASE_URL: store.url } : { DATABASE_URL: '' }),
  };
  if (!store.url) delete (env as Record<string, string | undefined>).DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: serverDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 90_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1]! });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${out}`)));
  });
}

function kill(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.child.once('exit', () => resolve());
    server.child.kill('SIGKILL');
  });
}

async function staffSession(base: string) {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const csrfCookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('_csrf='))!;
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken, cookie: csrfCookie },
    body: JSON.stringify({ username: 'staff', password: DEMO_PASSWORD }),
  });
  expect(login.status).toBe(200);
  const session = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('renda_session='))!;
  const headers = { 'content-type': 'application/json', 'x-csrf-token': csrfToken, cookie: `${csrfCookie}; ${session}` };
  return (method: string, url: string, body?: unknown) =>
    fetch(`${base}${url}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
}

describe('the server killed between accept and routing', () => {
  it('keeps the submission and the acceptance, and routing goes on after the restart', async () => {
    let server = await startServer();
    const submitted = await fetch(`${server.url}/api/public/opinions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        station: stationCode,
        category: 'transport',
        content: '村口公交站撤销后，老人进城看病很不方便。',
        phone: '13700000077',
      }),
    });
    expect(submitted.status).toBe(201);
    const { trackingCode } = (await submitted.json()) as { trackingCode: string };
    let call = await staffSession(server.url);
    const inbox = (await (await call('GET', `/api/opinions?q=${trackingCode}`)).json()) as { items: { id: string }[] };
    const id = inbox.items[0]!.id;
    expect((await call('POST', `/api/opinions/${id}/actions/accept`, { action: 'accept' })).status).toBe(200);

    await kill(server); // no graceful shutdown: the process is gone the moment the answer left

    server = await startServer();
    try {
      const view = (await (await fetch(`${server.url}/api/public/opinions/${trackingCode}`)).json()) as {
        status: string;
        timeline: { label: string }[];
      };
      expect(view.status).toBe('accepted');
      expect(view.timeline.map((s) => s.label)).toEqual(['意见已提交', '已受理']);
      call = await staffSession(server.url);
      const units = (await (await call('GET', '/api/handling-units?q=交通运输局')).json()) as { items: { id: string }[] };
      const routed = await call('POST', `/api/opinions/${id}/actions/route`, {
        action: 'route',
        handlingUnitId: units.items[0]!.id,
        routeKind: 'petition_referral',
      });
      expect(routed.status).toBe(200);
      expect(((await routed.json()) as { status: string }).status).toBe('routed');
    } finally {
      await kill(server);
    }
  }, 240_000);
});
