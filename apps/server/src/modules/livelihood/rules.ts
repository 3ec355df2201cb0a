import { voteThresholdLabel, type VoteThreshold } from '@renda/shared';
import { defineDeadlineRule } from '../../platform/deadline-rules.js';

/**
 * Seed 003 (雁江) asks for a quarterly inspection (一季一督查) of each project whose problems are followed to
 * rectification but names no number of days; 15 working days is this platform's default, settable per body.
 */
export const followUpDeadline = defineDeadlineRule({
  key: 'livelihood.followUp',
  label: '民生实事项目督查发现问题的整改期限',
  default: { amount: 15, unit: 'working_days' },
  source: '平台默认值（种子003“一季一督查”未规定天数），各级人大可按本级票决办法调整',
});

/**
 * The deciding rules when a body has set none. DOMAIN.md (module 5) gives the common rule: a project is chosen
 * only with the votes of more than half of ALL deputies, then by rank up to the places; the seeds name no
 * numbers, so each body should enter the article of its own 票决办法 on the settings page.
 */
export const defaultSettings = {
  voteThreshold: 'more_than_half' as VoteThreshold,
  voteSource: '平台默认规则：获全体代表过半数选票方可当选，按得票多少确定（请按本级人大票决办法设置）',
  evaluationThreshold: 'more_than_half' as VoteThreshold,
  evaluationSource: '平台默认规则：满意和基本满意票超过投票数的半数为测评通过（请按本级人大测评办法设置）',
};

/** The rule of the deputies' vote as one sentence, as the vote and the public page show it. */
export function voteRuleText(threshold: VoteThreshold, places: number, source: string): string {
  return `须获全体代表${voteThresholdLabel[threshold]}选票方可当选，在当选项目中按得票多少确定 ${places} 项；末位得票相等的，就得票相等的项目另行投票。依据：${source}`;
}

export function evaluationRuleText(threshold: VoteThreshold, source: string): string {
  return `满意和基本满意票达到投票代表${voteThresholdLabel[threshold]}为测评通过，未通过的项目退回责任单位整改。依据：${source}`;
}

/** 差额: more candidates than places, or the vote decides nothing. */
export const enoughCandidates = (candidates: number, places: number) => candidates > places;

/** The quarter of a China calendar date (一季一督查). */
export const quarterOf = (date: string) => Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1;

/** 满意+基本满意 among ballots cast, in percent with one decimal. */
export function satisfactionRate(satisfied: number, basic: number, cast: number): number | null {
  if (cast <= 0) return null;
  return Math.round(((satisfied + basic) / cast) * 1000) / 10;
}
