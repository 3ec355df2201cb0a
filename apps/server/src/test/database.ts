import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { inject } from 'vitest';
import { openPglite, openPostgres, type Database } from '../db/client.js';
import { clock } from '../platform/clock.js';
import { chinaDate } from '../platform/deadlines.js';
import { adminQuery, seedTestData, type SeedTemplate } from './template.js';

type TestDatabase = Database & { drop(): Promise<void> };

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new database on
 * the PostgreSQL server named by TEST_DATABASE_URL (created here and dropped by `drop`). `template`
 * starts it as a copy of the run's seeded template instead of empty.
 */
export async function freshDatabase(template?: SeedTemplate): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const loadDataDir = template?.kind === 'pglite' ? new Blob([await readFile(template.file)]) : undefined;
    const database = await openPglite('memory://', { loadDataDir });
    return { ...database, drop: () => database.close() };
  }
  const name = `renda_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(
    serverUrl,
    template?.kind === 'postgres' ? `CREATE DATABASE ${name} TEMPLATE ${template.name}` : `CREATE DATABASE ${name}`,
  );
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openPostgres(url.toString());
  return {
    ...database,
    drop: async () => {
      await database.close();
      await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/**
 * A fresh database with the regions and the demo city: a copy of the run's template (built once by
 * test/global-setup.ts) when there is one for this driver and its seed's "today" is the test's today,
 * otherwise migrated and seeded here as before (a test that froze the clock on another day gets a
 * seed dated from that day).
 */
export async function seededDatabase(): Promise<TestDatabase> {
  const template = inject('seedTemplate') as SeedTemplate | undefined;
  const driver = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';
  const usable = template?.kind === driver && clock.frozenAt() === null && chinaDate(clock.now()) === template.day;
  if (usable) return freshDatabase(template);
  const database = await freshDatabase();
  await seedTestData(database.db);
  return database;
}
