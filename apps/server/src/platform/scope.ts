import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { bodies } from '../db/schema.js';
import type { Actor } from './context.js';

/** Rows whose body is the actor's own body or a body below it. */
export function inScope(bodyIdColumn: AnyColumn, actor: Pick<Actor, 'bodyPath'>): SQL {
  return sql`${bodyIdColumn} IN (SELECT ${bodies.id} FROM ${bodies} WHERE ${bodies.path} LIKE ${actor.bodyPath + '%'})`;
}

/** Path of a body given its parent's path: ancestors' ids joined by '/', ending with the body's own id. */
export function childPath(parentPath: string | null, id: string): string {
  return `${parentPath ?? '/'}${id}/`;
}

export function pathCovers(actor: Pick<Actor, 'bodyPath'>, bodyPath: string): boolean {
  return bodyPath.startsWith(actor.bodyPath);
}
