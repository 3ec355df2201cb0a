import { dutyKind, sevenOnesLabel, type DutyKind, type SevenOnes, type SevenOnesKey } from '@renda/shared';

/** What the duty log says about one deputy in one year. */
export interface DutyFacts {
  countsByKind: Partial<Record<DutyKind, number>>;
  votersReceived: number;
  gridActivities: number;
}

/** Counts other modules contribute (opinions, suggestions, station receptions); absent when no module reports. */
export type ExternalCounts = Partial<Record<SevenOnesKey, number>>;

type Measure = { from: 'voters' } | { from: 'grid' } | { from: 'kinds'; kinds: readonly DutyKind[] } | { from: 'external' };

/**
 * Seed 003 (雁江区): the yearly "seven ones" of every deputy. Each task is counted from records that
 * already exist — the duty log, station receptions, suggestions — never typed in a second time.
 * Where the seed says 一批 (a batch) we read ten voters and three opinions; 一系列 three activities.
 */
export const sevenOnesRules: readonly { key: SevenOnesKey; basis: string; target: number; measure: Measure }[] = [
  { key: 'contactVoters', basis: '履职登记中接待、联系的群众人数', target: 10, measure: { from: 'voters' } },
  {
    key: 'collectOpinions',
    basis: '进站接待中登记的群众意见、联系选民时听取的意见，及通过代表码收到或由代表领办的群众意见',
    target: 3,
    measure: { from: 'external' },
  },
  { key: 'suggestion', basis: '本人领衔或联名提出的代表建议', target: 1, measure: { from: 'external' } },
  { key: 'governance', basis: '在本人所在网格（村、社区）开展的履职活动', target: 1, measure: { from: 'grid' } },
  {
    key: 'solveProblem',
    basis: '接待中当场解决的群众问题，及代表收到的意见经办理后群众评价满意或基本满意的',
    target: 1,
    measure: { from: 'external' },
  },
  { key: 'doGoodDeed', basis: '“为民办实事”履职记录', target: 1, measure: { from: 'kinds', kinds: ['public_service'] } },
  {
    key: 'attendActivities',
    basis: '视察、调研、执法检查、列席常委会会议、参加监督活动（审议、协调会、专题询问、评议会）、培训、小组活动',
    target: 3,
    measure: {
      from: 'kinds',
      kinds: ['inspection', 'research', 'law_enforcement_check', 'observing_meeting', 'supervision_activity', 'training', 'group_activity'],
    },
  },
];

function countOf(measure: Measure, key: SevenOnesKey, facts: DutyFacts, external: ExternalCounts): number | null {
  switch (measure.from) {
    case 'voters':
      return facts.votersReceived;
    case 'grid':
      return facts.gridActivities;
    case 'kinds':
      return measure.kinds.reduce((sum, k) => sum + (facts.countsByKind[k] ?? 0), 0);
    case 'external':
      return external[key] ?? null;
  }
}

/** A task no module reports on yet shows no count (null), never a made-up zero, and is not done. */
export function sevenOnesOf(year: number, facts: DutyFacts, external: ExternalCounts): SevenOnes {
  const items = sevenOnesRules.map((rule) => {
    const count = countOf(rule.measure, rule.key, facts, external);
    const basis = count === null ? `${rule.basis}（相关模块尚未接入，暂不计数）` : rule.basis;
    return {
      key: rule.key,
      label: sevenOnesLabel[rule.key],
      basis,
      count,
      target: rule.target,
      done: count !== null && count >= rule.target,
    };
  });
  return { year, items, done: items.filter((i) => i.done).length };
}

export const allDutyKinds = dutyKind.options;
