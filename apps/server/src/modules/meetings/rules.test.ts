import { describe, expect, it } from 'vitest';
import { quorumOf, votesNeeded } from './rules.js';

describe('quorum: more than half of ALL members present (地方组织法, 议事规则)', () => {
  it.each([
    // members, present, reached
    [30, 15, false], // exactly half is not more than half
    [30, 16, true],
    [29, 14, false],
    [29, 15, true], // 14.5 → 15 is the first count above half
    [1, 1, true],
    [0, 0, false],
  ])('%i members, %i present → %s', (members, present, reached) => {
    const q = quorumOf(members, present, 0);
    expect(q.reached).toBe(reached);
    expect(q.required).toBe(Math.floor(members / 2) + 1);
  });
  it('counts members on leave as absent, not as a smaller membership', () => {
    const q = quorumOf(30, 15, 10);
    expect(q).toMatchObject({ members: 30, required: 16, reached: false });
    expect(q.text).toBe('应到 30 人，实到 15 人，请假 10 人；过半数为 16 人，不足法定人数');
  });
});

describe('votes needed to pass, on the full membership', () => {
  it.each([
    [30, 'more_than_half', 16],
    [29, 'more_than_half', 15],
    [30, 'two_thirds', 20],
    [29, 'two_thirds', 20], // 19.33 → 20
    [27, 'two_thirds', 18], // exactly two thirds is enough (三分之二以上 includes 本数)
  ] as const)('%i members, %s → %i', (members, threshold, n) => {
    expect(votesNeeded(members, threshold)).toBe(n);
  });
});
