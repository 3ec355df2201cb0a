import { and, count, eq, sql, type SQL } from 'drizzle-orm';
import type { PublicSuggestionQuery, PublicSuggestionSession } from '@renda/shared';
import type { Executor } from '../../db/client.js';
import {
  bodies,
  deputies,
  handlingUnits,
  suggestionCosigners,
  suggestionReplies,
  suggestions,
  suggestionSessions,
} from '../../db/schema.js';
import { readPage } from '../../platform/pagination.js';
import { contains, submittedByDeputy } from './repository.js';

// Public data only: no function here takes a scope, and none returns more than the portal shows.

const publicColumns = {
  s: suggestions,
  bodyName: bodies.name,
  sessionName: suggestionSessions.name,
  deputyName: deputies.name,
  unitName: handlingUnits.name,
  // Co-signers who confirmed, by name only: deputies hold public office (docs/domain-rules.md).
  cosignerNames: sql<string[]>`COALESCE((SELECT json_agg(d.name ORDER BY d.name) FROM ${suggestionCosigners} c
    JOIN ${deputies} d ON d.id = c.deputy_id WHERE c.suggestion_id = ${suggestions.id} AND c.confirmed_at IS NOT NULL), '[]'::json)`,
  replyCategory: suggestionReplies.category,
  reply: suggestionReplies.content,
  releasedAt: suggestionReplies.releasedAt,
};

/** Public data only: disclosed items with a released reply, the latest released reply each. */
export function findPublished(db: Executor) {
  return db
    .select(publicColumns)
    .from(suggestions)
    .innerJoin(bodies, eq(bodies.id, suggestions.bodyId))
    .innerJoin(deputies, eq(deputies.id, suggestions.leadDeputyId))
    .leftJoin(suggestionSessions, eq(suggestionSessions.id, suggestions.sessionId))
    .innerJoin(
      suggestionReplies,
      sql`${suggestionReplies.id} = (SELECT r.id FROM ${suggestionReplies} r WHERE r.suggestion_id = ${suggestions.id} AND r.released_at IS NOT NULL ORDER BY r.released_at DESC LIMIT 1)`,
    )
    .innerJoin(handlingUnits, eq(handlingUnits.id, suggestionReplies.unitId));
}

export type PublishedRow = Awaited<ReturnType<ReturnType<typeof findPublished>['execute']>>[number];

function publishedWhere(q: PublicSuggestionQuery): SQL | undefined {
  return and(
    eq(suggestions.disclose, true),
    q.bodyId ? eq(suggestions.bodyId, q.bodyId) : undefined,
    q.sessionId ? eq(suggestions.sessionId, q.sessionId) : undefined,
    q.field ? eq(suggestions.field, q.field) : undefined,
    // The item keeps the category of its latest released reply, the one shown.
    q.replyCategory ? eq(suggestions.replyCategory, q.replyCategory) : undefined,
    q.q ? contains(suggestions.title, q.q) : undefined,
  );
}

export async function findPublishedPage(db: Executor, q: PublicSuggestionQuery): Promise<{ rows: PublishedRow[]; total: number }> {
  const where = publishedWhere(q);
  return readPage(
    findPublished(db)
      .where(where)
      .orderBy(sql`${suggestionReplies.releasedAt} DESC`),
    db
      .select({ total: count() })
      .from(suggestions)
      .where(and(where, sql`${suggestions.releasedAt} IS NOT NULL`)),
    q,
  );
}

export async function findPublishedById(db: Executor, id: string): Promise<PublishedRow | undefined> {
  const [row] = await findPublished(db).where(and(eq(suggestions.id, id), eq(suggestions.disclose, true)));
  return row;
}

/** Sessions with at least one published item, newest first: the portal's session filter. */
export async function findPublishedSessions(db: Executor): Promise<PublicSuggestionSession[]> {
  return db
    .select({ id: suggestionSessions.id, name: suggestionSessions.name, bodyName: bodies.name })
    .from(suggestionSessions)
    .innerJoin(bodies, eq(bodies.id, suggestionSessions.bodyId))
    .where(
      sql`EXISTS (SELECT 1 FROM ${suggestions} s WHERE s.session_id = ${suggestionSessions.id} AND s.disclose AND s.released_at IS NOT NULL)`,
    )
    .orderBy(sql`${suggestionSessions.startsOn} DESC`, suggestionSessions.name);
}

/**
 * Up to `limit` of a deputy's suggestions (led or co-signed, submitted within [from, to]) that the portal
 * shows, newest reply first. Never a confidential one: the portal withholds its deputies' names.
 */
export function findPublishedOfDeputy(db: Executor, deputyId: string, from: string, to: string, limit: number) {
  return db
    .select({ id: suggestions.id, title: suggestions.title })
    .from(suggestions)
    .where(
      and(
        eq(suggestions.disclose, true),
        eq(suggestions.confidential, false),
        sql`${suggestions.releasedAt} IS NOT NULL`,
        submittedByDeputy(deputyId, from, to),
      ),
    )
    .orderBy(sql`${suggestions.releasedAt} DESC`, suggestions.id)
    .limit(limit);
}
