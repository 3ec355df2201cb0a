import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { deadlineRules } from '../db/schema.js';
import type { DeadlineRule } from './deadlines.js';

export interface DeadlineRuleDefinition {
  key: string;
  /** What the deadline is for, in Chinese. */
  label: string;
  /** The legal or customary default. */
  default: DeadlineRule;
  /** Where the default comes from (law, regulation or seed), shown beside the setting. */
  source: string;
}

/** Modules register their deadline rules here at start; admins override them per body. */
const definitions = new Map<string, DeadlineRuleDefinition>();

export function defineDeadlineRule(def: DeadlineRuleDefinition): DeadlineRuleDefinition {
  definitions.set(def.key, def);
  return def;
}

export function deadlineRuleDefinitions(): DeadlineRuleDefinition[] {
  return [...definitions.values()];
}

/** Ancestor body ids of a path, nearest first. */
function ancestorsOf(bodyPath: string): string[] {
  return bodyPath.split('/').filter(Boolean).reverse();
}

/** The rule in force for a body: its own setting, else the nearest ancestor's, else the default. */
export async function ruleInForce(db: Executor, bodyPath: string, key: string): Promise<DeadlineRule & { setBy: string | null }> {
  const def = definitions.get(key);
  if (!def) throw new Error(`unknown deadline rule ${key}`);
  const ancestors = ancestorsOf(bodyPath);
  const rows = await db
    .select()
    .from(deadlineRules)
    .where(and(eq(deadlineRules.key, key), inArray(deadlineRules.bodyId, ancestors)));
  for (const bodyId of ancestors) {
    const row = rows.find((r) => r.bodyId === bodyId);
    if (row) return { amount: row.amount, unit: row.unit as DeadlineRule['unit'], setBy: bodyId };
  }
  return { ...def.default, setBy: null };
}

export async function setRule(db: Executor, bodyId: string, key: string, rule: DeadlineRule, at: Date) {
  await db
    .insert(deadlineRules)
    .values({ bodyId, key, ...rule, updatedAt: at })
    .onConflictDoUpdate({ target: [deadlineRules.bodyId, deadlineRules.key], set: { ...rule, updatedAt: at } });
}

export async function clearRule(db: Executor, bodyId: string, key: string) {
  await db.delete(deadlineRules).where(and(eq(deadlineRules.bodyId, bodyId), eq(deadlineRules.key, key)));
}
