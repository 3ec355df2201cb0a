import { z } from 'zod';
import { dayParam } from './fields.js';
import { pageQuery } from './pagination.js';
import { inOrder } from './range.js';
import { outboxStatus } from './notifications.js';
import { defineActions } from './workflow.js';

const isoDate = z.iso.date();
const text = (label: string, max: number) =>
  z.string(`请填写${label}`).trim().min(1, `请填写${label}`).max(max, `${label}最多 ${max} 个字`);

// ---- 回选区述职 (述、晒、评) ----
/** Seeds 003 and 004: a deputy reports to the voters of their constituency, who then rate the report. */
export const reportBackState = z.enum(['draft', 'rating', 'closed']);
export type ReportBackState = z.infer<typeof reportBackState>;
export const reportBackStateLabel = {
  draft: '准备中',
  rating: '评议中',
  closed: '已结束',
} satisfies Record<ReportBackState, string>;

export const reportBackAction = z.enum(['openRating', 'close']);
export type ReportBackAction = z.infer<typeof reportBackAction>;
export const reportBackActionLabel = {
  openRating: '开启评议',
  close: '结束评议',
} satisfies Record<ReportBackAction, string>;

/** An action that takes no input: the client may post `{}` or no body at all. */
const noInput = z.object({}).nullish();

/** POST /api/reportbacks/:id/actions/<action>. */
export const reportBackActions = defineActions<ReportBackAction>('reportbacks', {
  openRating: { input: noInput, summary: '开启评议（凭签到评议码评议的，须先登记到会选民）' },
  close: { input: noInput, summary: '结束评议（此后不再接受评价，结果为最终结果）' },
});

export const voterRating = z.enum(['satisfied', 'basically_satisfied', 'dissatisfied'], '请选择满意、基本满意或不满意');
export type VoterRating = z.infer<typeof voterRating>;
export const voterRatingLabel = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  dissatisfied: '不满意',
} satisfies Record<VoterRating, string>;

/**
 * Who may rate (seed 004, 一人一票): anyone with a phone number, once per number; or only the people
 * registered at the event, each with a one-time rating code (评议码) printed on the sign-in list.
 */
export const ratingMode = z.enum(['phone', 'attendee'], '请选择评议方式');
export type RatingMode = z.infer<typeof ratingMode>;
export const ratingModeLabel = {
  phone: '凭手机号评议（每个号码一次）',
  attendee: '凭现场签到评议码评议（每位到会选民一次）',
} satisfies Record<RatingMode, string>;

export const reportBackInput = z.object({
  deputyId: z.uuid('请选择代表'),
  ratingMode: ratingMode.default('phone'),
  heldOn: isoDate,
  place: text('述职地点', 200),
  constituency: text('选区（选举单位）', 200),
  title: text('述职主题', 200),
  /** 述: the deputy's report, as read to the voters. */
  report: text('述职报告', 20000),
});
export type ReportBackInput = z.infer<typeof reportBackInput>;

const reportBackFilters = z.object({
  deputyId: z.uuid().optional(),
  bodyId: z.uuid().optional(),
  state: reportBackState.optional(),
  /** Held on or after / on or before. */
  from: dayParam.optional(),
  to: dayParam.optional(),
});
export const reportBackQuery = inOrder(pageQuery.extend(reportBackFilters.shape));
export type ReportBackQuery = z.infer<typeof reportBackQuery>;
/** The export takes the list's filters without its paging. */
export const reportBackExportQuery = inOrder(reportBackFilters);

export const reportBackResults = z.object({
  total: z.number().int(),
  counts: z.object({ satisfied: z.number().int(), basically_satisfied: z.number().int(), dissatisfied: z.number().int() }),
  /** (满意 + 基本满意) / total, 0..1; null while nobody has rated. */
  satisfactionRate: z.number().nullable(),
});
export type ReportBackResults = z.infer<typeof reportBackResults>;

export const reportBack = z.object({
  id: z.uuid(),
  bodyId: z.uuid(),
  bodyName: z.string(),
  deputyId: z.uuid(),
  deputyName: z.string(),
  heldOn: z.string(),
  place: z.string(),
  constituency: z.string(),
  title: z.string(),
  report: z.string(),
  ratingMode,
  /** Registered attendees and how many of their codes were used (attendee mode). */
  attendees: z.object({ registered: z.number().int(), used: z.number().int() }),
  state: reportBackState,
  stateLabel: z.string(),
  publicCode: z.string(),
  results: reportBackResults,
  /** What the current user may do now: the UI shows exactly these buttons. */
  allowedActions: z.array(reportBackAction),
  createdAt: z.iso.datetime(),
  openedAt: z.iso.datetime().nullable(),
  closedAt: z.iso.datetime().nullable(),
});
export type ReportBack = z.infer<typeof reportBack>;

export const reportBackComment = z.object({
  rating: voterRating,
  ratingLabel: z.string(),
  comment: z.string(),
  /** Masked: 138****5678. */
  phone: z.string(),
  createdAt: z.iso.datetime(),
});
export type ReportBackComment = z.infer<typeof reportBackComment>;

/** What a voter sees after scanning the event's QR code. */
export const publicReportBack = z.object({
  deputyName: z.string(),
  bodyName: z.string(),
  heldOn: z.string(),
  place: z.string(),
  constituency: z.string(),
  title: z.string(),
  report: z.string(),
  ratingMode,
  state: reportBackState,
  stateLabel: z.string(),
  acceptingRatings: z.boolean(),
});
export type PublicReportBack = z.infer<typeof publicReportBack>;

/** 评议码: 8 characters without look-alikes (no 0/O, 1/I/L), easy to read off a printed list. */
export const attendeeCodeAlphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const attendeeCodePattern = /^[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{8}$/;

/** One of `phone` (phone mode) or `attendeeCode` (attendee mode); the service checks which the event takes. */
export const publicRatingInput = z.object({
  phone: z
    .string('请填写手机号')
    .trim()
    .regex(/^1\d{10}$/, '请填写 11 位手机号')
    .optional(),
  attendeeCode: z
    .string('请填写评议码')
    .trim()
    .transform((v) => v.toUpperCase().replace(/[\s-]/g, ''))
    .pipe(z.string().regex(attendeeCodePattern, '请填写签到时领取的 8 位评议码'))
    .optional(),
  rating: voterRating,
  comment: z.string().trim().max(500, '意见最多 500 个字').default(''),
});
export type PublicRatingInput = z.infer<typeof publicRatingInput>;

/** Staff register the people at the event: by name (phone optional), or just a head count. */
const attendeeEntry = z.object({
  name: text('姓名', 50),
  phone: z
    .string()
    .trim()
    .regex(/^1\d{10}$/, '请填写 11 位手机号')
    .nullish(),
});
export const attendeesInput = z
  .object({
    attendees: z.array(attendeeEntry).max(500, '一次最多登记 500 人').default([]),
    /** Anonymous places ("到会选民 001" …) when only the number of people is known. */
    count: z.int('人数应为整数').min(0).max(500, '一次最多登记 500 人').default(0),
  })
  .refine((v) => v.attendees.length + v.count > 0, { path: ['attendees'], message: '请填写到会选民名单或人数' })
  .refine((v) => v.attendees.length + v.count <= 500, { path: ['count'], message: '一次最多登记 500 人' });
export type AttendeesInput = z.infer<typeof attendeesInput>;

export const reportBackAttendee = z.object({
  id: z.uuid(),
  name: z.string(),
  /** Masked: 138****5678, or null when none was given. */
  phone: z.string().nullable(),
  /** The one-time rating code, printed on the sign-in list. */
  code: z.string(),
  used: z.boolean(),
  /** The SMS that sent the code to the attendee's phone, or null when none was queued (no phone given). */
  sms: z.object({ status: outboxStatus, queuedAt: z.iso.datetime() }).nullable(),
  createdAt: z.iso.datetime(),
});
export type ReportBackAttendee = z.infer<typeof reportBackAttendee>;

// ---- 最美人大代表 ----
export const honourState = z.enum(['nominating', 'voting', 'closed']);
export type HonourState = z.infer<typeof honourState>;
export const honourStateLabel = {
  nominating: '提名中',
  voting: '投票中',
  closed: '已结束',
} satisfies Record<HonourState, string>;

export const honourAction = z.enum(['edit', 'nominate', 'withdrawNomination', 'openVoting', 'close']);
export type HonourAction = z.infer<typeof honourAction>;
export const honourActionLabel = {
  edit: '修改评选',
  nominate: '提名',
  withdrawNomination: '撤销提名',
  openVoting: '开始投票',
  close: '结束投票并公布结果',
} satisfies Record<HonourAction, string>;

/** The actions that move a selection to its next stage; the slate is changed through its own routes. */
export type HonourStageAction = Extract<HonourAction, 'openVoting' | 'close'>;
/** POST /api/honours/:id/actions/<action>. */
export const honourActions = defineActions<HonourStageAction>('honours', {
  openVoting: { input: noInput, summary: '开始投票（候选人不少于名额；此后不能再修改评选或提名）' },
  close: { input: noInput, summary: '结束投票并公布排名结果' },
});

export const honourOutcome = z.enum(['honoured', 'tied', 'not_honoured']);
export type HonourOutcome = z.infer<typeof honourOutcome>;
export const honourOutcomeLabel = {
  honoured: '当选',
  tied: '得票相同，需另行决定',
  not_honoured: '未当选',
} satisfies Record<HonourOutcome, string>;

/** The selection's terms, which staff may change until voting opens. */
const honourTerms = z.object({
  title: text('评选名称', 200),
  description: z.string().trim().max(2000, '说明最多 2000 个字').default(''),
  /** How many deputies are honoured. */
  places: z.int('名额应为整数').min(1, '名额至少 1 名').max(100, '名额最多 100 名'),
  /** How many nominees one ballot may choose. */
  maxChoices: z.int('每票可选人数应为整数').min(1, '每票至少可选 1 人').max(100, '每票最多可选 100 人'),
});
const choicesCoverPlaces = (c: { places: number; maxChoices: number }) => c.maxChoices >= c.places;
const tooFewChoices = { path: ['maxChoices'], message: '每票可选人数不能少于名额' };

export const honourCampaignInput = honourTerms.extend({ bodyId: z.uuid('请选择人大机关') }).refine(choicesCoverPlaces, tooFewChoices);
export type HonourCampaignInput = z.infer<typeof honourCampaignInput>;

export const honourCampaignEdit = honourTerms.refine(choicesCoverPlaces, tooFewChoices);
export type HonourCampaignEdit = z.infer<typeof honourCampaignEdit>;

export const nominationInput = z.object({
  deputyId: z.uuid('请选择代表'),
  reason: text('提名理由', 2000),
});
export type NominationInput = z.infer<typeof nominationInput>;

export const ballotInput = z.object({
  nominationIds: z.array(z.uuid('候选人编号格式不正确'), '请选择候选人').min(1, '请至少选择 1 名候选人'),
});
export type BallotInput = z.infer<typeof ballotInput>;

export const honourNominee = z.object({
  id: z.uuid(),
  deputyId: z.uuid(),
  deputyName: z.string(),
  reason: z.string(),
  nominatedBy: z.string(),
});
export type HonourNominee = z.infer<typeof honourNominee>;

export const honourResultRow = z.object({
  nominationId: z.uuid(),
  deputyId: z.uuid(),
  deputyName: z.string(),
  votes: z.number().int(),
  rank: z.number().int(),
  outcome: honourOutcome,
  outcomeLabel: z.string(),
});
export type HonourResultRow = z.infer<typeof honourResultRow>;

/** An eligible voter of a selection and whether they have voted (never for whom). */
export const honourVoter = z.object({
  userId: z.uuid(),
  name: z.string(),
  /** 代表 or 工作人员. */
  kind: z.enum(['deputy', 'staff']),
  kindLabel: z.string(),
  voted: z.boolean(),
});
export type HonourVoter = z.infer<typeof honourVoter>;

export const honourCampaign = z.object({
  id: z.uuid(),
  bodyId: z.uuid(),
  bodyName: z.string(),
  title: z.string(),
  description: z.string(),
  places: z.number().int(),
  maxChoices: z.number().int(),
  state: honourState,
  stateLabel: z.string(),
  nominees: z.array(honourNominee),
  ballotsCast: z.number().int(),
  /** Whether the current user may vote in this campaign and has already voted. */
  eligible: z.boolean(),
  voted: z.boolean(),
  /** Ranked results, published when the vote is closed. */
  results: z.array(honourResultRow).nullable(),
  /** The vote (投票) the selection runs on, from the opening of voting. */
  voteId: z.uuid().nullable(),
  /** In the answer to the voter's own ballot only: the code to find it in the published ballot list. */
  ballotCode: z.string().optional(),
  allowedActions: z.array(honourAction),
  createdAt: z.iso.datetime(),
});
export type HonourCampaign = z.infer<typeof honourCampaign>;
