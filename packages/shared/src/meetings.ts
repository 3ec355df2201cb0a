import { z } from 'zod';
import { dayParam } from './fields.js';
import { pageQuery } from './pagination.js';
import { inOrder } from './range.js';
import { voteState } from './votes.js';
import { defineActions } from './workflow.js';

const isoDate = z.iso.date('日期格式不正确');
const text = (label: string, max: number) =>
  z.string(`请填写${label}`).trim().min(1, `请填写${label}`).max(max, `${label}最多 ${max} 个字`);
const optionalText = (max: number) => z.string().trim().max(max, `最多 ${max} 个字`).nullable().default(null);

// ---- 会议 (seeds 000, 002, 004): 人代会（含乡镇年中人代会）、常委会会议、主任会议、联席会议 ----
export const meetingKind = z.enum(['congress_session', 'standing_committee', 'chairpersons', 'joint'], '请选择会议类型');
export type MeetingKind = z.infer<typeof meetingKind>;
export const meetingKindLabel = {
  congress_session: '人民代表大会会议',
  standing_committee: '常委会会议',
  chairpersons: '主任会议',
  joint: '联席会议',
} satisfies Record<MeetingKind, string>;

export const meetingState = z.enum(['planned', 'notified', 'in_session', 'closed']);
export type MeetingState = z.infer<typeof meetingState>;
export const meetingStateLabel = {
  planned: '筹备中',
  notified: '已通知',
  in_session: '会议中',
  closed: '已闭会',
} satisfies Record<MeetingState, string>;

export const meetingAction = z.enum(['notify', 'open', 'close']);
export type MeetingAction = z.infer<typeof meetingAction>;
export const meetingActionLabel = {
  notify: '发出会议通知',
  open: '宣布开会',
  close: '宣布闭会',
} satisfies Record<MeetingAction, string>;

export const meetingInput = inOrder(
  z.object({
    bodyId: z.uuid('请选择人大机关'),
    kind: meetingKind,
    /** 乡镇年中人代会 (seed 002): a congress session held mid-year to hear the half-year reports. */
    midYear: z.boolean().default(false),
    /** 第N次会议 of the term. */
    number: z.coerce.number().int('请填写会次').min(1, '会次至少为 1').max(999, '会次不正确'),
    term: text('届次', 16),
    title: text('会议名称', 120),
    from: isoDate,
    to: isoDate,
    place: text('会议地点', 120),
    note: optionalText(2000),
  }),
);
export type MeetingInput = z.infer<typeof meetingInput>;

export const meetingQuery = inOrder(
  pageQuery.extend({
    kind: meetingKind.optional(),
    state: meetingState.optional(),
    year: z.coerce.number().int().min(2000).max(2100).optional(),
    from: dayParam.optional(),
    to: dayParam.optional(),
  }),
);
export type MeetingQuery = z.infer<typeof meetingQuery>;
export const meetingExportQuery = z.object({
  kind: meetingKind.optional(),
  state: meetingState.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

// ---- 议程 ----
export const agendaItemKind = z.enum(
  ['supervision_report', 'livelihood_vote', 'key_suggestion_report', 'draft_regulation', 'major_matter', 'other'],
  '请选择议题类型',
);
export type AgendaItemKind = z.infer<typeof agendaItemKind>;
export const agendaItemKindLabel = {
  supervision_report: '听取审议专项工作报告',
  livelihood_vote: '民生实事项目票决',
  key_suggestion_report: '重点建议办理情况报告',
  draft_regulation: '审议法规草案',
  major_matter: '讨论决定重大事项',
  other: '其他议题',
} satisfies Record<AgendaItemKind, string>;

/** The module whose record an agenda item is about; kept as module + id + title, so no module imports another. */
export const linkedModule = z.enum(['supervision', 'livelihood', 'suggestions', 'legislation', 'major_matters'], '请选择关联模块');
export type LinkedModule = z.infer<typeof linkedModule>;
export const linkedModuleLabel = {
  supervision: '监督工作',
  livelihood: '民生实事',
  suggestions: '建议议案',
  legislation: '立法',
  major_matters: '重大事项',
} satisfies Record<LinkedModule, string>;

export const agendaLink = z.object({ module: linkedModule, id: text('关联记录编号', 64), title: text('关联记录名称', 200) });
export type AgendaLink = z.infer<typeof agendaLink>;

/** 表决通过所需票数: 全体组成人员过半数 (the default) or 三分之二以上 for the matters the law names. */
export const passThreshold = z.enum(['more_than_half', 'two_thirds'], '请选择表决通过标准');
export type PassThreshold = z.infer<typeof passThreshold>;
export const passThresholdLabel = {
  more_than_half: '全体组成人员过半数',
  two_thirds: '全体组成人员三分之二以上',
} satisfies Record<PassThreshold, string>;

export const agendaItemInput = z.object({
  kind: agendaItemKind,
  title: text('议题', 200),
  /** 报告人 / 说明人 (e.g. 区长、副区长, seed 000). */
  presenter: optionalText(80),
  description: optionalText(4000),
  link: agendaLink.nullable().default(null),
  /** Whether the item is put to a vote (表决) and under which threshold. */
  toVote: z.boolean().default(false),
  threshold: passThreshold.default('more_than_half'),
});
export type AgendaItemInput = z.infer<typeof agendaItemInput>;

export const agendaOrderInput = z.object({ itemIds: z.array(z.uuid()).min(1, '请提供议程顺序') });

export const voteOutcome = z.enum(['passed', 'failed']);
export type VoteOutcome = z.infer<typeof voteOutcome>;
export const voteOutcomeLabel = { passed: '通过', failed: '未通过' } satisfies Record<VoteOutcome, string>;

export const agendaItem = z.object({
  id: z.uuid(),
  position: z.number().int(),
  kind: agendaItemKind,
  kindLabel: z.string(),
  title: z.string(),
  presenter: z.string().nullable(),
  description: z.string().nullable(),
  link: agendaLink.nullable(),
  toVote: z.boolean(),
  threshold: passThreshold,
  voteId: z.uuid().nullable(),
  secret: z.boolean().nullable(),
  outcome: voteOutcome.nullable(),
  /** The figures and the rule in force, as the vote's result names them (赞成 n 票…，全体组成人员 m 人的过半数). */
  resultText: z.string().nullable(),
  /**
   * The item's vote on the vote component as the reader sees it: its stage (投票中 / 已结束 / 已公布, the
   * result published by the vote panel's 公布结果 after a recount) and whether the reader has voted.
   */
  vote: z.object({ state: voteState, stateLabel: z.string(), youVoted: z.boolean() }).nullable(),
  /** 会议材料: the item's documents (attachments). */
  documents: z.array(z.object({ id: z.uuid(), fileName: z.string(), size: z.number().int() })),
});
export type AgendaItem = z.infer<typeof agendaItem>;

// ---- 出席、列席、请假、签到 ----
export const attendeeRole = z.enum(['member', 'observer', 'reporter'], '请选择参会身份');
export type AttendeeRole = z.infer<typeof attendeeRole>;
export const attendeeRoleLabel = {
  member: '组成人员',
  observer: '列席代表',
  reporter: '报告单位',
} satisfies Record<AttendeeRole, string>;

export const attendeeResponse = z.enum(['pending', 'confirmed', 'leave']);
export type AttendeeResponse = z.infer<typeof attendeeResponse>;
export const attendeeResponseLabel = {
  pending: '未回复',
  confirmed: '确认出席',
  leave: '请假',
} satisfies Record<AttendeeResponse, string>;

export const signInWay = z.enum(['qr', 'staff']);
export type SignInWay = z.infer<typeof signInWay>;
export const signInWayLabel = { qr: '扫码签到', staff: '工作人员代签' } satisfies Record<SignInWay, string>;

export const attendee = z.object({
  id: z.uuid(),
  role: attendeeRole,
  deputyId: z.uuid().nullable(),
  unitId: z.uuid().nullable(),
  name: z.string(),
  /** For a reporting organ: who reports (报告人). */
  reporter: z.string().nullable(),
  response: attendeeResponse,
  leaveReason: z.string().nullable(),
  signedInAt: z.iso.datetime().nullable(),
  signInWay: signInWay.nullable(),
  leftAt: z.iso.datetime().nullable(),
});
export type Attendee = z.infer<typeof attendee>;

export const inviteInput = z.discriminatedUnion('role', [
  z.object({ role: z.literal('observer'), deputyIds: z.array(z.uuid()).min(1, '请选择列席代表').max(200) }),
  z.object({ role: z.literal('reporter'), unitId: z.uuid('请选择报告单位'), reporter: optionalText(80) }),
]);
export type InviteInput = z.infer<typeof inviteInput>;

export const meetingReplyInput = z
  .object({ response: z.enum(['confirmed', 'leave'], '请选择出席或请假'), leaveReason: optionalText(500) })
  .refine((v) => v.response !== 'leave' || !!v.leaveReason, { message: '请假请填写事由', path: ['leaveReason'] });
export type MeetingReplyInput = z.infer<typeof meetingReplyInput>;

/** Staff record a leave request brought by phone, or sign a member in (代签) or out (离席). */
export const attendanceInput = z.object({
  action: z.enum(['signIn', 'signOut', 'leave', 'confirm']),
  leaveReason: optionalText(500),
});
export type AttendanceInput = z.infer<typeof attendanceInput>;

export const qrSignInInput = z.object({ code: z.string().trim().min(1, '签到码无效').max(32, '签到码无效') });

/** 法定人数: 全体组成人员过半数出席 (地方组织法 / 议事规则), counted on the full membership. */
export const quorum = z.object({
  members: z.number().int(),
  present: z.number().int(),
  onLeave: z.number().int(),
  /** The smallest number present that makes a quorum: floor(members / 2) + 1. */
  required: z.number().int(),
  reached: z.boolean(),
  text: z.string(),
});
export type Quorum = z.infer<typeof quorum>;

export const meeting = z.object({
  id: z.uuid(),
  bodyId: z.uuid(),
  bodyName: z.string(),
  kind: meetingKind,
  kindLabel: z.string(),
  midYear: z.boolean(),
  number: z.number().int(),
  term: z.string(),
  title: z.string(),
  from: z.string(),
  to: z.string(),
  place: z.string(),
  note: z.string().nullable(),
  state: meetingState,
  stateLabel: z.string(),
  materialsPublishedAt: z.iso.datetime().nullable(),
  quorum,
  allowedActions: z.array(meetingAction),
  notifiedAt: z.iso.datetime().nullable(),
  openedAt: z.iso.datetime().nullable(),
  closedAt: z.iso.datetime().nullable(),
});
export type Meeting = z.infer<typeof meeting>;

export const meetingDetail = meeting.extend({
  agenda: z.array(agendaItem),
  attendees: z.array(attendee),
  /** Present for staff: the code the hall's QR code carries. */
  signInCode: z.string().nullable(),
});
export type MeetingDetail = z.infer<typeof meetingDetail>;

/** What a member or invited deputy sees of a meeting on their phone. */
export const myMeeting = meeting.extend({
  agenda: z.array(agendaItem),
  you: attendee,
});
export type MyMeeting = z.infer<typeof myMeeting>;

export const meetingActions = defineActions('meetings', {
  notify: { input: z.object({}), summary: '发出会议通知（通知组成人员及列席人员）' },
  open: { input: z.object({}), summary: '宣布开会（须全体组成人员过半数出席）' },
  close: { input: z.object({}), summary: '宣布闭会' },
});

/** A member's attendance over a year (出席情况). */
export const attendanceRecord = z.object({
  deputyId: z.uuid(),
  name: z.string(),
  expected: z.number().int(),
  present: z.number().int(),
  onLeave: z.number().int(),
  absent: z.number().int(),
  observed: z.number().int(),
});
export type AttendanceRecord = z.infer<typeof attendanceRecord>;
export const attendanceQuery = z.object({
  bodyId: z.uuid('请选择人大机关'),
  year: z.coerce.number().int().min(2000, '年度不正确').max(2100, '年度不正确'),
});

/**
 * Which of a deputy's meetings 我的会议 lists: all, those whose notice waits for their answer (待确认出席),
 * or those notified or in session (近期会议) — the two lines of the deputy's to-do list open the last two.
 */
export const myMeetingsShow = z.enum(['all', 'awaiting', 'coming']);
export type MyMeetingsShow = z.infer<typeof myMeetingsShow>;
export const myMeetingsQuery = z.object({ show: myMeetingsShow.default('all') });

/** The vote on an agenda item: open (记名) or secret (无记名). */
export const itemVoteInput = z.object({ secret: z.boolean().default(false) });

// ---- 重大事项决定 (seed 004: 提出与审查、调研与论证、审议与表决、公布与实施) ----
export const majorMatterState = z.enum(['proposed', 'evaluated', 'scheduled', 'decided', 'rejected']);
export type MajorMatterState = z.infer<typeof majorMatterState>;
export const majorMatterStateLabel = {
  proposed: '已提出',
  evaluated: '已完成表决前评估',
  scheduled: '已列入会议议程',
  decided: '已作出决定',
  rejected: '未获通过',
} satisfies Record<MajorMatterState, string>;

export const majorMatterAction = z.enum(['evaluate', 'placeOnAgenda', 'decide', 'fail']);
export type MajorMatterAction = z.infer<typeof majorMatterAction>;
export const majorMatterActionLabel = {
  evaluate: '表决前评估',
  placeOnAgenda: '列入会议议程',
  decide: '作出决定',
  fail: '表决未通过',
} satisfies Record<MajorMatterAction, string>;

export const majorMatterInput = z.object({
  bodyId: z.uuid('请选择人大机关'),
  title: text('事项名称', 200),
  /** 提请机关 (the government, a committee, the chairpersons' meeting…). */
  proposer: text('提请机关', 80),
  proposal: text('提请内容', 8000),
  threshold: passThreshold.default('more_than_half'),
});
export type MajorMatterInput = z.infer<typeof majorMatterInput>;

export const majorMatterActionInput = z.object({
  evaluation: optionalText(8000),
  meetingId: z.uuid('请选择会议').nullable().default(null),
  resolution: optionalText(20000),
});
export type MajorMatterActionInput = z.infer<typeof majorMatterActionInput>;

export const majorMatterActions = defineActions('major-matters', {
  evaluate: { input: majorMatterActionInput, summary: '登记表决前评估意见' },
  placeOnAgenda: { input: majorMatterActionInput, summary: '列入常委会会议议程（提请表决）' },
  decide: { input: majorMatterActionInput, summary: '表决通过后登记决定（决议）文本' },
  fail: { input: majorMatterActionInput, summary: '表决未通过，办结该事项' },
});

export const majorMatter = z.object({
  id: z.uuid(),
  bodyId: z.uuid(),
  bodyName: z.string(),
  title: z.string(),
  proposer: z.string(),
  proposal: z.string(),
  threshold: passThreshold,
  evaluation: z.string().nullable(),
  meetingId: z.uuid().nullable(),
  meetingTitle: z.string().nullable(),
  agendaItemId: z.uuid().nullable(),
  resolution: z.string().nullable(),
  resultText: z.string().nullable(),
  state: majorMatterState,
  stateLabel: z.string(),
  allowedActions: z.array(majorMatterAction),
  createdAt: z.iso.datetime(),
  decidedAt: z.iso.datetime().nullable(),
});
export type MajorMatter = z.infer<typeof majorMatter>;
