import type { CampaignClueDetail, ClueSuggestionInput, SuggestionSourceClue } from '@renda/shared';
import type { Db, Tx } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import { clock } from '../../platform/clock.js';
import type { ActorContext } from '../../platform/context.js';
import { DomainError, notFound } from '../../platform/errors.js';
import type { Notifier } from '../../platform/notifications.js';
import { createDraftInTransaction, visibleSuggestion } from '../suggestions/index.js';
import { clueNumber } from './presenters.js';
import * as repo from './repository.js';
import { getClue } from './ledger-service.js';

/** The draft's text: the clue as found, and where it came from, so the deputy only has to develop it. */
function draftContent(r: repo.ClueListRow) {
  const c = r.clue;
  const where = c.location ? `（地点：${c.location}）` : '';
  return `${c.content}${where}\n\n来源：${r.campaignTitle}问题线索台账第 ${clueNumber(c.foundOn, c.seq)} 号，${c.foundOn} 实地监督发现。`;
}

async function draftFor(tx: Tx, notifier: Notifier, ctx: ActorContext, r: repo.ClueListRow, title: string) {
  if (ctx.actor.role !== 'deputy') throw new DomainError('CLUE_DRAFT_DEPUTY_ONLY', '只有代表可以将线索转为本人的建议', undefined, 403);
  const draft = await createDraftInTransaction(tx, notifier, ctx, {
    kind: 'suggestion',
    period: 'between_sessions',
    sessionId: null,
    title,
    content: draftContent(r),
    field: 'other',
    cosignerIds: [],
    opinionIds: [],
  });
  return draft.id;
}

async function linkable(tx: Tx, ctx: ActorContext, suggestionId: string) {
  const found = await visibleSuggestion(tx, ctx.actor, suggestionId);
  if (!found) throw notFound('建议', { id: suggestionId });
  return found;
}

/**
 * Seed 000 sends clues and suggestions to the governments; one that needs a deputy's formal
 * suggestion (module 4) becomes one: a deputy who went on the visit drafts it from the clue, or staff
 * link a suggestion already submitted. A clue leads to one suggestion; its history records the link.
 */
export async function linkSuggestion(
  { db, notifier }: { db: Db; notifier: Notifier },
  ctx: ActorContext,
  clueId: string,
  input: ClueSuggestionInput,
): Promise<CampaignClueDetail> {
  return db.transaction(async (tx) => {
    const row = await repo.getClue(tx, ctx.actor, clueId, true);
    if (!row) throw notFound('问题线索', { id: clueId });
    if (row.clue.suggestionId)
      throw new DomainError('CLUE_ALREADY_LINKED', '该线索已转为代表建议', { suggestionId: row.clue.suggestionId }, 409);
    const linked =
      input.mode === 'draft'
        ? { id: await draftFor(tx, notifier, ctx, row, input.title), note: `代表起草建议：${input.title}` }
        : await linkable(tx, ctx, input.suggestionId).then((s) => ({ id: s.id, note: `关联建议：${s.number ?? ''}${s.title}` }));
    const suggestionId = linked.id;
    const now = clock.now();
    await repo.updateClue(tx, clueId, { suggestionId, updatedAt: now });
    await repo.insertClueEvents(tx, [
      {
        clueId,
        at: now,
        action: 'linkSuggestion',
        actorId: ctx.actor.id,
        actorName: ctx.actor.displayName,
        note: linked.note,
      },
    ]);
    await recordAudit(tx, ctx, {
      entity: 'campaign_clue',
      entityId: clueId,
      bodyId: row.clue.bodyId,
      action: 'linkSuggestion',
      after: { suggestionId, mode: input.mode },
    });
    return getClue(tx, ctx, clueId);
  });
}

/** The clues a suggestion came from, for the suggestion's page; only for someone who may see the suggestion. */
export async function sourceCluesOf(db: Db, ctx: ActorContext, suggestionId: string): Promise<SuggestionSourceClue[]> {
  if (!(await visibleSuggestion(db, ctx.actor, suggestionId))) throw notFound('建议', { id: suggestionId });
  const rows = await repo.cluesOfSuggestion(db, suggestionId);
  return rows.map((r) => ({
    id: r.clue.id,
    number: clueNumber(r.clue.foundOn, r.clue.seq),
    campaignId: r.clue.campaignId,
    campaignTitle: r.campaignTitle,
    kind: r.clue.kind as SuggestionSourceClue['kind'],
    content: r.clue.content,
  }));
}
