import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openPglite, openPostgres, type Db } from '../db/client.js';
import { clock } from '../platform/clock.js';
import { chinaDate } from '../platform/deadlines.js';
import { seedDemo } from '../seed/demo.js';
import { seedRegions } from '../seed/regions.js';

const silentLog = { info() {}, warn() {}, error() {}, debug() {} } as never;

/**
 * The database every integration test file starts from, built once per test run (vitest globalSetup):
 * migrated, with the Zhejiang regions and the demo city. `day` is the China date its seed took as
 * "today"; a file whose clock says another day (frozen by the test, or the run crossed midnight)
 * seeds its own database instead, as before.
 */
export type SeedTemplate = { kind: 'pglite'; file: string; day: string } | { kind: 'postgres'; name: string; day: string };

/** What each test database holds before the app starts: the province's regions and the demo city. */
export async function seedTestData(db: Db) {
  await seedRegions(db, silentLog, { onlyProvince: '330000' });
  await seedDemo(db, silentLog);
}

/** Migrates and seeds the template: a PGlite data directory dumped to a file, or a database on the server. */
export async function buildSeedTemplate(serverUrl = process.env.TEST_DATABASE_URL): Promise<SeedTemplate> {
  const day = chinaDate(clock.now());
  if (!serverUrl) {
    const database = await openPglite('memory://');
    await seedTestData(database.db);
    const dump = await database.dumpDataDir();
    await database.close();
    const dir = await mkdtemp(path.join(tmpdir(), 'renda-template-'));
    const file = path.join(dir, 'pgdata.tar');
    await writeFile(file, Buffer.from(await dump.arrayBuffer()));
    return { kind: 'pglite', file, day };
  }
  // A name of its own per run: other runs may share the server.
  const name = `renda_template_${randomBytes(6).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openPostgres(url.toString());
  await seedTestData(database.db);
  // CREATE DATABASE … TEMPLATE needs the template without connections.
  await database.close();
  return { kind: 'postgres', name, day };
}

export async function dropSeedTemplate(template: SeedTemplate, serverUrl = process.env.TEST_DATABASE_URL) {
  if (template.kind === 'pglite') await rm(path.dirname(template.file), { recursive: true, force: true });
  else await adminQuery(serverUrl!, `DROP DATABASE IF EXISTS ${template.name} WITH (FORCE)`);
}

/** One statement on the server's maintenance connection (CREATE/DROP DATABASE cannot run in a pool's transaction). */
export async function adminQuery(serverUrl: string, sql: string) {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

// What the global setup hands each test file; declared beside the type so every program that reads a
// test database (the server's tests, bench/test-setup.ts) sees it.
declare module 'vitest' {
  export interface ProvidedContext {
    seedTemplate: SeedTemplate;
  }
}
