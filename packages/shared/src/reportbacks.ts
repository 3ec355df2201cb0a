import { z } from 'zod';
import { pageQuery } from './pagination.js';

const isoDate = z.iso.date('日期格式应为 YYYY-MM-DD');
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

export const voterRating = z.enum(['satisfied', 'basically_satisfied', 'dissatisfied'], '请选择满意、基本满意或不满意');
export type VoterRating = z.infer<typeof voterRating>;
export const voterRatingLabel = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  dissatisfied: '不满意',
} satisfies Record<VoterRating, string>;

export const reportBackInput = z.object({
  deputyId: z.uuid('请选择代表'),
  heldOn: isoDate,
  place: text('述职地点', 200),
  constituency: text('选区（选举单位）', 200),
  title: text('述职主题', 200),
  /** 述: the deputy's report, as read to the voters. */
  report: text('述职报告', 20000),
});
export type ReportBackInput = z.infer<typeof reportBackInput>;

export const reportBackQuery = pageQuery.extend({
  deputyId: z.uuid().optional(),
  state: reportBackState.optional(),
});

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
  state: reportBackState,
  stateLabel: z.string(),
  acceptingRatings: z.boolean(),
});
export type PublicReportBack = z.infer<typeof publicReportBack>;

export const publicRatingInput = z.object({
  phone: z
    .string('请填写手机号码')
    .trim()
    .regex(/^1\d{10}$/, '请填写 11 位手机号码'),
  rating: voterRating,
  comment: z.string().trim().max(500, '意见最多 500 个字').default(''),
});
export type PublicRatingInput = z.infer<typeof publicRatingInput>;

// ---- 最美人大代表 ----
export const honourState = z.enum(['nominating', 'voting', 'closed']);
export type HonourState = z.infer<typeof honourState>;
export const honourStateLabel = {
  nominating: '提名中',
  voting: '投票中',
  closed: '已结束',
} satisfies Record<HonourState, string>;

export const honourAction = z.enum(['nominate', 'openVoting', 'close']);
export type HonourAction = z.infer<typeof honourAction>;
export const honourActionLabel = {
  nominate: '提名',
  openVoting: '开始投票',
  close: '结束投票并公布结果',
} satisfies Record<HonourAction, string>;

export const honourOutcome = z.enum(['honoured', 'tied', 'not_honoured']);
export type HonourOutcome = z.infer<typeof honourOutcome>;
export const honourOutcomeLabel = {
  honoured: '当选',
  tied: '得票相同，需另行决定',
  not_honoured: '未当选',
} satisfies Record<HonourOutcome, string>;

export const honourCampaignInput = z
  .object({
    bodyId: z.uuid('请选择人大机关'),
    title: text('评选名称', 200),
    description: z.string().trim().max(2000, '说明最多 2000 个字').default(''),
    /** How many deputies are honoured. */
    places: z.int('名额应为整数').min(1, '名额至少 1 名').max(100, '名额最多 100 名'),
    /** How many nominees one ballot may choose. */
    maxChoices: z.int('每票可选人数应为整数').min(1, '每票至少可选 1 人').max(100, '每票最多可选 100 人'),
  })
  .refine((c) => c.maxChoices >= c.places, { path: ['maxChoices'], message: '每票可选人数不能少于名额' });
export type HonourCampaignInput = z.infer<typeof honourCampaignInput>;

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
  allowedActions: z.array(honourAction),
  createdAt: z.iso.datetime(),
});
export type HonourCampaign = z.infer<typeof honourCampaign>;
