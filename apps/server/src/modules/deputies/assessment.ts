import type { DutyKind } from '@renda/shared';

export interface Weight {
  kind: DutyKind;
  points: number;
  yearlyCap: number | null;
}

/** Default 量化考评 weights; a body sets its own (else the nearest ancestor's applies). */
export const defaultWeights: readonly Weight[] = [
  { kind: 'voter_reception', points: 5, yearlyCap: 50 },
  { kind: 'inspection', points: 4, yearlyCap: null },
  { kind: 'research', points: 4, yearlyCap: null },
  { kind: 'law_enforcement_check', points: 4, yearlyCap: null },
  { kind: 'observing_meeting', points: 3, yearlyCap: null },
  { kind: 'supervision_activity', points: 3, yearlyCap: null },
  { kind: 'training', points: 2, yearlyCap: 10 },
  { kind: 'public_service', points: 5, yearlyCap: null },
  { kind: 'group_activity', points: 3, yearlyCap: null },
  { kind: 'other', points: 1, yearlyCap: 10 },
];

/** Points per kind times the count, each kind held to its yearly cap. */
export function scoreOf(counts: Partial<Record<DutyKind, number>>, weights: readonly Weight[]): number {
  return weights.reduce((sum, w) => {
    const points = (counts[w.kind] ?? 0) * w.points;
    return sum + (w.yearlyCap === null ? points : Math.min(points, w.yearlyCap));
  }, 0);
}

/** Competition ranking (1, 2, 2, 4): equal scores share a rank; ties listed by name. */
export function rankByScore<T extends { score: number; name: string }>(rows: T[]): (T & { rank: number; of: number })[] {
  const sorted = [...rows].sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, 'zh-CN'));
  let rank = 0;
  return sorted.map((row, i) => {
    if (i === 0 || row.score !== sorted[i - 1]!.score) rank = i + 1;
    return { ...row, rank, of: sorted.length };
  });
}
