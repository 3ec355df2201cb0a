import { z } from 'zod';
import { defineActions } from './workflow.js';

/**
 * The one vote component (表决、票决、评选、满意度测评): every module that puts something to a vote
 * creates a vote here and reads its result; none keeps ballots of its own.
 */

export const ballotKind = z.enum(['approve', 'for_against_abstain', 'satisfaction']);
export type BallotKind = z.infer<typeof ballotKind>;
export const ballotKindLabel = {
  approve: '选择（限选若干项）',
  for_against_abstain: '表决（赞成、反对、弃权）',
  satisfaction: '测评（满意、基本满意、不满意）',
} satisfies Record<BallotKind, string>;

export const voteChoice = z.enum(['chosen', 'for', 'against', 'abstain', 'satisfied', 'basically_satisfied', 'dissatisfied']);
export type VoteChoice = z.infer<typeof voteChoice>;
export const choiceLabel = {
  chosen: '选中',
  for: '赞成',
  against: '反对',
  abstain: '弃权',
  satisfied: '满意',
  basically_satisfied: '基本满意',
  dissatisfied: '不满意',
} satisfies Record<VoteChoice, string>;

/** The choices a ballot of each kind offers per item (approve: an item is chosen or left blank). */
export const choicesOfKind = {
  approve: ['chosen'],
  for_against_abstain: ['for', 'against', 'abstain'],
  satisfaction: ['satisfied', 'basically_satisfied', 'dissatisfied'],
} as const satisfies Record<BallotKind, readonly VoteChoice[]>;

export const electorate = z.discriminatedUnion('kind', [
  /** All deputies in office of the body's congress. */
  z.object({ kind: z.literal('congress') }),
  /** The members of the body's standing committee. */
  z.object({ kind: z.literal('standing_committee') }),
  /** A named list of deputies. */
  z.object({ kind: z.literal('list'), deputyIds: z.array(z.uuid('代表编号格式不正确')).min(1, '请至少选择 1 名代表') }),
  /** The body's deputies in office and its staff (最美人大代表 评选, seed 003). */
  z.object({ kind: z.literal('deputies_and_staff') }),
]);
export type Electorate = z.infer<typeof electorate>;
export const electorateKindLabel = {
  congress: '全体代表',
  standing_committee: '常委会组成人员',
  list: '指定代表',
  deputies_and_staff: '本机关代表和工作人员',
} satisfies Record<Electorate['kind'], string>;

export const voteRule = z.object({
  /** What the threshold is counted on: all members of the electorate (default) or the ballots cast. */
  basis: z.enum(['all_members', 'cast']).default('all_members'),
  threshold: z.enum(['more_than_half', 'two_thirds', 'at_least']).default('more_than_half'),
  /** For `at_least`: the number of votes an item needs. */
  thresholdCount: z.int().min(1).optional(),
  /** Rank the items that pass by votes and take up to this many. */
  places: z.int().min(1).optional(),
  /** Take the items that pass, in rank order, while their total budget (万元) fits. */
  budget: z.number().positive().optional(),
  /** Where the rule comes from (law, regulation, the body's own measures). */
  source: z.string().trim().min(1, '请注明规则依据').max(500),
  /** What counts toward the threshold: 赞成 (default for 表决) or 满意+基本满意 (default for 测评). */
  passOn: z.enum(['for', 'satisfied_or_basic']).optional(),
});
export type VoteRule = z.infer<typeof voteRule>;
export type VoteRuleInput = z.input<typeof voteRule>;

export const voteItem = z.object({
  key: z.string().trim().min(1).max(64),
  label: z.string().trim().min(1).max(200),
  description: z.string().max(2000).optional(),
  /** 万元, for the budget rule. */
  budget: z.number().nonnegative().optional(),
});
export type VoteItem = z.infer<typeof voteItem>;

export const voteSubjectModule = z.enum(['livelihood', 'honours', 'supervision', 'meetings']);
export type VoteSubjectModule = z.infer<typeof voteSubjectModule>;

export const voteSpec = z.object({
  bodyId: z.uuid('请选择人大机关'),
  title: z.string().trim().min(1, '请填写表决事项').max(200),
  subject: z.object({ module: voteSubjectModule, id: z.string().min(1).max(64) }),
  electorate,
  ballotKind,
  maxChoices: z.int().min(1).optional(),
  secret: z.boolean(),
  items: z.array(voteItem).min(1, '至少 1 个表决项'),
  rule: voteRule,
  opensAt: z.iso.datetime({ offset: true }).optional(),
  closesAt: z.iso.datetime({ offset: true }).optional(),
  parentVoteId: z.uuid().optional(),
});
export type VoteSpec = z.input<typeof voteSpec>;

export const voteState = z.enum(['draft', 'open', 'closed', 'announced']);
export type VoteState = z.infer<typeof voteState>;
export const voteStateLabel = {
  draft: '未开始',
  open: '投票中',
  closed: '已结束',
  announced: '已公布',
} satisfies Record<VoteState, string>;

export const voteAction = z.enum(['open', 'close', 'announce']);
export type VoteAction = z.infer<typeof voteAction>;
export const voteActionLabel = {
  open: '开始投票',
  close: '结束投票',
  announce: '公布结果',
} satisfies Record<VoteAction, string>;

const noInput = z.object({}).nullish();
/** POST /api/votes/:id/actions/<action>. */
export const voteActions = defineActions<VoteAction>('votes', {
  open: { input: noInput, summary: '开始投票（锁定投票人名单）' },
  close: { input: noInput, summary: '结束投票、计票（平票时自动发起重新投票），公布匿名选票清单' },
  announce: { input: noInput, summary: '公布结果（按公布的选票清单重新计票，须与计票结果一致）' },
});

export const voteResultItem = z.object({
  key: z.string(),
  label: z.string(),
  counts: z.record(z.string(), z.number().int()),
  /** The votes counted toward the threshold (选中、赞成 or 满意+基本满意). */
  votes: z.number().int(),
  passed: z.boolean(),
  rank: z.number().int().optional(),
  chosen: z.boolean(),
});
export type VoteResultItem = z.infer<typeof voteResultItem>;

export const voteResult = z.object({
  items: z.array(voteResultItem),
  /** Items tied at the last place (a run-off decides), and how many places they compete for. */
  tie: z
    .object({ keys: z.array(z.string()), places: z.number().int() })
    .nullable()
    .optional(),
  electorateSize: z.number().int(),
  ballotsCast: z.number().int(),
  /** The votes an item needs to pass. */
  needed: z.number().int(),
  ruleText: z.string(),
  figuresText: z.string(),
});
export type VoteResult = z.infer<typeof voteResult>;

export const voteView = z.object({
  id: z.uuid(),
  bodyId: z.uuid(),
  title: z.string(),
  subject: z.object({ module: voteSubjectModule, id: z.string() }),
  state: voteState,
  stateLabel: z.string(),
  secret: z.boolean(),
  ballotKind,
  ballotKindLabel: z.string(),
  maxChoices: z.number().int().nullable(),
  electorate,
  items: z.array(voteItem),
  rule: voteRule,
  ruleText: z.string(),
  electorateSize: z.number().int(),
  turnout: z.object({ voted: z.number().int(), electorateSize: z.number().int() }),
  eligible: z.boolean(),
  youVoted: z.boolean().optional(),
  /** Never known to the server after the answer to the vote (see docs/votes.md); the page keeps it. */
  yourBallotCode: z.string().nullable().optional(),
  allowedActions: z.array(voteAction),
  result: voteResult.nullable(),
  /** When the announcement recomputed the result from the published ballot list and found it equal. */
  verifiedAt: z.iso.datetime().nullable(),
  parentVoteId: z.uuid().nullable(),
  runoffVoteId: z.uuid().nullable().optional(),
  opensAt: z.iso.datetime().nullable(),
  closesAt: z.iso.datetime().nullable(),
  /** Paper ballots entered and not yet confirmed by a second staff member (not counted). */
  pendingPaperBallots: z.number().int(),
});
export type VoteView = z.infer<typeof voteView>;

/** A ballot's choices: item key → choice (approve ballots list only the chosen items). */
export const ballotChoices = z.record(z.string().max(64), voteChoice);
export type BallotChoices = z.infer<typeof ballotChoices>;

export const castInput = z.object({ choices: ballotChoices });
export type CastInput = z.infer<typeof castInput>;

export const castReceipt = z.object({
  ballotCode: z.string(),
  /** True when this answer repeats an earlier success (same idempotency key). */
  repeated: z.boolean(),
  vote: voteView,
});
export type CastReceipt = z.infer<typeof castReceipt>;

/**
 * A paper ballot as keyed in from the opened box: choices only. Who handed in a paper ballot is marked
 * on the roll apart (paperRollInput), at the ballot box, so entering a ballot never names a voter.
 */
export const paperBallotInput = z.object({ choices: ballotChoices });
export type PaperBallotInput = z.infer<typeof paperBallotInput>;

export const paperRollInput = z.object({ deputyId: z.uuid('代表编号格式不正确') });
export type PaperRollInput = z.infer<typeof paperRollInput>;

export const pendingPaperBallot = z.object({
  id: z.uuid(),
  choices: ballotChoices,
  enteredBy: z.string(),
  /** Whether the current user entered it (and so may not confirm it). */
  mine: z.boolean(),
});
export type PendingPaperBallot = z.infer<typeof pendingPaperBallot>;

export const turnoutView = z.object({
  state: voteState,
  voted: z.number().int(),
  electorateSize: z.number().int(),
  byChannel: z.object({ app: z.number().int(), paper: z.number().int() }),
  pendingPaperBallots: z.number().int(),
  /** Who has not voted yet (names only; never what anyone voted). */
  notVoted: z.array(z.object({ voterId: z.uuid(), name: z.string() })),
});
export type TurnoutView = z.infer<typeof turnoutView>;

export const publishedBallot = z.object({ code: z.string(), choices: ballotChoices });
export type PublishedBallot = z.infer<typeof publishedBallot>;

export const publicVote = z.object({
  id: z.uuid(),
  title: z.string(),
  bodyName: z.string(),
  state: voteState,
  stateLabel: z.string(),
  secret: z.boolean(),
  ballotKind,
  items: z.array(voteItem),
  ruleText: z.string(),
  result: voteResult.nullable(),
  verifiedAt: z.iso.datetime().nullable(),
});
export type PublicVote = z.infer<typeof publicVote>;

/** Ballot codes: 12 characters from an alphabet without look-alikes, shown in groups of four. */
export const ballotCodeAlphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const normalizeBallotCode = (code: string) => {
  const plain = code.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return plain.length === 12 ? `${plain.slice(0, 4)}-${plain.slice(4, 8)}-${plain.slice(8)}` : plain;
};

/** The header a voter's page sends so that a retry after a lost answer stores one ballot. */
export const idempotencyHeader = 'idempotency-key';
