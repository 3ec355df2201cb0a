/**
 * What other modules may use from the suggestions module. A themed campaign's clue (专项监督问题线索)
 * can become a deputy's suggestion: the campaigns module drafts it here for the deputy, or links a
 * suggestion the actor can see, and shows its number beside the clue.
 */
import type { SuggestionDraftInput, SuggestionDetail } from '@renda/shared';
import type { Executor, Tx } from '../../db/client.js';
import type { Actor, ActorContext } from '../../platform/context.js';
import type { Notifier } from '../../platform/notifications.js';
import { numberLabel } from './presenters.js';
import { findByIds, getListRow, type SuggestionRow } from './repository.js';
import { createDraft } from './service.js';

export { backfillSearchTokens } from './search-repository.js';

export interface SuggestionSummary {
  id: string;
  /** 九届三次会议第N号 / 2026年闭会期间第N号 once numbered on acceptance. */
  number: string | null;
  title: string;
  state: string;
  bodyId: string;
  leadDeputyId: string;
}

const summaryOf = ({ s, sessionName }: { s: SuggestionRow; sessionName: string | null }): SuggestionSummary => ({
  id: s.id,
  number: numberLabel(s, sessionName),
  title: s.title,
  state: s.state,
  bodyId: s.bodyId,
  leadDeputyId: s.leadDeputyId,
});

/** Not scoped: for showing a link the caller already holds (a clue's suggestion); the caller decides what to show. */
export async function findSuggestionSummaries(db: Executor, ids: string[]): Promise<Map<string, SuggestionSummary>> {
  if (!ids.length) return new Map();
  const rows = await findByIds(db, [...new Set(ids)]);
  return new Map(rows.map((r) => [r.s.id, summaryOf(r)]));
}

/** The suggestion if the actor may see it (staff: submitted items of their bodies; a deputy: their own). */
export async function visibleSuggestion(db: Executor, actor: Actor, id: string): Promise<SuggestionSummary | undefined> {
  const row = await getListRow(db, actor, id);
  return row ? summaryOf(row) : undefined;
}

/**
 * A draft suggestion of the acting deputy, inside the caller's transaction (drizzle runs the draft's
 * own transaction as a savepoint of it), so the draft and the caller's link commit together.
 */
export function createDraftInTransaction(
  tx: Tx,
  notifier: Notifier,
  ctx: ActorContext,
  input: Omit<SuggestionDraftInput, 'confidential'> & { confidential?: boolean },
): Promise<SuggestionDetail> {
  return createDraft({ db: tx, notifier }, ctx, { ...input, confidential: input.confidential ?? false });
}

export { suggestionFigures, suggestionTodos } from './workbench.js';
