import {
  defaultReplyCategories,
  ratePercent,
  suggestionRateKeys,
  suggestionRatesColumns,
  suggestionRatesLabel,
  type ReplyCategoryOption,
  type SuggestionRateKey,
  type SuggestionRates,
} from '@renda/shared';
import type { Db } from '../../db/client.js';
import type { ActorContext } from '../../platform/context.js';
import { type Column, workbook } from '../../platform/documents.js';
import { getSettings } from './settings.js';
import {
  countsByBody,
  countsByLeadUnit,
  countsInScope,
  separateParts,
  type Counts,
  type RatesFilter,
  type SeparatePart,
} from './rates-repository.js';

// 办复率, 按时办复率, 办结率, 解决率, 满意率: what the office reports on suggestions.

const categoryKey = { A: 'categoryA', B: 'categoryB', C: 'categoryC', D: 'categoryD' } as const;

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

const zero: Counts = {
  total: 0,
  assigned: 0,
  replied: 0,
  repliedOnTime: 0,
  closed: 0,
  categoryA: 0,
  categoryB: 0,
  categoryC: 0,
  categoryD: 0,
  rated: 0,
  satisfiedOrBasically: 0,
};

/** One 分别办理 part counted as its unit's own item (on time against its own deadline, its own category and rating). */
export function countPart(c: Counts, p: Pick<SeparatePart, 'itemState' | 'repliedOnTime' | 'category' | 'rating'>): Counts {
  const replied = p.category != null;
  const category = replied ? categoryKey[p.category as keyof typeof categoryKey] : undefined;
  return {
    ...c,
    total: c.total + 1,
    assigned: c.assigned + 1,
    replied: c.replied + (replied ? 1 : 0),
    repliedOnTime: c.repliedOnTime + (replied && p.repliedOnTime ? 1 : 0),
    closed: c.closed + (p.itemState === 'closed' ? 1 : 0),
    ...(category ? { [category]: c[category] + 1 } : {}),
    rated: c.rated + (p.rating ? 1 : 0),
    satisfiedOrBasically: c.satisfiedOrBasically + (p.rating === 'satisfied' || p.rating === 'basically_satisfied' ? 1 : 0),
  };
}

/**
 * Rates per unit: the lead unit (主办单位) answers for its items, and a 分别办理 unit for its own
 * part of an item, counted as one of its items.
 */
export async function ratesByUnit(db: Db, ctx: ActorContext, f: RatesFilter) {
  const [leads, parts] = await Promise.all([countsByLeadUnit(db, ctx.actor, f), separateParts(db, ctx.actor, f)]);
  const units = new Map<string, { unitName: string; counts: Counts }>();
  for (const { unitId, unitName, ...counts } of leads) units.set(unitId!, { unitName, counts });
  for (const p of parts) {
    const unit = units.get(p.unitId) ?? { unitName: p.unitName, counts: zero };
    units.set(p.unitId, { unitName: unit.unitName, counts: countPart(unit.counts, p) });
  }
  return [...units]
    .map(([unitId, { unitName, counts }]) => ({ unitId, unitName, ...toRates(counts) }))
    .sort((x, y) => (x.unitName < y.unitName ? -1 : x.unitName > y.unitName ? 1 : 0));
}

/** Rates per body below the actor's (an upper body sees the bodies under it). */
export async function ratesByBody(db: Db, ctx: ActorContext, f: RatesFilter) {
  const rows = await countsByBody(db, ctx.actor, f);
  return rows.map(({ bodyId, bodyName, ...c }) => ({ bodyId, bodyName, ...toRates(c) }));
}

type RatesLine = SuggestionRates & { group: string; name: string };

/** The page's report: the total, each lead unit, each body, and the counted body's result categories. */
export async function ratesReport(db: Db, ctx: ActorContext, f: RatesFilter) {
  const [overall, byUnit, byBody] = await Promise.all([rates(db, ctx, f), ratesByUnit(db, ctx, f), ratesByBody(db, ctx, f)]);
  const bodyId = f.bodyId ?? ctx.actor.bodyId;
  const categories = bodyId ? (await getSettings(db, ctx, bodyId)).replyCategories : defaultReplyCategories;
  return { overall, byUnit, byBody, categories };
}

/** The page's columns in its order; the category counts are the counted body's own (A/B/C, or A–D). */
const ratesColumns = (categories: readonly ReplyCategoryOption[]): Column<RatesLine>[] => [
  { header: '统计口径', key: 'group', width: 12, value: (r) => r.group },
  { header: '名称', key: 'name', width: 30, value: (r) => r.name },
  ...suggestionRatesColumns.flatMap((key): Column<RatesLine>[] =>
    key === 'categoryA'
      ? categories.map((c) => ({
          header: `${c.code}类（${c.label}）`,
          key: categoryKey[c.code],
          width: 14,
          value: (r) => r[categoryKey[c.code]],
        }))
      : [
          {
            header: suggestionRatesLabel[key],
            key,
            width: 12,
            value: (r) => (suggestionRateKeys.includes(key as SuggestionRateKey) ? ratePercent(r[key]) : r[key]),
          },
        ],
  ),
];

/**
 * 建议办理统计 as the page shows it for the chosen session and body: the total, each lead unit, and
 * each body when more than one is counted, one line each in one sheet.
 */
export async function ratesWorkbook(db: Db, ctx: ActorContext, f: RatesFilter): Promise<Buffer> {
  const { overall, byUnit, byBody, categories } = await ratesReport(db, ctx, f);
  const lines: RatesLine[] = [
    { group: '合计', name: '全部', ...overall },
    ...byUnit.map(({ unitId: _unit, unitName, ...r }) => ({ group: '承办单位', name: unitName, ...r })),
    ...(byBody.length > 1 ? byBody.map(({ bodyId: _body, bodyName, ...r }) => ({ group: '人大机关', name: bodyName, ...r })) : []),
  ];
  return workbook('建议办理统计', ratesColumns(categories), lines);
}
