import { defaultReplyCategories, type ReplyLetterMode, type SuggestionSettings, type SuggestionSettingsInput } from '@renda/shared';
import type { Db, Executor } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import { clock } from '../../platform/clock.js';
import type { ActorContext } from '../../platform/context.js';
import { DomainError } from '../../platform/errors.js';
import { requireBodyInScope } from '../../platform/scope.js';
import { categorySchemeProblem } from './categories.js';
import * as repo from './settings-repository.js';

/** The body's settings in force: its own, else those of the nearest body above it, else the default (A/B/C, one letter naming all). */
export async function settingsFor(db: Executor, bodyId: string, bodyPath?: string): Promise<SuggestionSettings> {
  const path = bodyPath ?? (await repo.bodyPath(db, bodyId));
  const found = path ? await repo.settingsInForce(db, path) : undefined;
  if (!found) return { bodyId, replyLetterMode: 'named', replyCategories: defaultReplyCategories, setBy: null, setByName: null };
  return {
    bodyId,
    replyLetterMode: found.s.replyLetterMode as ReplyLetterMode,
    replyCategories: found.s.replyCategories,
    setBy: found.s.bodyId,
    setByName: found.bodyName,
  };
}

export async function getSettings(db: Db, ctx: ActorContext, bodyId: string) {
  const body = await requireBodyInScope(db, ctx.actor, bodyId);
  return settingsFor(db, body.id, body.path);
}

export async function setSettings(db: Db, ctx: ActorContext, bodyId: string, input: SuggestionSettingsInput) {
  const problem = categorySchemeProblem(input.replyCategories);
  if (problem) throw new DomainError('REPLY_CATEGORIES_INVALID', problem.message, { fields: [problem] });
  return db.transaction(async (tx) => {
    const body = await requireBodyInScope(tx, ctx.actor, bodyId);
    const before = await settingsFor(tx, body.id, body.path);
    await repo.upsertSettings(tx, { bodyId, ...input, updatedAt: clock.now() });
    await recordAudit(tx, ctx, {
      entity: 'suggestion_settings',
      entityId: bodyId,
      bodyId,
      action: 'update',
      before: { replyLetterMode: before.replyLetterMode, replyCategories: before.replyCategories },
      after: input,
    });
    return settingsFor(tx, body.id, body.path);
  });
}
