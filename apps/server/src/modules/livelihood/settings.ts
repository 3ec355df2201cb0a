import type { LivelihoodSettings, LivelihoodSettingsInput, VoteThreshold } from '@renda/shared';
import type { Db, Executor } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import { clock } from '../../platform/clock.js';
import type { ActorContext } from '../../platform/context.js';
import { requireBodyInScope } from '../../platform/scope.js';
import * as repo from './repository.js';
import { defaultSettings } from './rules.js';

/** 票决办法: the deciding thresholds of a body and where they are written, inherited down the body tree. */
export async function settingsFor(db: Executor, bodyId: string, bodyPath: string): Promise<LivelihoodSettings> {
  const found = await repo.settingsInForce(db, bodyPath);
  if (!found) return { bodyId, ...defaultSettings, setBy: null, setByName: null };
  const s = found.s;
  return {
    bodyId,
    voteThreshold: s.voteThreshold as VoteThreshold,
    voteSource: s.voteSource,
    evaluationThreshold: s.evaluationThreshold as VoteThreshold,
    evaluationSource: s.evaluationSource,
    setBy: s.bodyId,
    setByName: found.bodyName,
  };
}

export async function getSettings(db: Db, ctx: ActorContext, bodyId: string) {
  const body = await requireBodyInScope(db, ctx.actor, bodyId);
  return settingsFor(db, body.id, body.path);
}

export async function setSettings(db: Db, ctx: ActorContext, bodyId: string, input: LivelihoodSettingsInput) {
  return db.transaction(async (tx) => {
    const body = await requireBodyInScope(tx, ctx.actor, bodyId);
    await repo.upsertSettings(tx, { bodyId, ...input, updatedAt: clock.now() });
    await recordAudit(tx, ctx, { entity: 'livelihood_settings', entityId: bodyId, bodyId, action: 'update', after: input });
    return settingsFor(tx, body.id, body.path);
  });
}
