import { and, eq, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { bodies, handlingUnits } from '../db/schema.js';
import type { Actor } from './context.js';
import { notFound } from './errors.js';

/** The part of an actor that decides what they see: their body's materialised path. */
export type Scope = Pick<Actor, 'bodyPath'>;

/** Takes LIKE's wildcards (and its escape character) in user input literally. */
export const escapeLike = (text: string) => text.replace(/[\\%_]/g, '\\$&');
/** A LIKE pattern for text that contains the input anywhere. */
export const likeContains = (text: string) => `%${escapeLike(text)}%`;
/** A LIKE pattern for text that starts with the input (served by a text_pattern_ops index). */
export const likePrefix = (text: string) => `${escapeLike(text)}%`;

/** A body path column at or below the actor's body. */
export function pathInScope(pathColumn: AnyColumn, scope: Scope): SQL {
  return sql`${pathColumn} LIKE ${likePrefix(scope.bodyPath)}`;
}

/** Rows whose body is the actor's own body or a body below it. */
export function inScope(bodyIdColumn: AnyColumn, scope: Scope): SQL {
  return sql`${bodyIdColumn} IN (SELECT ${bodies.id} FROM ${bodies} WHERE ${pathInScope(bodies.path, scope)})`;
}

/** The body, if the actor may see it; undefined otherwise (the caller answers 404, never 403). */
export async function findBodyInScope(db: Executor, scope: Scope, bodyId: string) {
  const [row] = await db
    .select()
    .from(bodies)
    .where(and(eq(bodies.id, bodyId), pathInScope(bodies.path, scope)));
  return row;
}

/** The body within the actor's scope, or the 404 every module answers for a body it may not see. */
export async function requireBodyInScope(db: Executor, scope: Scope, bodyId: string) {
  const body = await findBodyInScope(db, scope, bodyId);
  if (!body) throw notFound('人大机关', { bodyId });
  return body;
}

/** A handling unit of a body the actor sees (active or not: the caller says why an inactive one is refused). */
export async function findUnitInScope(db: Executor, scope: Scope, id: string) {
  const [row] = await db
    .select({ id: handlingUnits.id, name: handlingUnits.name, active: handlingUnits.active })
    .from(handlingUnits)
    .where(and(eq(handlingUnits.id, id), inScope(handlingUnits.bodyId, scope)));
  return row;
}

/** Path of a body given its parent's path: ancestors' ids joined by '/', ending with the body's own id. */
export function childPath(parentPath: string | null, id: string): string {
  return `${parentPath ?? '/'}${id}/`;
}

export function pathCovers(scope: Scope, bodyPath: string): boolean {
  return bodyPath.startsWith(scope.bodyPath);
}

/** The ids of a body and of every body above it, read from its path. */
export const bodyAndAncestors = (bodyPath: string) => bodyPath.split('/').filter(Boolean);
