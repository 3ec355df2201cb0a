import type { Executor } from '../../db/client.js';
import { defineDeadlineRule, ruleInForce } from '../../platform/deadline-rules.js';
import { dueAt } from '../../platform/deadlines.js';

/**
 * The deadlines of suggestion handling, each a per-body rule with its legal default and source
 * (listed again in docs/domain-rules.md). Administrators change them per body; a body without its
 * own setting inherits its parent's, then the default here.
 */
export const suggestionRules = {
  reply: defineDeadlineRule({
    key: 'suggestions.reply',
    label: '代表建议答复期限（自交办之日起）',
    default: { amount: 3, unit: 'calendar_months' },
    source:
      '《中华人民共和国全国人民代表大会和地方各级人民代表大会代表法》第四十三条（2010年修正文本）：有关机关、组织应当自交办之日起三个月内答复；《浙江省人民代表大会代表建议、批评和意见办理规定》（2005年修订文本）第二十一条同：接到交办后三个月内书面答复代表',
  }),
  replyComplex: defineDeadlineRule({
    key: 'suggestions.reply_complex',
    label: '涉及面广、处理难度大的建议答复期限（最长）',
    default: { amount: 6, unit: 'calendar_months' },
    source:
      '《代表法》第四十三条：涉及面广、处理难度大的建议、批评和意见，应当自交办之日起六个月内答复；浙江省办理规定第二十一条：量大或者复杂的，经交办机构同意，可以延长至六个月内答复',
  }),
  rehandle: defineDeadlineRule({
    key: 'suggestions.rehandle',
    label: '代表不满意后重新办理答复期限',
    default: { amount: 1, unit: 'calendar_months' },
    source:
      '地方性法规通行规定：代表对答复不满意的，承办的机关、组织必须在交办之日起一个月内再次答复代表（重庆市规定为二个月，可按本机关办法调整）',
  }),
  signFor: defineDeadlineRule({
    key: 'suggestions.sign_for',
    label: '承办单位签收或申请调整期限（自交办之日起）',
    default: { amount: 7, unit: 'working_days' },
    source:
      '无上位法统一期限；按各地交办通知惯例：不属于本单位职责的，须在接到承办通知后7个工作日内退回并注明理由（玉林市人民政府办公室玉政办电〔2019〕11号），逾期未提出的不作调整',
  }),
  jointOpinion: defineDeadlineRule({
    key: 'suggestions.joint_opinion',
    label: '会办（协办）单位向主办单位提出书面意见期限',
    default: { amount: 1, unit: 'calendar_months' },
    source:
      '宁波市人民代表大会代表建议、批评和意见办理办法第十九条；福建省办法第二十条：协办单位应当在交办之日起一个月内提出书面意见交主办单位',
  }),
  review: defineDeadlineRule({
    key: 'suggestions.review',
    label: '闭会期间建议的审查交办期限（自收到之日起）',
    default: { amount: 5, unit: 'working_days' },
    source: '市级代表建议办理办法通行规定：代表在闭会期间提出的建议、批评和意见，由交办单位自收到之日起五个工作日内交办',
  }),
  rating: defineDeadlineRule({
    key: 'suggestions.rating',
    label: '代表反馈办理满意度期限（自答复发出之日起）',
    default: { amount: 20, unit: 'working_days' },
    source: '重庆市实施代表法办法第十六条：代表收到答复函后，应填写答复函回执，并在二十个工作日内寄送承办单位和人大常委会代表工作机构',
  }),
  reminder: defineDeadlineRule({
    key: 'suggestions.reminder',
    label: '答复到期前提醒（到期前工作日数）',
    default: { amount: 10, unit: 'working_days' },
    source: '本平台惯例：到期前十个工作日提醒承办单位，逾期后每日向交办机关报告（督办）；非法定期限',
  }),
} as const;

/** The maximum months an item may be extended in total: the gap between the normal and the complex deadline. */
export async function maxExtensionMonths(db: Executor, bodyPath: string): Promise<number> {
  const normal = await ruleInForce(db, bodyPath, suggestionRules.reply.key);
  const complex = await ruleInForce(db, bodyPath, suggestionRules.replyComplex.key);
  if (normal.unit !== 'calendar_months' || complex.unit !== 'calendar_months') return 3;
  return Math.max(0, complex.amount - normal.amount);
}

/** The key of the rule an assignment's `dueAt` is counted by (a joint unit's is its opinion to the lead unit). */
export function replyRuleOf(opts: { complex: boolean; round: number; role: string }): string {
  // A 分别办理 part is answered to the deputy like a lead unit's reply (three months, six for complex items).
  const rule =
    opts.round > 1
      ? suggestionRules.rehandle
      : opts.role === 'joint'
        ? suggestionRules.jointOpinion
        : opts.complex
          ? suggestionRules.replyComplex
          : suggestionRules.reply;
  return rule.key;
}

/** The deadlines an assignment gets when it is made at `at`. */
export async function assignmentDeadlines(
  db: Executor,
  bodyPath: string,
  at: Date,
  opts: { complex: boolean; round: number; role: 'lead' | 'joint' | 'separate' },
) {
  const [reply, signFor] = await Promise.all([
    ruleInForce(db, bodyPath, replyRuleOf(opts)),
    ruleInForce(db, bodyPath, suggestionRules.signFor.key),
  ]);
  return { dueAt: dueAt(at, reply), signForDueAt: dueAt(at, signFor) };
}

/**
 * The reply deadline of a first-round lead assignment after `extraMonths` of approved extensions,
 * counted from the assignment date itself: assigned on 30 November, three months and a three-month
 * extension fall due on 30 May (not on 28 February + 3 months = 28 May). `due` may pass `ceiling`:
 * a request that would is refused, an approval never writes more than the ceiling.
 */
export async function extendedReplyDue(
  db: Executor,
  bodyPath: string,
  item: { assignedAt: Date; complex: boolean },
  leadAssignedAt: Date,
  extraMonths: number,
): Promise<{ due: Date; ceiling: Date }> {
  const base = await ruleInForce(db, bodyPath, item.complex ? suggestionRules.replyComplex.key : suggestionRules.reply.key);
  const ceiling = await replyCeiling(db, bodyPath, item.assignedAt);
  const due =
    base.unit === 'calendar_months'
      ? dueAt(leadAssignedAt, { amount: base.amount + extraMonths, unit: 'calendar_months' })
      : dueAt(dueAt(leadAssignedAt, base), { amount: extraMonths, unit: 'calendar_months' });
  return { due, ceiling };
}

/**
 * 代表法第四十三条: a reply is due within six months of assignment at the latest, for complex items
 * too and whatever extensions are approved: the complex rule counted from the item's first assignment.
 */
export async function replyCeiling(db: Executor, bodyPath: string, assignedAt: Date): Promise<Date> {
  return dueAt(assignedAt, await ruleInForce(db, bodyPath, suggestionRules.replyComplex.key));
}

/** A re-handling deadline moved by an approved extension (the ceiling is about the first reply). */
export function extendedDue(due: Date, months: number): Date {
  return dueAt(due, { amount: months, unit: 'calendar_months' });
}
