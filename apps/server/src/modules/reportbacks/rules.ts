import { createHmac, randomInt } from 'node:crypto';
import { attendeeCodeAlphabet, honourOutcomeLabel, type HonourOutcome, type ReportBackResults, type VoterRating } from '@renda/shared';

/** Seed 004 (测评): satisfaction rate = (满意 + 基本满意) / all ratings; none while nobody has rated. */
export function resultsOf(counts: Partial<Record<VoterRating, number>>): ReportBackResults {
  const c = {
    satisfied: counts.satisfied ?? 0,
    basically_satisfied: counts.basically_satisfied ?? 0,
    dissatisfied: counts.dissatisfied ?? 0,
  };
  const total = c.satisfied + c.basically_satisfied + c.dissatisfied;
  return { total, counts: c, satisfactionRate: total === 0 ? null : (c.satisfied + c.basically_satisfied) / total };
}

/**
 * The one-rating-per-phone rule needs only equality, so the number is stored as a keyed hash
 * (per event, so the same phone cannot be followed across events) plus a masked form.
 */
export function phoneHash(reportBackId: string, phone: string): string {
  return createHmac('sha256', reportBackId).update(phone).digest('hex');
}
/** A one-time rating code (评议码), unique among `taken`: 31^8 ≈ 8.5e11 codes, so guessing one is hopeless at 10 tries a minute. */
export function newAttendeeCode(taken: ReadonlySet<string>): string {
  for (;;) {
    let code = '';
    for (let i = 0; i < 8; i++) code += attendeeCodeAlphabet[randomInt(attendeeCodeAlphabet.length)];
    if (!taken.has(code)) return code;
  }
}

export const maskPhone = (phone: string) => `${phone.slice(0, 3)}****${phone.slice(7)}`;

export interface Tally {
  nominationId: string;
  deputyName: string;
  votes: number;
}

/**
 * Ranks nominees by votes (ties share a rank: 1, 1, 3). The top `places` are honoured, but only
 * with at least one vote; when a tie straddles the last place, the tied nominees are marked
 * `tied` for the body to decide (e.g. a run-off), never picked by name order.
 */
export function rankHonours<T extends Tally>(rows: readonly T[], places: number) {
  const sorted = [...rows].sort((a, b) => b.votes - a.votes || a.deputyName.localeCompare(b.deputyName, 'zh-CN'));
  return sorted.map((row) => {
    const rank = 1 + sorted.filter((o) => o.votes > row.votes).length;
    const sameVotes = sorted.filter((o) => o.votes === row.votes).length;
    const lastRankOfGroup = rank + sameVotes - 1;
    const outcome: HonourOutcome = row.votes === 0 || rank > places ? 'not_honoured' : lastRankOfGroup <= places ? 'honoured' : 'tied';
    return { ...row, rank, outcome, outcomeLabel: honourOutcomeLabel[outcome] };
  });
}

/** Ballot rules: 1..maxChoices distinct nominees of this campaign. Returns a Chinese message or null. */
export function ballotProblem(choices: readonly string[], nomineeIds: ReadonlySet<string>, maxChoices: number): string | null {
  if (choices.length === 0) return '请至少选择 1 名候选人';
  if (new Set(choices).size !== choices.length) return '同一候选人只能选择一次';
  if (choices.length > maxChoices) return `每张选票最多选择 ${maxChoices} 名候选人`;
  if (choices.some((c) => !nomineeIds.has(c))) return '所选人员不是本次评选的候选人';
  return null;
}
