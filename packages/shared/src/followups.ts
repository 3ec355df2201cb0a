import { z } from 'zod';
import { isoDate, requiredText } from './fields.js';
import { defineActions } from './workflow.js';

/**
 * Follow-up tasks (落实任务), one component for every module that hands work to a responsible unit with a
 * deadline: the problems found at a livelihood project's inspection (整改任务), the implementation of a
 * decision on a major matter (落实任务), a supervision stage's tasks and a joint meeting's decisions (议定事项).
 * A task belongs to one item of one module (its subject); that module decides who sees and sets its tasks.
 */
export const followUpSubjectType = z.enum(['livelihood_project', 'major_matter', 'supervision_item', 'joint_meeting']);
export type FollowUpSubjectType = z.infer<typeof followUpSubjectType>;
export const followUpSubjectLabel = {
  livelihood_project: '民生实事项目',
  major_matter: '重大事项',
  supervision_item: '监督事项',
  joint_meeting: '联席会议',
} satisfies Record<FollowUpSubjectType, string>;

export const followUpState = z.enum(['open', 'done']);
export type FollowUpState = z.infer<typeof followUpState>;
export const followUpStateLabel = { open: '待落实', done: '已落实' } satisfies Record<FollowUpState, string>;

export const followUpAction = z.enum(['complete', 'reopen']);
export type FollowUpAction = z.infer<typeof followUpAction>;
export const followUpActionLabel = { complete: '报告落实情况', reopen: '退回重新落实' } satisfies Record<FollowUpAction, string>;

export const followUpSubject = z.object({ subjectType: followUpSubjectType, subjectId: z.uuid('编号格式不正确') });
export type FollowUpSubject = z.infer<typeof followUpSubject>;

/**
 * A new task: a responsible unit (a handling unit with accounts, who is told and reports back) or, for work
 * inside the congress, a named office or person; the deadline is a date, a number of working days, or, with
 * neither, the subject's deadline rule in force (the platform's deadline engine).
 */
export const followUpTaskFields = z.object({
  title: requiredText('任务内容', 2, 500),
  unitId: z.uuid('请选择责任单位').nullable().default(null),
  responsible: z.string().trim().max(60, '责任单位（人）最多 60 个字').nullable().default(null),
  dueOn: isoDate.nullable().default(null),
  workingDays: z.coerce.number().int('期限应为整数').min(1, '期限至少 1 个工作日').max(250, '期限过长').nullable().default(null),
});
export type FollowUpTaskFields = z.infer<typeof followUpTaskFields>;
const oneResponsible = (t: FollowUpTaskFields) => !!t.unitId || !!t.responsible;
const oneDeadline = (t: FollowUpTaskFields) => !(t.dueOn && t.workingDays);
export const followUpTaskInput = followUpTaskFields
  .extend(followUpSubject.shape)
  .refine(oneResponsible, { message: '请选择责任单位或填写责任人', path: ['unitId'] })
  .refine(oneDeadline, { message: '完成期限和工作日数只填一项', path: ['workingDays'] });
export type FollowUpTaskInput = z.infer<typeof followUpTaskInput>;

export const followUpCompleteInput = z.object({ evidence: requiredText('落实情况', 2, 4000) });
export type FollowUpCompleteInput = z.infer<typeof followUpCompleteInput>;
export const followUpReopenInput = z.object({
  reason: requiredText('退回理由', 2, 500),
  /** A new deadline; empty keeps the old one. */
  dueOn: isoDate.nullable().default(null),
});
export type FollowUpReopenInput = z.infer<typeof followUpReopenInput>;
export type FollowUpActionInput = Partial<FollowUpCompleteInput & FollowUpReopenInput>;

export const followUpActions = defineActions('follow-up-tasks', {
  complete: { input: followUpCompleteInput, summary: '责任单位报告落实情况（工作人员可代为登记）' },
  reopen: { input: followUpReopenInput, summary: '工作人员退回已落实的任务，重新落实' },
});

export const followUpTask = z.object({
  id: z.uuid(),
  subjectType: followUpSubjectType,
  subjectId: z.uuid(),
  /** What raised the task within its subject (an inspection's id, a supervision stage); the owning page names it. */
  origin: z.string().nullable(),
  title: z.string(),
  unitId: z.uuid().nullable(),
  responsible: z.string(),
  dueOn: z.string(),
  /** The due date falls in a year whose official calendar is not entered yet. */
  dueProvisional: z.boolean(),
  overdue: z.boolean(),
  /** When the responsible unit and the staff were told it is overdue (once). */
  overdueNotifiedAt: z.iso.datetime().nullable(),
  state: followUpState,
  stateLabel: z.string(),
  evidence: z.string().nullable(),
  doneAt: z.iso.datetime().nullable(),
  doneByName: z.string().nullable(),
  /** Why staff sent the task back, while it is open again. */
  returnReason: z.string().nullable(),
  createdAt: z.iso.datetime(),
  allowedActions: z.array(followUpAction),
});
export type FollowUpTask = z.infer<typeof followUpTask>;

export const followUpTaskList = z.object({
  items: z.array(followUpTask),
  /** Whether the signed-in user may add tasks to this subject. */
  canCreate: z.boolean(),
});
export type FollowUpTaskList = z.infer<typeof followUpTaskList>;
