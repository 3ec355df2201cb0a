import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import pg from 'pg';
import * as schema from './schema.js';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Either the database or a transaction: repositories take this as their first argument. */
export type Executor = Db | Tx;

/**
 * Builds something of a database's once, on first use, and hands the same back after: prepared
 * statements on a hot path (every request's session, a cast, a public submission), then parsed and
 * planned once per connection, not per call; or a cache that must not outlive its database.
 */
export function perDatabase<T>(build: (db: Db) => T): (db: Db) => T {
  const built = new WeakMap<Db, T>();
  return (db) => {
    let statements = built.get(db);
    if (!statements) built.set(db, (statements = build(db)));
    return statements;
  };
}

export type DatabaseKind = 'pglite' | 'postgres';

/** Raw SQL access for libraries that bring their own SQL (pg-boss) and for LISTEN/NOTIFY. */
export interface RawSql {
  query(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  /** Runs a multi-statement script and returns the rows of its last statement. */
  queryScript(text: string): Promise<{ rows: Record<string, unknown>[] }>;
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
}

export interface Database {
  kind: DatabaseKind;
  /** Connection string of the PostgreSQL server; absent for PGlite. */
  url?: string;
  db: Db;
  raw: RawSql;
  close(): Promise<void>;
}

export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

/**
 * PGlite keeps its data in `dataDir`; pass `memory://` for a throwaway database (tests). `loadDataDir`
 * starts it from a tarball of a data directory (`dumpDataDir`), as the tests' seeded template does.
 */
export async function openPglite(
  dataDir: string,
  options: { loadDataDir?: Blob } = {},
): Promise<Database & { dumpDataDir(): Promise<Blob> }> {
  if (!dataDir.startsWith('memory://')) await mkdir(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir, options.loadDataDir ? { loadDataDir: options.loadDataDir } : {});
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  await migratePglite(drizzlePglite(client, { schema }), { migrationsFolder });
  return {
    kind: 'pglite',
    db,
    raw: {
      query: async (text, values) => ({ rows: (await client.query<Record<string, unknown>>(text, values)).rows }),
      queryScript: async (text) => {
        const results = await client.exec(text);
        return { rows: (results.at(-1)?.rows ?? []) as Record<string, unknown>[] };
      },
      listen: async (channel, onPayload) => {
        const unlisten = await client.listen(channel, onPayload);
        return unlisten;
      },
    },
    close: () => client.close(),
    dumpDataDir: () => client.dumpDataDir('none'),
  };
}

export async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection the server drops (restart, failover) must not crash the process; the pool
  // replaces it on the next query.
  pool.on('error', (err) => console.error('PostgreSQL idle connection error:', err.message));
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  await migratePg(drizzlePg(pool, { schema }), { migrationsFolder });
  return {
    kind: 'postgres',
    url,
    db,
    raw: {
      query: async (text, values) => ({ rows: (await pool.query(text, values)).rows }),
      queryScript: async (text) => {
        const result = (await pool.query(text)) as pg.QueryResult | pg.QueryResult[];
        return { rows: Array.isArray(result) ? (result.at(-1)?.rows ?? []) : result.rows };
      },
      listen: async (channel, onPayload) => {
        const client = await pool.connect();
        client.on('error', (err) => console.error('PostgreSQL LISTEN connection error:', err.message));
        client.on('notification', (msg) => {
          if (msg.channel === channel) onPayload(msg.payload ?? '');
        });
        await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
        return async () => {
          await client.query(`UNLISTEN ${pg.escapeIdentifier(channel)}`).catch(() => undefined);
          client.release();
        };
      },
    },
    close: () => pool.end(),
  };
}

/** How many migrations are applied and the tag of the last one, for /api/health. */
export async function migrationVersion(raw: RawSql): Promise<{ version: number; tag: string | null }> {
  const { rows } = await raw.query('SELECT count(*)::int AS count FROM drizzle.__drizzle_migrations');
  const version = Number(rows[0]?.count ?? 0);
  const journal = JSON.parse(await readFile(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as {
    entries: { idx: number; tag: string }[];
  };
  return { version, tag: journal.entries[version - 1]?.tag ?? null };
}
