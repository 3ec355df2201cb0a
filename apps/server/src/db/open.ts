import type { Config } from '../config.js';
import { openPglite, openPostgres, type Database } from './client.js';

/** PGlite in DATA_DIR by default; a PostgreSQL server when DATABASE_URL is set. Migrations run on open. */
export function openDatabase(config: Pick<Config, 'DATABASE_URL' | 'pgliteDir'>): Promise<Database> {
  return config.DATABASE_URL ? openPostgres(config.DATABASE_URL) : openPglite(config.pgliteDir);
}
