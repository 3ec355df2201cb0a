import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.js';
import { openPglite } from '../db/client.js';
import { outboxMessages, users } from '../db/schema.js';
import { buildTestApp, type TestApp } from '../test/app.js';
import { multipart } from '../test/multipart.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const waitFor = async <T>(probe: () => Promise<T | undefined> | T | undefined, what: string, ms = 20_000): Promise<T> => {
  const until = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

describe('configuration', () => {
  it('names the variable and the problem for a bad value', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL: must start with postgres/);
  });

  it('puts the embedded database and uploads under DATA_DIR', () => {
    const c = loadConfig({ DATA_DIR: '/srv/renda' });
    expect(c.pgliteDir).toBe('/srv/renda/pglite');
    expect(c.uploadDir).toBe('/srv/renda/uploads');
  });
});

describe('health and API reference', () => {
  it('reports the database kind and migration version', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite' });
    expect(res.json().migration.version).toBeGreaterThanOrEqual(3);
  });

  it('serves the OpenAPI document with every module tag and a browsable reference', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const tags = doc.tags.map((x: { name: string }) => x.name);
    for (const tag of [
      'deputies',
      'stations',
      'opinions',
      'suggestions',
      'livelihood-projects',
      'supervision',
      'meetings',
      'legislation',
      'stats',
      'admin',
      'auth',
    ])
      expect(tags).toContain(tag);
    expect(doc.paths['/api/auth/login'].post.requestBody).toBeDefined();
    const ui = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(ui.statusCode).toBe(200);
    expect(ui.body).toContain('swagger');
  });

  it('sends security headers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
  });
});

describe('notifications', () => {
  it('announces the unread count live after the writing transaction commits, and marks read', async () => {
    const session = await t.login('staff');
    // Demo data may already have notified staff; start from an empty inbox.
    await session.request('POST', '/api/notifications/read-all');
    await t.deps.notifier.start();
    const counts: number[] = [];
    const unsubscribe = t.deps.notifier.subscribe(session.user.id, (n) => counts.push(n));
    await t.db.transaction(async (tx) => {
      await t.deps.notifier.notify(tx, {
        userId: session.user.id,
        title: '新的交办事项',
        body: '请于 3 个工作日内签收',
        link: '/suggestions',
      });
      await t.deps.notifier.notify(tx, { userId: session.user.id, title: '办理即将到期', body: '还剩 2 个工作日' });
    });
    await waitFor(() => (counts.includes(2) ? true : undefined), 'live unread count');
    expect((await session.request('GET', '/api/notifications/unread-count')).json().count).toBe(2);
    const list = (await session.request('GET', '/api/notifications?unread=true')).json();
    expect(list.items.map((n: { title: string }) => n.title)).toEqual(['办理即将到期', '新的交办事项']);
    await session.request('POST', `/api/notifications/${list.items[0].id}/read`);
    expect((await session.request('GET', '/api/notifications/unread-count')).json().count).toBe(1);
    expect(counts.at(-1)).toBe(1);
    await session.request('POST', '/api/notifications/read-all');
    expect((await session.request('GET', '/api/notifications/unread-count')).json().count).toBe(0);
    // Another user's notifications are not reachable.
    const other = await t.login('leader');
    expect((await other.request('POST', `/api/notifications/${list.items[1].id}/read`)).json().changed).toBe(0);
    unsubscribe();
    await t.deps.notifier.stop();
  });
});

describe('jobs and the outbox', () => {
  it('runs queued jobs from the database queue and the outbox records messages without claiming delivery', async () => {
    const ran: unknown[] = [];
    t.deps.jobs.define({ name: 'test-echo', handler: async (data) => void ran.push(data) });
    const [staff] = await t.db.select().from(users).where(eq(users.username, 'staff'));
    await t.db.transaction((tx) =>
      t.deps.notifier.enqueueMessage(tx, { channel: 'sms', recipient: '13800000000', body: '您的意见已受理', bodyId: staff!.bodyId }),
    );
    await t.deps.jobs.start();
    await t.deps.jobs.send('test-echo', { hello: '你好' });
    await t.deps.jobs.send('outbox-deliver');
    await waitFor(() => (ran.length ? true : undefined), 'the echo job');
    expect(ran).toEqual([{ hello: '你好' }]);
    const message = await waitFor(async () => {
      const [m] = await t.db.select().from(outboxMessages);
      return m?.status === 'pending' ? undefined : m;
    }, 'outbox delivery');
    expect(message.status).toBe('recorded');
    expect(message.sentAt).toBeNull();
    const admin = await t.login('admin');
    const outbox = (await admin.request('GET', '/api/admin/outbox')).json();
    expect(outbox.items[0]).toMatchObject({ recipient: '13800000000', status: 'recorded' });
    await t.deps.jobs.stop();
  });
});

describe('attachments', () => {
  const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

  it('stores a file checked by content, downloads it within scope only, and refuses disguised files', async () => {
    const admin = await t.login('admin');
    const body = admin.user.bodyId;
    const upload = async (name: string, data: Buffer, session = admin) => {
      const { payload, headers } = await multipart({ ownerEntity: 'body', ownerId: body }, [{ name: 'file', fileName: name, data }]);
      return t.app.inject({
        method: 'POST',
        url: '/api/attachments',
        payload,
        headers: { ...headers, 'x-csrf-token': session.token },
        cookies: session.cookies,
      });
    };
    const ok = await upload('章程.png', png);
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ fileName: '章程.png', mimeType: 'image/png', size: png.length });

    const disguised = await upload('photo.png', Buffer.from('<script>alert(1)</script>'));
    expect(disguised.statusCode).toBe(415);
    expect(disguised.json().error.message).toContain('不支持的文件类型');
    // Cut short inside the bytes that name its type: refused as unknown, not a server error.
    const cut = await upload('photo.png', png.subarray(0, 12));
    expect(cut.statusCode).toBe(415);

    const download = await admin.request('GET', `/api/attachments/${ok.json().id}/download`);
    expect(download.statusCode).toBe(200);
    expect(Buffer.compare(download.rawPayload, png)).toBe(0);

    const created = await admin.request('POST', '/api/admin/users', {
      username: 'xzadmin2',
      displayName: '孙志刚',
      role: 'admin',
      bodyId: (await admin.request('GET', '/api/bodies')).json().items.find((b: { name: string }) => b.name === '秀洲区人大常委会').id,
      password: 'Xiuzhou2026c',
    });
    expect(created.statusCode).toBe(201);
    const district = await t.firstLogin('xzadmin2', 'Xiuzhou2026c');
    expect((await district.request('GET', `/api/attachments/${ok.json().id}/download`)).statusCode).toBe(404);
    expect((await upload('x.png', png, district)).statusCode).toBe(404);
  });

  it('refuses a file over the size limit', async () => {
    const small = await buildTestApp({ MAX_UPLOAD_MB: '1' });
    try {
      const admin = await small.login('admin');
      const big = Buffer.concat([png, Buffer.alloc(1024 * 1024 + 10)]);
      const { payload, headers } = await multipart({ ownerEntity: 'body', ownerId: admin.user.bodyId }, [
        { name: 'file', fileName: 'big.png', data: big },
      ]);
      const res = await small.app.inject({
        method: 'POST',
        url: '/api/attachments',
        payload,
        headers: { ...headers, 'x-csrf-token': admin.token },
        cookies: admin.cookies,
      });
      expect(res.statusCode).toBe(413);
      expect(res.json().error.code).toBe('FILE_TOO_LARGE');
    } finally {
      await small.close();
    }
  });
});

describe('embedded database', () => {
  it('keeps committed data across a restart of the process (PGlite data folder)', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'renda-pglite-'));
    try {
      const first = await openPglite(dir);
      await first.raw.query("INSERT INTO regions (code, name, level) VALUES ('990000', '测试省', 'province')");
      await first.close();
      const second = await openPglite(dir);
      const { rows } = await second.raw.query("SELECT name FROM regions WHERE code = '990000'");
      expect(rows).toEqual([{ name: '测试省' }]);
      await second.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
