import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { clock } from '../platform/clock.js';
import { freshDatabase, seededDatabase } from './database.js';
import { seedTestData } from './template.js';

type TestDatabase = Awaited<ReturnType<typeof freshDatabase>>;

/** Rows per table of the public schema: what a test could tell apart. */
async function rowCounts(database: TestDatabase) {
  const { rows } = await database.raw.query(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1",
  );
  const counts: Record<string, number> = {};
  for (const { name } of rows) {
    const [row] = (await database.raw.query(`SELECT count(*)::int AS n FROM "${String(name)}"`)).rows;
    counts[String(name)] = Number(row!.n);
  }
  return counts;
}

describe('the seeded template every integration test file starts from', () => {
  const driver = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';
  let copy: TestDatabase;
  let scratch: TestDatabase;
  beforeAll(async () => {
    copy = await seededDatabase();
    scratch = await freshDatabase();
    await seedTestData(scratch.db);
  });
  afterAll(async () => {
    await copy?.drop();
    await scratch?.drop();
  });

  it('is built for the driver of this run unless switched off', () => {
    const template = inject('seedTemplate');
    if (process.env.RENDA_TEST_TEMPLATE === 'off') expect(template).toBeUndefined();
    else expect(template).toMatchObject({ kind: driver });
  });

  it('gives a copy holding the same rows in every table as a database migrated and seeded from scratch', async () => {
    const [a, b] = [await rowCounts(copy), await rowCounts(scratch)];
    expect(a.users).toBeGreaterThan(0);
    expect(a).toEqual(b);
  });

  it('is not used when the test froze the clock on another day: that seed is dated from the frozen day', async () => {
    clock.set(new Date('2026-03-02T09:00:00+08:00'));
    const own = await seededDatabase();
    try {
      const { rows } = await own.raw.query('SELECT min(created_at) AS at FROM users');
      expect(new Date(String(rows[0]!.at)).toISOString()).toBe('2026-03-02T01:00:00.000Z');
    } finally {
      clock.reset();
      await own.drop();
    }
  });
});
