import type { PassThreshold, Quorum } from '@renda/shared';

/**
 * 法定人数 (quorum). 地方组织法 and the standing committees' 议事规则: a standing-committee meeting is held
 * only when more than half of ALL its members are present (常委会全体组成人员过半数出席); the same rule
 * for a congress session (全体代表过半数出席). Counted on the full membership, never on those who replied.
 */
export function quorumOf(members: number, present: number, onLeave: number): Quorum {
  const required = Math.floor(members / 2) + 1;
  const reached = members > 0 && present >= required;
  return {
    members,
    present,
    onLeave,
    required,
    reached,
    text: `应到 ${members} 人，实到 ${present} 人，请假 ${onLeave} 人；过半数为 ${required} 人，${reached ? '符合法定人数' : '不足法定人数'}`,
  };
}

/**
 * Votes needed to pass, counted on the full membership (地方组织法: 常委会决议以全体组成人员的过半数通过;
 * a matter the law names needs two thirds). A member absent or abstaining counts against the motion.
 */
export function votesNeeded(members: number, threshold: PassThreshold): number {
  return threshold === 'two_thirds' ? Math.ceil((members * 2) / 3) : Math.floor(members / 2) + 1;
}

export const thresholdSource = '《中华人民共和国地方各级人民代表大会和地方各级人民政府组织法》及本级人大常委会议事规则';
