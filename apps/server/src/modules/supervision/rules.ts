import { stageDeadlines, type StageDeadline } from '@renda/shared';
import { defineDeadlineRule, ruleInForce } from '../../platform/deadline-rules.js';
import type { Executor } from '../../db/client.js';
import { dueBefore, dueDate } from '../../platform/deadlines.js';

/**
 * 监督法 (2024 修正) 第十四条: the government studies the standing committee's deliberation opinions and
 * reports in writing how it handled them; it names no time limit, and local rules (审议意见办理办法, seed
 * 004) commonly give two or three months. Two calendar months is this platform's default; each body may
 * set its own.
 */
export const pointDeadline = defineDeadlineRule({
  key: 'supervision.point.answer',
  label: '监督督办清单问题整改报送期限',
  default: { amount: 2, unit: 'calendar_months' },
  source: '平台默认值（监督法第十四条未规定期限；各地审议意见办理办法多为两至三个月，种子004“清单式督办”）',
});

/** A stage's task is due, unless staff name a date, fifteen working days after it is set. */
export const taskDeadline = defineDeadlineRule({
  key: 'supervision.stage.task',
  label: '监督事项阶段任务默认期限',
  default: { amount: 15, unit: 'working_days' },
  source: '平台默认值',
});

/** A point's number: the item's sequence and, after a re-review, its round (第2轮). */
export const pointNumber = (seq: number, round: number) => `${round > 1 ? `再审${round - 1}-` : ''}${String(seq).padStart(3, '0')}`;

/**
 * The rule a satisfaction vote states (满意度测评). The seeds name the step (seed 000: 满意度测评; seed 001:
 * 再审程序 “再调研、再审议和再测评”) but no proportion; staff choose the basis and the proportion when they
 * open the vote (default: more than half of all who may vote), and a result that misses it is 不满意.
 */
export const satisfactionRuleSource =
  '常委会满意度测评办法：满意和基本满意票之和未达到上述比例的，测评结果为不满意，启动再审程序（种子001“再审程序”；比例为平台默认值，发起测评时可调整）';

// Each stage rule of the table is a rule of the deadline engine, so a body may set its own (系统管理 → 期限规则).
for (const rule of new Set(Object.values(stageDeadlines).flatMap((byStage) => Object.values(byStage) as StageDeadline[])))
  defineDeadlineRule({ key: rule.key, label: rule.label, default: { amount: rule.amount, unit: rule.unit }, source: rule.source });

/**
 * A stage's due date under the body's rule in force: counted from the day the item enters it, or back
 * from the meeting date; null for a stage without a rule, or a meeting rule while the item has no date.
 */
export async function stageDueDate(
  db: Executor,
  bodyPath: string,
  rule: StageDeadline | null,
  entered: Date,
  meetingOn: string | null,
): Promise<string | null> {
  if (!rule || (rule.from === 'meeting' && !meetingOn)) return null;
  const inForce = await ruleInForce(db, bodyPath, rule.key);
  return rule.from === 'meeting' ? dueBefore(meetingOn!, inForce) : dueDate(entered, inForce);
}

/** Whether a stage's due date has passed on a China date (due by the end of its day). */
export const stageOverdue = (dueOn: string | null, stage: string, today: string) => !!dueOn && stage !== 'closed' && dueOn < today;
