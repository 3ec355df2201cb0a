import type { DeadlineRuleInput, DeadlineRuleSetting } from '@renda/shared';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import { clock } from '../../platform/clock.js';
import type { ActorContext } from '../../platform/context.js';
import { clearRule, deadlineRuleDefinitions, ruleInForce, setRule } from '../../platform/deadline-rules.js';
import { notFound } from '../../platform/errors.js';
import { requireBody } from './bodies-service.js';

/** A body's own deadline rules (办理期限), inherited by the bodies below it. */

export async function deadlineRuleSettings(db: Db, ctx: ActorContext, bodyId: string): Promise<DeadlineRuleSetting[]> {
  const body = await requireBody(db, ctx, bodyId);
  return Promise.all(
    deadlineRuleDefinitions().map(async (def) => {
      const { setBy, ...inForce } = await ruleInForce(db, body.body.path, def.key);
      return { key: def.key, label: def.label, source: def.source, default: def.default, inForce, setByBodyId: setBy };
    }),
  );
}

function requireRuleDefinition(key: string) {
  const def = deadlineRuleDefinitions().find((d) => d.key === key);
  if (!def) throw notFound('期限规则', { key });
  return def;
}

/** Setting (or, with null, clearing) a body's own deadline rule; clearing falls back to the ancestor's or the legal default. */
export async function setDeadlineRule(db: Db, ctx: ActorContext, bodyId: string, key: string, rule: DeadlineRuleInput | null) {
  requireRuleDefinition(key);
  await db.transaction(async (tx) => {
    const body = await requireBody(tx, ctx, bodyId);
    const before = await ruleInForce(tx, body.body.path, key);
    if (rule) await setRule(tx, bodyId, key, rule, clock.now());
    else await clearRule(tx, bodyId, key);
    const after = await ruleInForce(tx, body.body.path, key);
    await recordAudit(tx, ctx, { entity: 'deadline_rule', entityId: key, bodyId, action: rule ? 'update' : 'delete', before, after });
  });
  return deadlineRuleSettings(db, ctx, bodyId);
}
