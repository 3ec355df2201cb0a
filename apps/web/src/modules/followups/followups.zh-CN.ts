import { followUpActionLabel, followUpStateLabel } from '@renda/shared';

/** 落实任务 texts (state and action labels from @renda/shared). */
export const followUpsZh = {
  state: followUpStateLabel,
  action: followUpActionLabel,
  title: '落实任务',
  add: '布置任务',
  none: '暂无落实任务',
  task: '任务内容',
  unit: '责任单位',
  responsible: '责任单位（人）',
  responsibleHint: '不选承办单位时填写，如“城建环资工委 王主任”',
  dueOn: '完成期限',
  workingDays: '期限（工作日）',
  deadlineHint: '完成期限和工作日数只填一项；都不填则按本级期限规则计算',
  due: '{{date}} 前',
  overdue: '已逾期',
  reminded: '已提醒',
  origin: '来源',
  evidence: '落实情况',
  doneBy: '{{name}} {{at}} 报告',
  returned: '退回理由：{{reason}}',
  reason: '退回理由',
  newDueOn: '新的完成期限',
  newDueOnHint: '不填则沿用原期限',
};
