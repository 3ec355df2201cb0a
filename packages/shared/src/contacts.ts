import { z } from 'zod';
import { pageQuery } from './pagination.js';
import { voterRating } from './reportbacks.js';
import { defineActions } from './workflow.js';

const isoDate = z.iso.date();
const text = (label: string, max: number) =>
  z.string(`请填写${label}`).trim().min(1, `请填写${label}`).max(max, `${label}最多 ${max} 个字`);
const optionalText = (max: number) => z.string().trim().max(max, `最多 ${max} 个字`).nullable().default(null);
const year = z.coerce.number().int().min(2000, '年度不正确').max(2100, '年度不正确');

// ---- 双联系 (seeds 002, 004): 常委会组成人员联系代表, 代表联系群众 ----
export const contactLinkKind = z.enum(['member_deputy', 'deputy_voter'], '请选择联系类型');
export type ContactLinkKind = z.infer<typeof contactLinkKind>;
export const contactLinkKindLabel = {
  member_deputy: '常委会组成人员联系代表',
  deputy_voter: '代表联系群众',
} satisfies Record<ContactLinkKind, string>;

export const contactWay = z.enum(['visit', 'phone', 'online', 'meeting'], '请选择联系方式');
export type ContactWay = z.infer<typeof contactWay>;
export const contactWayLabel = {
  visit: '走访',
  phone: '电话',
  online: '网上联系',
  meeting: '座谈',
} satisfies Record<ContactWay, string>;

export const contactLink = z.object({
  id: z.uuid(),
  bodyId: z.uuid(),
  bodyName: z.string(),
  kind: contactLinkKind,
  year: z.number().int(),
  deputyId: z.uuid(),
  deputyName: z.string(),
  /** 常委会组成人员 (a leader or staff account of the body), for member ↔ deputy links. */
  memberId: z.uuid().nullable(),
  memberName: z.string().nullable(),
  /** 联系的群众, for deputy ↔ voter links; the phone number only masked. */
  voterName: z.string().nullable(),
  voterPhone: z.string().nullable(),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  note: z.string().nullable(),
  recordCount: z.number().int(),
  lastContactOn: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
export type ContactLink = z.infer<typeof contactLink>;

export const contactLinkInput = z
  .object({
    kind: contactLinkKind,
    year,
    deputyId: z.uuid('请选择代表'),
    memberId: z.uuid('请选择常委会组成人员').nullable().default(null),
    voterName: z.string().trim().max(40, '姓名最多 40 个字').nullable().default(null),
    voterPhone: z
      .string()
      .trim()
      .regex(/^1\d{10}$/, '手机号应为 11 位数字')
      .nullable()
      .default(null),
    regionCode: z
      .string()
      .regex(/^\d{12}$/, '请选择村（社区）')
      .nullable()
      .default(null),
    note: optionalText(200),
  })
  .refine((l) => l.kind !== 'member_deputy' || l.memberId, { message: '请选择常委会组成人员', path: ['memberId'] })
  .refine((l) => l.kind !== 'deputy_voter' || (l.voterName && l.voterName.length >= 2), {
    message: '请填写群众姓名（至少 2 个字）',
    path: ['voterName'],
  });
export type ContactLinkInput = z.infer<typeof contactLinkInput>;

export const contactLinkQuery = pageQuery.extend({
  kind: contactLinkKind.optional(),
  year: year.optional(),
  deputyId: z.uuid().optional(),
  memberId: z.uuid().optional(),
  q: z.string().trim().max(40).optional(),
});
export type ContactLinkQuery = z.infer<typeof contactLinkQuery>;

export const contactRecord = z.object({
  id: z.uuid(),
  linkId: z.uuid(),
  occurredOn: z.string(),
  way: contactWay,
  content: z.string(),
  /** 反映的问题或意见. */
  raised: z.string().nullable(),
  /** The duty-log entry this contact wrote (deputy ↔ voter contacts only). */
  dutyRecordId: z.uuid().nullable(),
  recordedByName: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
export type ContactRecord = z.infer<typeof contactRecord>;

export const contactRecordInput = z.object({
  occurredOn: isoDate,
  way: contactWay,
  content: text('联系内容', 2000),
  raised: optionalText(2000),
});
export type ContactRecordInput = z.infer<typeof contactRecordInput>;

export const contactLinkDetail = contactLink.extend({ records: z.array(contactRecord) });
export type ContactLinkDetail = z.infer<typeof contactLinkDetail>;

/** A person or agency to choose, with the body it belongs to. */
export const choice = z.object({ id: z.uuid(), name: z.string(), bodyName: z.string() });
export type Choice = z.infer<typeof choice>;

// ---- 代表约见国家机关负责人 (seed 004) ----
export const appointmentState = z.enum(['requested', 'approved', 'declined', 'scheduled', 'held', 'answered', 'closed', 'cancelled']);
export type AppointmentState = z.infer<typeof appointmentState>;
export const appointmentStateLabel = {
  requested: '待审核',
  approved: '已同意',
  declined: '未同意',
  scheduled: '已安排',
  held: '已约见',
  answered: '已反馈',
  closed: '已评价',
  cancelled: '已撤回',
} satisfies Record<AppointmentState, string>;

export const appointmentAction = z.enum(['approve', 'decline', 'schedule', 'recordMeeting', 'recordOutcome', 'rate', 'cancel']);
export type AppointmentAction = z.infer<typeof appointmentAction>;
export const appointmentActionLabel = {
  approve: '同意约见',
  decline: '不同意',
  schedule: '安排时间地点',
  recordMeeting: '登记约见情况',
  recordOutcome: '反馈办理结果',
  rate: '代表评价',
  cancel: '撤回',
} satisfies Record<AppointmentAction, string>;

export const appointment = z.object({
  id: z.uuid(),
  bodyId: z.uuid(),
  bodyName: z.string(),
  deputyId: z.uuid(),
  deputyName: z.string(),
  groupId: z.uuid().nullable(),
  groupName: z.string().nullable(),
  unitId: z.uuid(),
  unitName: z.string(),
  /** 约见对象: the head the deputy asks to meet, e.g. "局长". */
  official: z.string(),
  topic: z.string(),
  reason: z.string(),
  state: appointmentState,
  stateLabel: z.string(),
  declineReason: z.string().nullable(),
  scheduledAt: z.iso.datetime().nullable(),
  place: z.string().nullable(),
  attendees: z.string().nullable(),
  meetingNotes: z.string().nullable(),
  heldOn: z.string().nullable(),
  commitment: z.string().nullable(),
  followUp: z.string().nullable(),
  rating: voterRating.nullable(),
  ratingComment: z.string().nullable(),
  cancelReason: z.string().nullable(),
  allowedActions: z.array(appointmentAction),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime().nullable(),
});
export type Appointment = z.infer<typeof appointment>;

export const appointmentInput = z.object({
  unitId: z.uuid('请选择约见的国家机关'),
  official: text('约见对象', 60),
  topic: text('约见事项', 100),
  reason: text('约见理由及具体内容', 4000),
  groupId: z.uuid().nullable().default(null),
});
export type AppointmentInput = z.infer<typeof appointmentInput>;

/** What each step takes; the service checks the fields the action needs. */
export const appointmentActionInput = z.object({
  reason: z.string().trim().max(500, '理由最多 500 字').optional(),
  scheduledAt: z.iso.datetime('时间格式不正确').optional(),
  place: z.string().trim().max(200, '地点最多 200 字').optional(),
  attendees: z.string().trim().max(500, '参加人员最多 500 字').optional(),
  meetingNotes: z.string().trim().max(4000, '约见情况最多 4000 字').optional(),
  heldOn: isoDate.optional(),
  commitment: z.string().trim().max(4000, '办理承诺最多 4000 字').optional(),
  followUp: z.string().trim().max(2000, '后续跟进最多 2000 字').optional(),
  rating: voterRating.optional(),
  comment: z.string().trim().max(500, '评价意见最多 500 字').optional(),
});
export type AppointmentActionInput = z.infer<typeof appointmentActionInput>;

/** An appointment's steps, each posted to /api/appointments/<id>/actions/<action>; the table names the fields each needs. */
export const appointmentActions = defineActions('appointments', {
  approve: { input: appointmentActionInput, summary: '同意约见' },
  decline: { input: appointmentActionInput, summary: '不同意约见（附理由）' },
  schedule: { input: appointmentActionInput, summary: '安排约见时间地点' },
  recordMeeting: { input: appointmentActionInput, summary: '登记约见情况（记入代表履职登记）' },
  recordOutcome: { input: appointmentActionInput, summary: '国家机关反馈办理承诺及结果' },
  rate: { input: appointmentActionInput, summary: '代表评价办理结果' },
  cancel: { input: appointmentActionInput, summary: '撤回约见（附理由）' },
} satisfies Record<AppointmentAction, unknown>);

export const appointmentQuery = pageQuery.extend({
  state: appointmentState.optional(),
  deputyId: z.uuid().optional(),
  unitId: z.uuid().optional(),
  q: z.string().trim().max(40).optional(),
});
export type AppointmentQuery = z.infer<typeof appointmentQuery>;
