import { asc, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { suggestions } from '../../db/schema.js';
import { searchTokens } from '../../platform/text.js';

/**
 * Fills the search tokens of suggestions written before the keyword search had them (migration
 * 0020 adds the column empty: jieba runs in Node, not in SQL). Runs at startup, a batch at a time,
 * each batch one short statement, so it never holds many rows locked for long; returns how many it filled.
 */
export async function backfillSearchTokens(db: Db, batchSize = 500): Promise<number> {
  let filled = 0;
  for (;;) {
    const rows = await db
      .select({ id: suggestions.id, title: suggestions.title, content: suggestions.content })
      .from(suggestions)
      .where(isNull(suggestions.searchTokens))
      .orderBy(asc(suggestions.id))
      .limit(batchSize);
    if (!rows.length) return filled;
    const values = JSON.stringify(rows.map((r) => ({ id: r.id, tokens: searchTokens(r.title, r.content) })));
    await db.execute(sql`UPDATE ${suggestions} SET search_tokens = v.tokens::tsvector
      FROM json_to_recordset(${values}::json) AS v(id uuid, tokens text) WHERE ${suggestions.id} = v.id`);
    filled += rows.length;
  }
}
