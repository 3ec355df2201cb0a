import { defineDeadlineRule } from '../../platform/deadline-rules.js';

/**
 * A task given no date is due by its subject's own rule (livelihood inspections, supervision stages) or, for
 * items that name none (a major matter's implementation, a joint meeting's decision), by this one.
 */
export const followUpDefaultDeadline = defineDeadlineRule({
  key: 'followUp.task',
  label: '落实任务默认期限（重大事项决定、联席会议议定事项）',
  default: { amount: 20, unit: 'working_days' },
  source: '平台默认值（种子004“公布与实施”未规定天数），各级人大可按本级办法调整',
});
