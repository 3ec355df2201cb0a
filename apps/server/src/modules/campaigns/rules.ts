import { defineDeadlineRule } from '../../platform/deadline-rules.js';

/**
 * Seed 000 follows the ledger month by month (月调度) but names no time limit for rectification;
 * one calendar month, so that a clue transferred in one dispatch period is due by the next, is this
 * platform's default and each body may set its own.
 */
export const rectifyDeadline = defineDeadlineRule({
  key: 'campaign.clue.rectify',
  label: '专项监督问题线索转办后整改期限',
  default: { amount: 1, unit: 'calendar_months' },
  source: '平台默认值（种子000“台账化、月调度”：本月转办，下次调度前整改）',
});
