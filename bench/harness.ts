/**
 * What the HTTP benchmarks share: a database of their own on the PostgreSQL server in DATABASE_URL,
 * the app built on it as in production, demo accounts logged in, and percentiles.
 *
 *   BENCH_DB=<name>  measure a kept database again (migrated, not seeded; kept afterwards)
 *   BENCH_KEEP=1     keep the new database at the end (to study plans, or to measure it again)
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import path from 'node:path';
import pg from 'pg';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../apps/server/src/app.js';
import { loadConfig } from '../apps/server/src/config.js';
import { openPostgres, type Database } from '../apps/server/src/db/client.js';
import { seedDemo } from '../apps/server/src/seed/demo.js';
import { seedRegions } from '../apps/server/src/seed/regions.js';

export const silent = { info() {}, warn() {}, error() {}, debug() {} } as never;

/** The p-th percentile of an ascending list. */
export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

export const machine = () =>
  `machine: ${cpus().length} cores (${cpus()[0]?.model}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;

export interface BenchDatabase {
  database: Database;
  url: string;
  /** False when BENCH_DB named a kept database: it already holds the demo city and the bench's rows. */
  fresh: boolean;
}

/** Runs `work` on a new database (migrated, demo city seeded, dropped at the end) or on the kept one in BENCH_DB. */
export async function withBenchDatabase(prefix: string, work: (bench: BenchDatabase) => Promise<void>) {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) throw new Error('set DATABASE_URL to the PostgreSQL server');
  const reuse = process.env.BENCH_DB;
  const name = reuse ?? `renda_bench_${prefix}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  if (!reuse) await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openPostgres(url.toString());
  try {
    if (!reuse) {
      await seedRegions(database.db, silent, { onlyProvince: '330000' });
      await seedDemo(database.db, silent);
    }
    await work({ database, url: url.toString(), fresh: !reuse });
  } finally {
    await database.close();
    if (reuse || process.env.BENCH_KEEP) console.log(`kept database ${name}`);
    else await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

/** The app on the bench's database, configured as in production. */
export async function startApp(bench: BenchDatabase) {
  const config = loadConfig({
    DATA_DIR: await mkdtemp(path.join(tmpdir(), 'renda-bench-')),
    NODE_ENV: 'production',
    DATABASE_URL: bench.url,
  });
  const built = await buildApp({ config, database: bench.database });
  await built.app.ready();
  return built;
}

/** Logs a demo account in; the cookies and CSRF token go with each request, as the browser sends them. */
export async function logIn(app: FastifyInstance, username: string) {
  const csrf = await app.inject({ method: 'GET', url: '/api/auth/csrf' });
  const csrfCookie = csrf.cookies.find((c) => c.name === '_csrf')!.value;
  const csrfToken = csrf.json<{ csrfToken: string }>().csrfToken;
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password: 'Renda2026demo' },
    headers: { 'x-csrf-token': csrfToken },
    cookies: { _csrf: csrfCookie },
  });
  if (res.statusCode !== 200) throw new Error(`login of ${username} failed: ${res.body}`);
  const session = res.cookies.find((c) => c.name === 'renda_session')!.value;
  return { username, csrfToken, cookies: { _csrf: csrfCookie, renda_session: session } };
}

/** One timed case: its label, the session it runs as, the URL of its i-th request, and what a response counts. */
export interface RequestCase {
  label: string;
  cookies: Record<string, string>;
  url: (i: number) => string;
  /** The rows a response stands for (its total, or its list's length); the mean is printed. */
  count?: (body: Record<string, unknown>) => number;
  unit?: string;
}

const rowsOf = (body: Record<string, unknown>) =>
  typeof body.total === 'number' ? body.total : Array.isArray(body.items) ? body.items.length : 0;

/** Times each case through the whole HTTP pipeline: 10 warm-up requests, then `runs` timed ones; prints the percentiles. */
export async function timeRequests(app: FastifyInstance, runs: number, cases: RequestCase[]) {
  console.log(`${runs} timed requests per case after 10 warm-up requests\n`);
  for (const c of cases) {
    for (let i = 0; i < 10; i++) await app.inject({ method: 'GET', url: c.url(i), cookies: c.cookies });
    const times: number[] = [];
    let rows = 0;
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const res = await app.inject({ method: 'GET', url: c.url(i), cookies: c.cookies });
      times.push(performance.now() - t0);
      if (res.statusCode !== 200) throw new Error(`${c.label}: ${res.statusCode} ${res.body}`);
      rows += (c.count ?? rowsOf)(res.json());
    }
    times.sort((a, b) => a - b);
    console.log(
      `${c.label}\n  p50 ${percentile(times, 50).toFixed(1)} ms  p95 ${percentile(times, 95).toFixed(1)} ms  max ${times.at(-1)!.toFixed(1)} ms  (mean ${Math.round(rows / runs)} ${c.unit ?? 'matching rows'})`,
    );
  }
}
