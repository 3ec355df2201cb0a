import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from './test/database.js';

const mainFile = fileURLToPath(new URL('./main.ts', import.meta.url));

describe('the server process', () => {
  let dataDir: string;
  let database: Awaited<ReturnType<typeof freshDatabase>> | null = null;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'renda-main-'));
    if (process.env.TEST_DATABASE_URL) database = await freshDatabase();
  });
  afterAll(async () => {
    await database?.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('refuses a bad configuration with a message naming the variable', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', mainFile], { env: { ...process.env, PORT: 'abc', DATA_DIR: dataDir } });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const code = await new Promise((r) => child.on('exit', r));
    expect(code).toBe(1);
    expect(stderr).toContain('配置错误');
    expect(stderr).toContain('PORT');
  });

  it('starts, seeds the demo, and on SIGTERM finishes the request in flight before exiting cleanly', { timeout: 120_000 }, async () => {
    const port = 39000 + Math.floor(Math.random() * 500);
    const env = { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn', DATABASE_URL: database?.url ?? '' };
    const child = spawn(process.execPath, ['--import', 'tsx', mainFile], { env, stdio: 'ignore' });
    const base = `http://127.0.0.1:${port}`;
    const until = Date.now() + 90_000;
    let health: { database: string } | null = null;
    while (!health && Date.now() < until) {
      health = await fetch(`${base}/api/health`).then(
        (r) => (r.ok ? r.json() : null),
        () => null,
      );
      if (!health) await new Promise((r) => setTimeout(r, 250));
    }
    expect(health?.database).toBe(database ? 'postgres' : 'pglite');

    const csrf = await fetch(`${base}/api/auth/csrf`);
    const cookie = csrf.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    // A login takes a while (argon2); the signal arrives while it is being answered.
    const inFlight = fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken, cookie },
      body: JSON.stringify({ username: 'staff', password: 'Renda2026demo' }),
    });
    await new Promise((r) => setTimeout(r, 20));
    const exited = new Promise((r) => child.on('exit', r));
    child.kill('SIGTERM');
    const answer = await inFlight;
    expect(answer.status).toBe(200);
    expect(await exited).toBe(0);
  });
});
