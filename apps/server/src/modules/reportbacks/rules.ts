import { createHmac, randomInt } from 'node:crypto';
import {
  attendeeCodeAlphabet,
  honourOutcomeLabel,
  type HonourOutcome,
  type ReportBackResults,
  type VoteResult,
  type VoteRule,
  type VoterRating,
} from '@renda/shared';

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

/** The rule of a 评选 (seed 003): the most votes win the places; a tie at the last place is left to a run-off. */
export const honourRule = (places: number): VoteRule => ({
  basis: 'cast',
  threshold: 'at_least',
  thresholdCount: 1,
  places,
  source:
    '“最美人大代表”评选办法（雁江区做法，见 seed 003）：按得票多少确定，得票为零者不当选；名额内得票相同的均当选，末位得票相同的就得票相同者重新投票',
});

export interface Nominee {
  nominationId: string;
  deputyId: string;
  deputyName: string;
}

/**
 * The ranked result of a 评选 from its vote's result: rank as the vote counted it (ties share a rank:
 * 1, 1, 3), honoured when chosen, tied when the vote left the last place to a run-off.
 */
export function honourRanking<T extends Nominee>(nominees: readonly T[], result: VoteResult) {
  const rows = nominees.map((n) => {
    const item = result.items.find((i) => i.key === n.nominationId);
    const outcome: HonourOutcome = item?.chosen ? 'honoured' : result.tie?.keys.includes(n.nominationId) ? 'tied' : 'not_honoured';
    return { ...n, votes: item?.votes ?? 0, rank: item?.rank ?? nominees.length, outcome, outcomeLabel: honourOutcomeLabel[outcome] };
  });
  return rows.sort((a, b) => b.votes - a.votes || a.deputyName.localeCompare(b.deputyName, 'zh-CN'));
}

/** Ballot rules: 1..maxChoices distinct nominees of this campaign. Returns a Chinese message or null. */
export function ballotProblem(choices: readonly string[], nomineeIds: ReadonlySet<string>, maxChoices: number): string | null {
  if (choices.length === 0) return '请至少选择 1 名候选人';
  if (new Set(choices).size !== choices.length) return '同一候选人只能选择一次';
  if (choices.length > maxChoices) return `每张选票最多选择 ${maxChoices} 名候选人`;
  if (choices.some((c) => !nomineeIds.has(c))) return '所选人员不是本次评选的候选人';
  return null;
}
