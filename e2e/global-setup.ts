import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { e2eWorkers } from './workers.js';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

interface RunningServer {
  baseUrl: string;
  stop(): Promise<void>;
}

/**
 * Starts the real server, as `npm start` does, on a fresh embedded database with the demo data,
 * serving the built web app.
 */
async function startServer(): Promise<RunningServer> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'renda-e2e-'));
  const port = await freePort();
  const server: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', DATABASE_URL: '' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const stop = async () => {
    if (server.exitCode === null) {
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
    }
    await rm(dataDir, { recursive: true, force: true });
  };
  const baseUrl = `http://127.0.0.1:${port}`;
  // A loaded machine (several test runs at once) may need longer: E2E_SERVER_START_MS.
  const startMs = Number(process.env.E2E_SERVER_START_MS) || 180_000;
  const deadline = Date.now() + startMs;
  for (;;) {
    if (server.exitCode !== null) {
      await stop();
      throw new Error(`server exited with ${server.exitCode}`);
    }
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`server did not start within ${startMs / 1000} s`);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return { baseUrl, stop };
}

/**
 * One server per test worker, so that two browser walks run side by side without seeing each
 * other's data: a walk still meets its server as it met the one shared server before, with the
 * demo data and whatever the files before it on that worker left.
 */
export default async function setup(project: TestProject) {
  const started = await Promise.allSettled(Array.from({ length: e2eWorkers }, () => startServer()));
  const servers = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const stopAll = () => Promise.all(servers.map((s) => s.stop()));
  const failure = started.find((s) => s.status === 'rejected');
  if (failure) {
    await stopAll();
    throw failure.reason;
  }
  project.provide(
    'baseUrls',
    servers.map((s) => s.baseUrl),
  );
  return stopAll;
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrls: string[];
  }
}
