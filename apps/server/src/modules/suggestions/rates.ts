import type { SuggestionRates } from '@renda/shared';
import type { Db } from '../../db/client.js';
import type { ActorContext } from '../../platform/context.js';
import { countsByBody, countsByLeadUnit, countsInScope, type Counts, type RatesFilter } from './rates-repository.js';

// 办复率, 按时办复率, 办结率, 解决率, 满意率: what the office reports on suggestions.

const ratio = (n: number, d: number) => (d === 0 ? null : Math.round((n / d) * 1000) / 1000);

export function toRates(c: Counts): SuggestionRates {
  return {
    ...c,
    // 办复率: released replies over assigned items; the others over what they can apply to.
    replyRate: ratio(c.replied, c.assigned),
    onTimeRate: ratio(c.repliedOnTime, c.replied),
    closureRate: ratio(c.closed, c.assigned),
    solvedRate: ratio(c.categoryA, c.replied),
    satisfactionRate: ratio(c.satisfiedOrBasically, c.rated),
  };
}

export async function rates(db: Db, ctx: ActorContext, f: RatesFilter): Promise<SuggestionRates> {
  return toRates(await countsInScope(db, ctx.actor, f));
}

/** Rates per lead unit (主办单位): the unit answers for its items. */
export async function ratesByUnit(db: Db, ctx: ActorContext, f: RatesFilter) {
  const rows = await countsByLeadUnit(db, ctx.actor, f);
  return rows.map(({ unitId, unitName, ...c }) => ({ unitId: unitId!, unitName, ...toRates(c) }));
}

/** Rates per body below the actor's (an upper body sees the bodies under it). */
export async function ratesByBody(db: Db, ctx: ActorContext, f: RatesFilter) {
  const rows = await countsByBody(db, ctx.actor, f);
  return rows.map(({ bodyId, bodyName, ...c }) => ({ bodyId, bodyName, ...toRates(c) }));
}
