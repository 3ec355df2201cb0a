import { describe, expect, it } from 'vitest';
import type { BallotChoices } from '@renda/shared';
import { decideVote } from '../votes/index.js';
import { maskPhone } from '@renda/shared';
import { ballotProblem, honourRanking, honourRule, phoneHash, resultsOf } from './rules.js';

describe('satisfaction rate = (满意 + 基本满意) / all', () => {
  it.each([
    [{}, 0, null],
    [{ satisfied: 3 }, 3, 1],
    [{ satisfied: 2, basically_satisfied: 1, dissatisfied: 1 }, 4, 0.75],
    [{ dissatisfied: 5 }, 5, 0],
    [{ basically_satisfied: 1, dissatisfied: 2 }, 3, 1 / 3],
  ] as const)('%o → total %i, rate %s', (counts, total, rate) => {
    const r = resultsOf(counts);
    expect(r.total).toBe(total);
    expect(r.satisfactionRate).toBe(rate);
  });
});

describe('phone numbers', () => {
  it('masks the middle four digits and hashes per event', () => {
    expect(maskPhone('13857301234')).toBe('138****1234');
    expect(phoneHash('a', '13857301234')).toBe(phoneHash('a', '13857301234'));
    expect(phoneHash('a', '13857301234')).not.toBe(phoneHash('b', '13857301234'));
    expect(phoneHash('a', '13857301234')).not.toContain('13857301234');
  });
});

const n = (deputyName: string, votes: number) => ({ nominationId: deputyName, deputyName, votes });
const outcomes = (rows: ReturnType<typeof honourRanking>) => rows.map((r) => `${r.deputyName}:${r.rank}:${r.outcome}`);

/** The selection's tally through the vote component: `votes` single-choice ballots per nominee, decided by the 评选 rule. */
function rankHonours(rows: readonly { nominationId: string; deputyName: string; votes: number }[], places: number) {
  const ballots: BallotChoices[] = rows.flatMap((r) => Array.from({ length: r.votes }, () => ({ [r.nominationId]: 'chosen' as const })));
  const items = rows.map((r) => ({ key: r.nominationId, label: r.deputyName }));
  const result = decideVote('approve', items, honourRule(places), ballots, 100);
  return honourRanking(
    rows.map((r) => ({ ...r, deputyId: r.nominationId })),
    result,
  );
}

describe('honours tally', () => {
  it.each([
    ['clear winners', [n('甲', 5), n('乙', 3), n('丙', 1)], 2, ['甲:1:honoured', '乙:2:honoured', '丙:3:not_honoured']],
    ['ranked by votes, not by input order', [n('甲', 1), n('乙', 9)], 1, ['乙:1:honoured', '甲:2:not_honoured']],
    [
      'tie inside the places: both honoured',
      [n('甲', 4), n('乙', 4), n('丙', 1)],
      2,
      ['乙:1:honoured', '甲:1:honoured', '丙:3:not_honoured'],
    ],
    ['tie across the last place: undecided', [n('甲', 5), n('乙', 3), n('丙', 3)], 2, ['甲:1:honoured', '丙:2:tied', '乙:2:tied']],
    ['tie for a single place', [n('甲', 2), n('乙', 2)], 1, ['乙:1:tied', '甲:1:tied']],
    ['no votes, no honour', [n('甲', 2), n('乙', 0)], 2, ['甲:1:honoured', '乙:2:not_honoured']],
    ['nobody voted', [n('甲', 0), n('乙', 0)], 1, ['乙:1:not_honoured', '甲:1:not_honoured']],
    ['more places than nominees', [n('甲', 1)], 3, ['甲:1:honoured']],
  ] as const)('%s', (_name, rows, places, expected) => {
    // Order within a tie is only presentation; ranks and outcomes are what is checked.
    const got = outcomes(rankHonours(rows, places));
    expect([...got].sort()).toEqual([...expected].sort());
  });
});

describe('ballot rules', () => {
  const nominees = new Set(['a', 'b', 'c']);
  it.each([
    [['a'], 2, null],
    [['a', 'b'], 2, null],
    [[], 2, '请至少选择 1 名候选人'],
    [['a', 'a'], 2, '同一候选人只能选择一次'],
    [['a', 'b', 'c'], 2, '每张选票最多选择 2 名候选人'],
    [['a', 'x'], 2, '所选人员不是本次评选的候选人'],
  ] as const)('%o with up to %i choices → %s', (choices, max, problem) => {
    expect(ballotProblem(choices, nominees, max)).toBe(problem);
  });
});
