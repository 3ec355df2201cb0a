import type { BallotChoices, VoteItem, VoteRule } from '@renda/shared';
import { describe, expect, it } from 'vitest';
import { ballotCodeFor, ballotProblem, decide, ruleText, sameResult, votesNeeded } from './rules.js';

const source = '测试依据';
const items = (n: number, budget?: number[]): VoteItem[] =>
  Array.from({ length: n }, (_, i) => ({ key: `p${i + 1}`, label: `项目${i + 1}`, ...(budget ? { budget: budget[i]! } : {}) }));
/** `n` ballots choosing these keys. */
const approve = (n: number, ...keys: string[]): BallotChoices[] =>
  Array.from({ length: n }, () => Object.fromEntries(keys.map((k) => [k, 'chosen'])) as BallotChoices);
const rule = (r: Partial<VoteRule> = {}): VoteRule => ({ basis: 'all_members', threshold: 'more_than_half', source, ...r });

describe('thresholds', () => {
  it.each([
    ['more_than_half', 50, 26],
    ['more_than_half', 51, 26],
    ['more_than_half', 1, 1],
    ['two_thirds', 30, 20],
    ['two_thirds', 31, 21],
    ['two_thirds', 3000, 2000],
  ] as const)('%s of %i needs %i', (threshold, base, needed) => {
    expect(votesNeeded({ threshold }, base)).toBe(needed);
  });

  it('counts on all 50 members, absentees against: 25 votes fail, 26 pass', () => {
    // 30 of 50 deputies present; item 1 gets 26 of their votes, item 2 gets 25.
    const ballots = [...approve(25, 'p1', 'p2'), ...approve(1, 'p1'), ...approve(4)];
    const result = decide(
      'approve',
      items(2),
      rule(),
      ballots.filter((b) => Object.keys(b).length),
      50,
    );
    expect(result.needed).toBe(26);
    expect(result.items.map((i) => [i.key, i.votes, i.passed])).toEqual([
      ['p1', 26, true],
      ['p2', 25, false],
    ]);
  });

  it('on the ballots cast instead, when the rule says so: 16 of 30 cast pass', () => {
    const ballots = [...approve(16, 'p1'), ...approve(14, 'p2')];
    const result = decide('approve', items(2), rule({ basis: 'cast' }), ballots, 50);
    expect(result.needed).toBe(16);
    expect(result.items.map((i) => i.passed)).toEqual([true, false]);
  });

  it('表决: 赞成 counts, 反对 and 弃权 do not', () => {
    const ballots: BallotChoices[] = [
      ...Array.from({ length: 20 }, () => ({ p1: 'for' }) as BallotChoices),
      ...Array.from({ length: 10 }, () => ({ p1: 'abstain' }) as BallotChoices),
    ];
    const res = decide('for_against_abstain', items(1), rule({ threshold: 'two_thirds' }), ballots, 30);
    expect(res.items[0]).toMatchObject({ votes: 20, passed: true, counts: { for: 20, against: 0, abstain: 10 } });
    expect(decide('for_against_abstain', items(1), rule({ threshold: 'two_thirds' }), ballots, 31).items[0]!.passed).toBe(false);
  });

  it('测评: 满意 and 基本满意 count toward the satisfaction threshold', () => {
    const ballots: BallotChoices[] = [{ p1: 'satisfied' }, { p1: 'basically_satisfied' }, { p1: 'dissatisfied' }];
    const res = decide('satisfaction', items(1), rule({ basis: 'cast' }), ballots, 10);
    expect(res.items[0]).toMatchObject({ votes: 2, passed: true });
  });
});

describe('ranking, places, budget and ties', () => {
  it('takes up to N places among those that pass, by votes', () => {
    const ballots = [...approve(10, 'p1', 'p2', 'p3'), ...approve(5, 'p1', 'p2'), ...approve(4, 'p1')];
    // 19 members: needed 10. p1 19, p2 15, p3 10, p4 0.
    const res = decide('approve', items(4), rule({ places: 2 }), ballots, 19);
    expect(res.items.map((i) => [i.key, i.rank, i.passed, i.chosen])).toEqual([
      ['p1', 1, true, true],
      ['p2', 2, true, true],
      ['p3', 3, true, false],
      ['p4', 4, false, false],
    ]);
    expect(res.tie).toBeNull();
  });

  it('a tie at the last place is not decided by order: the tied items go to a run-off', () => {
    const ballots = [...approve(12, 'p1', 'p2', 'p3'), ...approve(8, 'p1')];
    const res = decide('approve', items(3), rule({ places: 2 }), ballots, 20);
    expect(res.items.map((i) => i.chosen)).toEqual([true, false, false]);
    expect(res.tie).toEqual({ keys: ['p2', 'p3'], places: 1 });
    expect(res.figuresText).toContain('重新投票');
  });

  it('a tie within the places chooses all tied', () => {
    const res = decide('approve', items(3), rule({ places: 2 }), approve(12, 'p1', 'p2'), 20);
    expect(res.items.map((i) => i.chosen)).toEqual([true, true, false]);
    expect(res.tie).toBeNull();
  });

  it('chooses within the total budget, passing over an item that does not fit', () => {
    const ballots = [...approve(15, 'p1', 'p2', 'p3'), ...approve(3, 'p1', 'p2'), ...approve(1, 'p1')];
    // p1 19 (600), p2 18 (500), p3 15 (300); budget 1000: p1 fits, p2 does not, p3 does.
    const res = decide('approve', items(3, [600, 500, 300]), rule({ budget: 1000 }), ballots, 20);
    expect(res.items.map((i) => i.chosen)).toEqual([true, false, true]);
    expect(res.figuresText).toContain('预算合计 900 万元');
  });

  it('names the rule and its source', () => {
    expect(ruleText('approve', rule({ places: 10 }), 50)).toBe(
      '选票获得全体应投票人（50 人）过半数（至少 26 票）的通过；通过的项目按得票多少取前 10 项；末位得票相同的，就得票相同的项目重新投票。依据：测试依据',
    );
  });

  it('the recomputation agrees with itself and catches a changed count', () => {
    const a = decide('approve', items(2), rule(), approve(30, 'p1'), 50);
    const b = decide('approve', items(2), rule(), approve(30, 'p1'), 50);
    expect(sameResult(a, b)).toBe(true);
    expect(sameResult(a, decide('approve', items(2), rule(), approve(29, 'p1'), 50))).toBe(false);
  });
});

describe('ballots', () => {
  it.each([
    [{}, '请至少选择 1 项'],
    [{ p1: 'chosen', p2: 'chosen', p3: 'chosen' }, '每张选票最多选择 2 项'],
    [{ x: 'chosen' }, '所选项目不是本次投票的表决项'],
    [{ p1: 'for' }, '本次投票只能选择：选中'],
    [{ p1: 'chosen', p2: 'chosen' }, null],
  ] as const)('approve %j → %s', (choices, problem) => {
    expect(ballotProblem('approve', items(3), 2, choices as BallotChoices)).toBe(problem);
  });

  it('表决 needs a choice for every item', () => {
    expect(ballotProblem('for_against_abstain', items(2), null, { p1: 'for' })).toBe('请对每一项作出选择');
    expect(ballotProblem('for_against_abstain', items(2), null, { p1: 'for', p2: 'abstain' })).toBeNull();
  });

  it('the ballot code follows from the voter key alone, differs per vote and key', () => {
    const a = ballotCodeFor('v1', 'k'.repeat(20));
    expect(a).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(ballotCodeFor('v1', 'k'.repeat(20))).toBe(a);
    expect(ballotCodeFor('v2', 'k'.repeat(20))).not.toBe(a);
    expect(ballotCodeFor('v1', 'j'.repeat(20))).not.toBe(a);
  });
});
