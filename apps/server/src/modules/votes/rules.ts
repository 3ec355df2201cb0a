import { createHash, randomBytes } from 'node:crypto';
import {
  ballotCodeAlphabet,
  choiceLabel,
  choicesOfKind,
  type BallotChoices,
  type BallotKind,
  type VoteChoice,
  type VoteItem,
  type VoteResult,
  type VoteResultItem,
  type VoteRule,
} from '@renda/shared';

/**
 * The rules that decide a vote, as pure functions: which ballots are valid, the tally, the threshold
 * (counted on all members of the electorate unless the rule says otherwise), ranking up to N places,
 * the budget, and the tie at the last place that goes to a run-off.
 */

/** The default rule: more than half of all members (过半数). */
export const defaultRuleSource =
  '《中华人民共和国地方各级人民代表大会和地方各级人民政府组织法》：地方各级人民代表大会表决议案，由全体代表的过半数通过；常务委员会表决议案，由常务委员会全体组成人员的过半数通过';

/** What one ballot of this kind must look like. Returns a Chinese message, or null when valid. */
export function ballotProblem(
  kind: BallotKind,
  items: readonly VoteItem[],
  maxChoices: number | null,
  choices: BallotChoices,
): string | null {
  const keys = new Set(items.map((i) => i.key));
  const entries = Object.entries(choices);
  if (entries.some(([key]) => !keys.has(key))) return '所选项目不是本次投票的表决项';
  const allowed = choicesOfKind[kind] as readonly VoteChoice[];
  if (entries.some(([, c]) => !allowed.includes(c))) return `本次投票只能选择：${allowed.map((c) => choiceLabel[c]).join('、')}`;
  if (kind === 'approve') {
    if (entries.length === 0) return '请至少选择 1 项';
    if (maxChoices !== null && entries.length > maxChoices) return `每张选票最多选择 ${maxChoices} 项`;
    return null;
  }
  if (entries.length !== items.length) return '请对每一项作出选择';
  return null;
}

/** The counts per item and choice, from a list of ballots (the stored box or the published list). */
export function countBallots(kind: BallotKind, items: readonly VoteItem[], ballots: readonly BallotChoices[]) {
  const counts = new Map(items.map((i) => [i.key, Object.fromEntries(choicesOfKind[kind].map((c) => [c, 0])) as Record<string, number>]));
  for (const ballot of ballots)
    for (const [key, choice] of Object.entries(ballot)) {
      const row = counts.get(key);
      if (row && choice in row) row[choice]! += 1;
    }
  return counts;
}

/** The votes that count toward the threshold: 选中, 赞成, or 满意 + 基本满意. */
export function passingVotes(kind: BallotKind, rule: Pick<VoteRule, 'passOn'>, counts: Record<string, number>): number {
  if (kind === 'approve') return counts.chosen ?? 0;
  const passOn = rule.passOn ?? (kind === 'satisfaction' ? 'satisfied_or_basic' : 'for');
  if (passOn === 'satisfied_or_basic') return (counts.satisfied ?? 0) + (counts.basically_satisfied ?? 0);
  return counts.for ?? 0;
}

/** The fewest votes that pass: 过半数 is more than half (26 of 50, 26 of 51), 三分之二以上 includes two thirds itself. */
export function votesNeeded(rule: Pick<VoteRule, 'threshold' | 'thresholdCount'>, base: number): number {
  switch (rule.threshold) {
    case 'more_than_half':
      return Math.floor(base / 2) + 1;
    case 'two_thirds':
      return Math.ceil((2 * base) / 3);
    case 'at_least':
      return rule.thresholdCount ?? 1;
  }
}

const thresholdText = (rule: VoteRule, base: number, needed: number) => {
  const basis = rule.basis === 'cast' ? `实投票数（${base} 票）` : `全体应投票人（${base} 人）`;
  switch (rule.threshold) {
    case 'more_than_half':
      return `获得${basis}过半数（至少 ${needed} 票）`;
    case 'two_thirds':
      return `获得${basis}三分之二以上（至少 ${needed} 票）`;
    case 'at_least':
      return `获得至少 ${needed} 票`;
  }
};

const passWord = (kind: BallotKind, rule: VoteRule) =>
  kind === 'approve'
    ? '选票'
    : (rule.passOn ?? (kind === 'satisfaction' ? 'satisfied_or_basic' : 'for')) === 'for'
      ? '赞成票'
      : '满意和基本满意票';

/** The rule as one Chinese sentence, with its source. */
export function ruleText(kind: BallotKind, rule: VoteRule, electorateSize: number, ballotsCast?: number): string {
  const base = rule.basis === 'cast' ? (ballotsCast ?? 0) : electorateSize;
  const needed = votesNeeded(rule, base);
  const parts = [
    rule.basis === 'cast' && ballotsCast === undefined
      ? `${passWord(kind, rule)}达到实投票数的${rule.threshold === 'two_thirds' ? '三分之二以上' : rule.threshold === 'at_least' ? `${rule.thresholdCount ?? 1} 票以上` : '过半数'}的通过`
      : `${passWord(kind, rule)}${thresholdText(rule, base, needed)}的通过`,
  ];
  if (rule.places) parts.push(`通过的项目按得票多少取前 ${rule.places} 项`);
  if (rule.budget) parts.push(`入选项目预算合计不超过 ${rule.budget} 万元`);
  if (rule.places || rule.budget) parts.push('末位得票相同的，就得票相同的项目重新投票');
  return `${parts.join('；')}。依据：${rule.source}`;
}

/**
 * Decides the vote: each item's votes toward the threshold, whether it passes, its rank (1, 1, 3…),
 * whether it is chosen (among those that pass, in rank order, up to `places` and within `budget`),
 * and the tie when equal votes straddle the last place or the budget's end.
 */
export function decide(
  kind: BallotKind,
  items: readonly VoteItem[],
  rule: VoteRule,
  ballots: readonly BallotChoices[],
  electorateSize: number,
): VoteResult {
  const counts = countBallots(kind, items, ballots);
  const base = rule.basis === 'cast' ? ballots.length : electorateSize;
  const needed = votesNeeded(rule, base);
  const rows: VoteResultItem[] = items.map((item) => {
    const c = counts.get(item.key)!;
    const votes = passingVotes(kind, rule, c);
    return { key: item.key, label: item.label, counts: c, votes, passed: votes >= needed && votes > 0, chosen: false };
  });
  const order = [...rows].sort((a, b) => b.votes - a.votes);
  for (const row of rows) row.rank = 1 + rows.filter((o) => o.votes > row.votes).length;

  const budgetOf = new Map(items.map((i) => [i.key, i.budget ?? 0]));
  const passing = order.filter((r) => r.passed);
  let tie: VoteResult['tie'] = null;
  let placesLeft = rule.places ?? Infinity;
  let budgetLeft = rule.budget ?? Infinity;
  for (let i = 0; i < passing.length && placesLeft > 0;) {
    const group = passing.filter((r) => r.votes === passing[i]!.votes);
    i += group.length;
    const groupBudget = group.reduce((s, r) => s + budgetOf.get(r.key)!, 0);
    if (group.length <= placesLeft && groupBudget <= budgetLeft) {
      for (const r of group) r.chosen = true;
      placesLeft -= group.length;
      budgetLeft -= groupBudget;
      continue;
    }
    // Equal votes and not room for all: a run-off decides among them, for the places (and budget) left.
    const fitting = group.filter((r) => budgetOf.get(r.key)! <= budgetLeft);
    if (fitting.length > 0 && (group.length > placesLeft || groupBudget > budgetLeft)) {
      if (group.length > 1) {
        tie = { keys: group.map((r) => r.key), places: Math.min(placesLeft, group.length - 1) };
        break;
      }
    }
    // A single item over the budget left is passed over; the next ones may still fit.
  }
  const cast = ballots.length;
  const chosen = rows.filter((r) => r.chosen);
  const figures = [
    `应投票 ${electorateSize} 人，收回选票 ${cast} 张`,
    `通过所需票数 ${needed} 票`,
    ...order.map((r) => `${r.label} ${r.votes} 票${r.chosen ? '（入选）' : r.passed ? '（通过）' : ''}`),
  ];
  if (rule.budget) figures.push(`入选项目预算合计 ${chosen.reduce((s, r) => s + budgetOf.get(r.key)!, 0)} 万元`);
  if (tie)
    figures.push(`${tie.keys.map((k) => rows.find((r) => r.key === k)!.label).join('、')}得票相同，就剩余 ${tie.places} 个名额重新投票`);
  return {
    items: rows,
    tie,
    electorateSize,
    ballotsCast: cast,
    needed,
    ruleText: ruleText(kind, rule, electorateSize, cast),
    figuresText: `${figures.join('；')}。`,
  };
}

/** Two results agree when every count, rank, choice, tie and base figure does (the announcement's recomputation). */
export function sameResult(a: VoteResult, b: VoteResult): boolean {
  // Stored results come back from jsonb with their keys reordered, so compare a canonical form.
  const core = (r: VoteResult) =>
    JSON.stringify([
      r.items.map((i) => [i.key, Object.entries(i.counts).sort(), i.votes, i.passed, i.rank ?? null, i.chosen]),
      r.tie ?? null,
      r.electorateSize,
      r.ballotsCast,
      r.needed,
    ]);
  return core(a) === core(b);
}

/**
 * The ballot code is derived from the voter's secret idempotency key (sent once, never stored), so a
 * retry with the same key finds the same ballot without any stored link between voter and ballot.
 */
export function ballotCodeFor(voteId: string, key: string): string {
  const digest = createHash('sha256').update(`renda-ballot|${voteId}|${key}`).digest();
  let code = '';
  for (let i = 0; i < 12; i++) code += ballotCodeAlphabet[digest[i]! % 32];
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
}

/** A fresh random key, for a ballot cast without one (and for paper ballots). */
export const randomBallotKey = () => randomBytes(24).toString('base64url');
