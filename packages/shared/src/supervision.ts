import { z } from 'zod';
import type { DutyKind } from './deputies.js';
import { deadlineUnitLabel, type DeadlineRuleInput } from './admin.js';
import { attachment } from './notifications.js';
import { chineseNumeral } from './naming.js';
import { pageQuery } from './pagination.js';
import { defineActions } from './workflow.js';

/**
 * Supervision (监督, DOMAIN module 6). A standing committee's annual plan (监督工作计划) lists the
 * items; each item is of one kind and runs through the stages of its kind (seed 000: 专题询问 in six
 * steps, 工作评议 in five; seed 001: 再审; seed 003: 重大支撑项目 by 季度专报; seed 004: 审议意见 followed
 * as a list, 清单式督办).
 */
const isoDate = z.iso.date('日期格式应为 YYYY-MM-DD');
const text = (label: string, min: number, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(min, `${label}至少 ${min} 个字`)
    .max(max, `${label}最多 ${max} 个字`);
const optionalText = (label: string, max: number) => z.string().trim().max(max, `${label}最多 ${max} 个字`).nullable().default(null);

// ---- kinds and their stages ----

export const supervisionKind = z.enum(['special_report', 'law_inspection', 'special_inquiry', 'work_evaluation', 'major_project']);
export type SupervisionKind = z.infer<typeof supervisionKind>;
export const supervisionKindLabel = {
  special_report: '听取审议专项工作报告',
  law_inspection: '执法检查',
  special_inquiry: '专题询问',
  work_evaluation: '工作评议',
  major_project: '重大项目监督',
} satisfies Record<SupervisionKind, string>;

export const supervisionStage = z.enum([
  'planned',
  'research',
  'draft_report',
  'hearing',
  'opinions',
  'handling',
  'evaluation',
  'inspection_plan',
  'field_inspection',
  'inspect_report',
  'follow_up',
  'inquiry_plan',
  'questions',
  'coordination',
  'inquiry',
  'preparation',
  'investigation',
  'eval_meeting',
  'rectification',
  'quarterly',
  'closed',
]);
export type SupervisionStage = z.infer<typeof supervisionStage>;
export const supervisionStageLabel = {
  planned: '列入计划',
  research: '调查研究',
  draft_report: '报告稿报审',
  hearing: '常委会会议听取审议',
  opinions: '形成审议意见',
  handling: '研究处理',
  evaluation: '满意度测评',
  inspection_plan: '制定检查方案',
  field_inspection: '实地检查',
  inspect_report: '检查报告',
  follow_up: '跟踪监督',
  inquiry_plan: '制定询问方案',
  questions: '确定询问问题',
  coordination: '召开协调会',
  inquiry: '专题询问',
  preparation: '准备',
  investigation: '调查',
  eval_meeting: '评议',
  rectification: '整改',
  quarterly: '季度专报',
  closed: '已办结',
} satisfies Record<SupervisionStage, string>;

/**
 * The stages of each kind, in order: the table the workflow is generated from (`advance` moves to
 * the next). Seed 000 names the six steps of 专题询问 (制定专题询问工作方案、开展调查研究、确定询问问题、
 * 召开协调会、专题询问、跟踪监督、满意度测评) and the five of 工作评议 (准备、调查、评议、整改、测评);
 * seed 000 also has the organ's draft report checked before the meeting (专项工作报告稿报审).
 */
export const supervisionStages = {
  special_report: ['planned', 'research', 'draft_report', 'hearing', 'opinions', 'handling', 'evaluation', 'closed'],
  law_inspection: ['planned', 'inspection_plan', 'field_inspection', 'inspect_report', 'opinions', 'follow_up', 'closed'],
  special_inquiry: ['planned', 'inquiry_plan', 'research', 'questions', 'coordination', 'inquiry', 'follow_up', 'evaluation', 'closed'],
  work_evaluation: ['planned', 'preparation', 'investigation', 'eval_meeting', 'rectification', 'evaluation', 'closed'],
  major_project: ['planned', 'quarterly', 'closed'],
} as const satisfies Record<SupervisionKind, readonly SupervisionStage[]>;

/**
 * A stage's due date, counted by the platform's deadline engine: `entered` counts from the day the item
 * enters the stage; `meeting` counts back from the item's meeting date (none while the item has no date).
 * Each is a deadline rule of the engine under `key` (a body may set its own amount and unit); `source`
 * names the law or the practice it comes from (docs/domain-rules.md).
 */
export interface StageDeadline extends DeadlineRuleInput {
  key: string;
  label: string;
  from: 'entered' | 'meeting';
  source: string;
}

const draftReportDue: StageDeadline = {
  key: 'supervision.stage.draft_report',
  label: '专项工作报告稿送交期限（常委会会议举行前）',
  from: 'meeting',
  amount: 20,
  unit: 'calendar_days',
  source:
    '监督法：专项工作报告应在常务委员会举行会议的二十日前送交有关专门委员会或常委会有关工作机构征求意见，十日前送交常务委员会（2006 年文本第十二条）',
};
/** 监督法第十四条 names no time for the written handling report; local rules give two or three months. */
const handlingReportDue: StageDeadline = {
  key: 'supervision.stage.handling',
  label: '审议意见研究处理情况书面报告期限（进入阶段起）',
  from: 'entered',
  amount: 2,
  unit: 'calendar_months',
  source: '监督法第十四条（研究处理情况向常委会提出书面报告，未规定期限）；两个月为地方审议意见办理办法的通行做法，可按本级规定调整',
};

/**
 * The stages that have a due date, by kind: the draft report before the meeting, and the organ's written
 * report on how it handled the opinions (专项工作报告的研究处理, 执法检查和专题询问的跟踪监督, 工作评议的整改).
 * A stage not listed has no due date unless staff set one.
 */
export const stageDeadlines = {
  special_report: { draft_report: draftReportDue, handling: handlingReportDue },
  law_inspection: { follow_up: handlingReportDue },
  special_inquiry: { follow_up: handlingReportDue },
  work_evaluation: { rectification: handlingReportDue },
  major_project: {},
} as const satisfies Record<SupervisionKind, Partial<Record<SupervisionStage, StageDeadline>>>;

/** The rule of a kind's stage, if it has one. */
export const stageDeadlineOf = (kind: SupervisionKind, stage: SupervisionStage): StageDeadline | null =>
  (stageDeadlines[kind] as Partial<Record<SupervisionStage, StageDeadline>>)[stage] ?? null;

/** How people read a stage's rule: 常委会会议前20自然日, 进入阶段后2个月. */
export const stageDeadlineText = (rule: Pick<StageDeadline, 'from' | 'amount' | 'unit'>) =>
  `${rule.from === 'meeting' ? '常委会会议前' : '进入阶段后'}${rule.amount}${deadlineUnitLabel[rule.unit]}`;

/** Staff set or change the due date of the stage the item is in (empty: none), with the reason recorded. */
export const stageDueInput = z.object({ dueOn: isoDate.nullable().default(null), reason: text('调整理由', 2, 500) });
export type StageDueInput = z.infer<typeof stageDueInput>;

/** Seed 001 再审: where a re-review sends an item back to (the organ handles the points not solved again). */
export const rereviewStage = {
  special_report: 'handling',
  special_inquiry: 'follow_up',
  work_evaluation: 'rectification',
} as const satisfies Partial<Record<SupervisionKind, SupervisionStage>>;
export type RereviewKind = keyof typeof rereviewStage;

export const supervisionAction = z.enum(['advance', 'submitReport', 'openSatisfactionVote', 'rereview']);
export type SupervisionAction = z.infer<typeof supervisionAction>;
export const supervisionActionLabel = {
  advance: '进入下一阶段',
  submitReport: '报送报告',
  openSatisfactionVote: '发起满意度测评',
  rereview: '启动再审',
} satisfies Record<SupervisionAction, string>;

export const supervisionParty = z.enum(['organ']);
export type SupervisionParty = z.infer<typeof supervisionParty>;
export const supervisionPartyLabel = { organ: '被监督单位' } satisfies Record<SupervisionParty, string>;

export const advanceInput = z.object({ note: optionalText('说明', 500) });
export const submitReportInput = z.object({
  title: text('报告标题', 2, 100),
  content: text('报告内容', 2, 20000),
  /** 季度专报: the quarter reported on, stored as 2026Q2 (shown as 2026年第二季度, `quarterLabel`). */
  period: z
    .string()
    .regex(/^\d{4}Q[1-4]$/, '季度格式应如 2026Q2')
    .nullable()
    .default(null),
});
export const rereviewInput = z.object({ reason: text('再审理由', 2, 500) });

/** How people read a stored quarter: 2026Q2 → 2026年第二季度. */
export function quarterLabel(period: string): string {
  const m = /^(\d{4})Q([1-4])$/.exec(period);
  return m ? `${m[1]}年第${chineseNumeral(Number(m[2]))}季度` : period;
}

/** The quarters a 季度专报 may be about: the current one and the seven before it, newest first. */
export function recentQuarters(today: string): string[] {
  const year = Number(today.slice(0, 4));
  const quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  return Array.from({ length: 8 }, (_, i) => {
    const n = year * 4 + quarter - 1 - i;
    return `${Math.floor(n / 4)}Q${(n % 4) + 1}`;
  });
}
export type SubmitReportInput = z.infer<typeof submitReportInput>;

/**
 * 满意度测评 on the vote component: secret, by the standing committee's members (or all deputies), on
 * 满意 / 基本满意 / 不满意. The result is 满意 when 满意 and 基本满意 together reach the threshold, otherwise
 * 不满意, which sends the item to re-review (seed 001 再审: 再调研、再审议和再测评).
 */
export const evaluationElectorate = z.enum(['standing_committee', 'congress']);
export const evaluationElectorateLabel = {
  standing_committee: '常委会组成人员',
  congress: '全体代表',
} satisfies Record<z.infer<typeof evaluationElectorate>, string>;
export const evaluationBasis = z.enum(['all_members', 'cast']);
export const evaluationBasisLabel = { all_members: '应参加测评人数', cast: '实际投票数' } satisfies Record<
  z.infer<typeof evaluationBasis>,
  string
>;
export const evaluationThreshold = z.enum(['more_than_half', 'two_thirds']);
export const evaluationThresholdLabel = { more_than_half: '过半数', two_thirds: '三分之二以上' } satisfies Record<
  z.infer<typeof evaluationThreshold>,
  string
>;
export const openVoteInput = z.object({
  electorate: evaluationElectorate.default('standing_committee'),
  basis: evaluationBasis.default('all_members'),
  threshold: evaluationThreshold.default('more_than_half'),
});
export type OpenVoteInput = z.infer<typeof openVoteInput>;
export const satisfactionVerdict = z.enum(['satisfied', 'dissatisfied']);
export type SatisfactionVerdict = z.infer<typeof satisfactionVerdict>;
export const satisfactionVerdictLabel = { satisfied: '满意', dissatisfied: '不满意' } satisfies Record<SatisfactionVerdict, string>;

/** One satisfaction vote of an item (one per round): the vote, and its result once closed. */
export const supervisionEvaluation = z.object({
  id: z.string(),
  round: z.number().int(),
  voteId: z.string(),
  electorateLabel: z.string(),
  verdict: satisfactionVerdict.nullable(),
  verdictLabel: z.string().nullable(),
  satisfied: z.number().int().nullable(),
  basicallySatisfied: z.number().int().nullable(),
  dissatisfied: z.number().int().nullable(),
  ballotsCast: z.number().int().nullable(),
  electorateSize: z.number().int().nullable(),
  ruleText: z.string().nullable(),
  figuresText: z.string().nullable(),
  decidedAt: z.string().nullable(),
});
export type SupervisionEvaluation = z.infer<typeof supervisionEvaluation>;

export type SupervisionActionInputs = {
  advance: z.infer<typeof advanceInput>;
  submitReport: SubmitReportInput;
  openSatisfactionVote: OpenVoteInput;
  rereview: z.infer<typeof rereviewInput>;
};

/** POST /api/supervision-items/:id/actions/<action>. */
export const supervisionActions = defineActions<SupervisionAction>('supervision-items', {
  advance: { input: advanceInput, summary: '完成当前阶段，进入下一阶段' },
  submitReport: { input: submitReportInput, summary: '被监督单位报送报告（报告稿、研究处理情况报告、季度专报）' },
  openSatisfactionVote: { input: openVoteInput, summary: '发起满意度测评（无记名，投票结束后登记结果；不满意的启动再审）' },
  rereview: { input: rereviewInput, summary: '启动再审：未解决的问题重新列入清单交办' },
});

// ---- the annual plan ----

export const planState = z.enum(['drafted', 'adopted', 'published']);
export type PlanState = z.infer<typeof planState>;
export const planStateLabel = { drafted: '起草中', adopted: '已通过', published: '已公布' } satisfies Record<PlanState, string>;
export const planAction = z.enum(['adopt', 'publish']);
export type PlanAction = z.infer<typeof planAction>;
export const planActionLabel = { adopt: '主任会议通过', publish: '公布' } satisfies Record<PlanAction, string>;
export const planActions = defineActions<PlanAction>('supervision-plans', {
  adopt: { input: z.object({ note: optionalText('说明', 500) }), summary: '计划经主任会议（常委会会议）通过' },
  publish: { input: z.object({}), summary: '向社会公布年度监督工作计划' },
});

export const planInput = z.object({
  bodyId: z.uuid('请选择人大机关'),
  year: z.number().int().min(2000).max(2100),
  title: text('计划名称', 4, 80),
});
export type PlanInput = z.infer<typeof planInput>;

const itemFields = {
  kind: supervisionKind,
  subject: text('监督议题', 4, 120),
  committee: text('承办委室', 2, 60),
  organUnitId: z.uuid('请选择被监督单位'),
  /** The meeting where it is heard: free text until the meetings module links it. */
  meeting: optionalText('审议会议', 100),
  meetingOn: isoDate.nullable().default(null),
  deputyIds: z.array(z.uuid()).max(200).default([]),
};
export const planItemInput = z.object({ ...itemFields });
export type PlanItemInput = z.infer<typeof planItemInput>;
/** A change after the plan is adopted names its reason (recorded in the item's history and the audit trail). */
export const planItemEdit = z.object({ ...itemFields, kind: supervisionKind.optional(), reason: optionalText('调整理由', 500) });
export type PlanItemEdit = z.infer<typeof planItemEdit>;

export const supervisionItemSummary = z.object({
  id: z.string(),
  planId: z.string(),
  year: z.number().int(),
  bodyId: z.string(),
  bodyName: z.string(),
  kind: supervisionKind,
  kindLabel: z.string(),
  subject: z.string(),
  committee: z.string(),
  organUnitId: z.string(),
  organName: z.string(),
  meeting: z.string().nullable(),
  meetingOn: z.string().nullable(),
  stage: supervisionStage,
  stageLabel: z.string(),
  round: z.number().int(),
  /** The due date of the stage the item is in (from the deadline engine, or set by staff), and whether it has passed. */
  stageDueOn: z.string().nullable(),
  stageOverdue: z.boolean(),
  deputyIds: z.array(z.string()),
  openPoints: z.number().int(),
  overduePoints: z.number().int(),
});
export type SupervisionItemSummary = z.infer<typeof supervisionItemSummary>;

/**
 * 代表参与: the stages in which deputies take part and are recorded — going out (实地检查、调研、调查、项目督查)
 * or sitting in a meeting of the item (审议、协调会、专题询问、评议会) — and what it counts as in their duty log
 * (履职登记, 七个一, 量化考评). Meeting sign-in already counts 列席常委会会议, so the meeting stages count
 * 参加监督活动 (supervision_activity) instead, never the same sitting twice under one kind.
 */
export type ParticipationWay = 'visit' | 'meeting';
export const participationStages: Partial<Record<SupervisionStage, { way: ParticipationWay; dutyKind: DutyKind }>> = {
  research: { way: 'visit', dutyKind: 'research' },
  field_inspection: { way: 'visit', dutyKind: 'law_enforcement_check' },
  investigation: { way: 'visit', dutyKind: 'research' },
  quarterly: { way: 'visit', dutyKind: 'inspection' },
  hearing: { way: 'meeting', dutyKind: 'supervision_activity' },
  coordination: { way: 'meeting', dutyKind: 'supervision_activity' },
  inquiry: { way: 'meeting', dutyKind: 'supervision_activity' },
  eval_meeting: { way: 'meeting', dutyKind: 'supervision_activity' },
};

/** POST /api/supervision-items/:id/visits: deputies who took part in the item's current stage. */
export const participationInput = z.object({
  visitedOn: isoDate,
  place: text('地点', 2, 100),
  summary: optionalText('情况', 4000),
  deputyIds: z.array(z.uuid()).min(1, '请选择参加的代表').max(200),
});
export type ParticipationInput = z.infer<typeof participationInput>;
/** POST /api/supervision-items/:id/my-visits: a deputy's own field visit (实地检查、调研) in the current stage. */
export const ownVisitInput = participationInput.omit({ deputyIds: true });
export type OwnVisitInput = z.infer<typeof ownVisitInput>;
export const supervisionParticipation = z.object({
  id: z.string(),
  stage: supervisionStage,
  stageLabel: z.string(),
  visitedOn: z.string(),
  place: z.string(),
  summary: z.string().nullable(),
  deputies: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type SupervisionParticipation = z.infer<typeof supervisionParticipation>;

/**
 * 我参与的监督: an item a deputy takes part in — invited to it, or recorded in one of its stages (代表参与) —
 * with the stages they took part in.
 */
export const myParticipation = supervisionItemSummary.extend({
  invited: z.boolean(),
  myParticipations: z.array(supervisionParticipation.omit({ deputies: true })),
});
export type MyParticipation = z.infer<typeof myParticipation>;

export const supervisionPlan = z.object({
  id: z.string(),
  bodyId: z.string(),
  bodyName: z.string(),
  year: z.number().int(),
  title: z.string(),
  state: planState,
  stateLabel: z.string(),
  adoptedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  items: z.array(supervisionItemSummary),
  allowedActions: z.array(planAction),
  /** After adoption a change needs its reason. */
  changeNeedsReason: z.boolean(),
});
export type SupervisionPlan = z.infer<typeof supervisionPlan>;
export const planSummary = supervisionPlan
  .omit({ items: true, allowedActions: true, changeNeedsReason: true })
  .extend({ itemCount: z.number().int() });
export type PlanSummary = z.infer<typeof planSummary>;

// ---- stage work: reports, participations, questions (a stage's tasks are follow-up tasks, followups.ts) ----

export const supervisionReport = z.object({
  id: z.string(),
  stage: supervisionStage,
  stageLabel: z.string(),
  title: z.string(),
  content: z.string(),
  period: z.string().nullable(),
  submittedByName: z.string(),
  submittedAt: z.string(),
});

/** Who a collected input (an inquiry's question, an evaluation's gathered opinion) comes from. */
export const askerKind = z.enum(['member', 'deputy', 'public', 'organisation']);
export type AskerKind = z.infer<typeof askerKind>;
export const askerKindLabel = {
  member: '常委会组成人员',
  deputy: '人大代表',
  public: '社会公众',
  organisation: '有关单位和社会组织',
} satisfies Record<AskerKind, string>;
export const questionInput = z.object({
  question: text('询问问题', 4, 1000),
  askerKind,
  askerName: text('提问人', 1, 60),
});
export type QuestionInput = z.infer<typeof questionInput>;
/** 询问记录: who answered and what, and the commitment the answer made (which becomes a point of the list). */
export const answerInput = z.object({
  officialName: text('应询人', 1, 60),
  answer: text('答复内容', 2, 4000),
  commitment: optionalText('承诺事项', 1000),
  commitmentDueOn: isoDate.nullable().default(null),
});
export type AnswerInput = z.infer<typeof answerInput>;
export const supervisionQuestion = z.object({
  id: z.string(),
  seq: z.number().int(),
  question: z.string(),
  askerKind,
  askerKindLabel: z.string(),
  askerName: z.string(),
  officialName: z.string().nullable(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
});

/**
 * 评议调查意见: an opinion gathered in a work evaluation's investigation (seed 000 工作评议: 准备、调查、评议、整改、测评),
 * from deputies, members, citizens or organisations — kept with the inquiry's questions as one model of
 * collected inputs. A citizen's name is kept as staff type it (no phone numbers).
 */
export const gatheredOpinionInput = z.object({
  content: text('意见内容', 4, 2000),
  askerKind,
  askerName: text('提出人', 1, 60),
  gatheredOn: isoDate,
});
export type GatheredOpinionInput = z.infer<typeof gatheredOpinionInput>;
export const gatheredOpinion = supervisionQuestion
  .pick({ id: true, seq: true, askerKind: true, askerKindLabel: true, askerName: true })
  .extend({ content: z.string(), gatheredOn: z.string().nullable() });
export type GatheredOpinion = z.infer<typeof gatheredOpinion>;

// ---- the issue list (清单式督办) ----

export const pointSource = z.enum(['opinion', 'commitment', 'finding', 'project']);
export type PointSource = z.infer<typeof pointSource>;
export const pointSourceLabel = {
  opinion: '审议意见',
  commitment: '询问承诺',
  finding: '检查发现问题',
  project: '项目问题',
} satisfies Record<PointSource, string>;

export const pointState = z.enum(['open', 'answered', 'solved', 'carried_over']);
export type PointState = z.infer<typeof pointState>;
export const pointStateLabel = {
  open: '整改中',
  answered: '已报送待认定',
  solved: '已解决（销号）',
  carried_over: '未解决，已转再审',
} satisfies Record<PointState, string>;
export const pointAction = z.enum(['answer', 'accept', 'sendBack', 'carryOver']);
export type PointAction = z.infer<typeof pointAction>;
export const pointActionLabel = {
  answer: '报送整改情况',
  accept: '认定已解决',
  sendBack: '认定未解决，退回继续整改',
  carryOver: '转入再审',
} satisfies Record<PointAction, string>;

/**
 * What an item's history and its audit trail call each step done on it: the stage moves, the points' steps
 * and the work inside the stages.
 */
export const supervisionItemEventLabel: Readonly<Record<string, string>> = {
  ...supervisionActionLabel,
  ...pointActionLabel,
  addItem: '列入计划',
  changeItem: '调整计划事项',
  addPoint: '列入督办清单',
  recordVisit: '登记代表参与',
  setStageDue: '调整阶段期限',
  addQuestion: '登记询问问题',
  gatherOpinion: '登记评议调查意见',
  answerQuestion: '记录询问答复',
  recordSatisfaction: '登记满意度测评结果',
  adopt: '计划通过',
  publish: '计划公布',
};

export const pointAnswerInput = z.object({ evidence: text('整改情况及佐证', 2, 4000) });
export const pointJudgeInput = z.object({ judgement: optionalText('认定意见', 1000) });
export const pointSendBackInput = z.object({ judgement: text('认定意见', 2, 1000) });
export type PointActionInputs = {
  answer: z.infer<typeof pointAnswerInput>;
  accept: z.infer<typeof pointJudgeInput>;
  sendBack: z.infer<typeof pointSendBackInput>;
  carryOver: Record<string, never>;
};
/** POST /api/supervision-points/:id/actions/<action> (carryOver is the system's, at a re-review). */
export const pointActions = defineActions<Exclude<PointAction, 'carryOver'>>('supervision-points', {
  answer: { input: pointAnswerInput, summary: '被监督单位报送整改情况及佐证' },
  accept: { input: pointJudgeInput, summary: '认定已解决（销号）' },
  sendBack: { input: pointSendBackInput, summary: '认定未解决，退回继续整改' },
});

export const pointInput = z.object({
  source: pointSource,
  content: text('问题（意见）内容', 2, 2000),
  /** Empty: the item's organ. */
  organUnitId: z.uuid().nullable().default(null),
  /** Empty: the default deadline from the deadline engine. */
  dueOn: isoDate.nullable().default(null),
});
export type PointInput = z.infer<typeof pointInput>;
/** Several points at once: a deliberation opinion split into its points. */
export const pointsInput = z.object({ points: z.array(pointInput).min(1, '请至少填写一个问题').max(100) });

export const supervisionPoint = z.object({
  id: z.string(),
  itemId: z.string(),
  itemSubject: z.string(),
  itemKindLabel: z.string(),
  number: z.string(),
  round: z.number().int(),
  source: pointSource,
  sourceLabel: z.string(),
  content: z.string(),
  organUnitId: z.string(),
  organName: z.string(),
  dueOn: z.string(),
  overdue: z.boolean(),
  state: pointState,
  stateLabel: z.string(),
  evidence: z.string().nullable(),
  answeredAt: z.string().nullable(),
  judgement: z.string().nullable(),
  judgedAt: z.string().nullable(),
  previousPointId: z.string().nullable(),
  previousNumber: z.string().nullable(),
  allowedActions: z.array(pointAction),
});
export type SupervisionPoint = z.infer<typeof supervisionPoint>;

export const pointQuery = pageQuery.extend({
  state: pointState.optional(),
  itemId: z.uuid().optional(),
  overdue: z.enum(['true', 'false']).optional(),
});
export type PointQuery = z.infer<typeof pointQuery>;

export const itemQuery = pageQuery.extend({
  bodyId: z.uuid().optional(),
  year: z.coerce.number().int().optional(),
  kind: supervisionKind.optional(),
  stage: supervisionStage.optional(),
  /** Items whose current stage is past its due date. */
  overdue: z.enum(['true', 'false']).optional(),
  q: z.string().trim().max(50).optional(),
});
export type ItemQuery = z.infer<typeof itemQuery>;

export const supervisionEvent = z.object({
  at: z.string(),
  action: z.string(),
  actionLabel: z.string(),
  fromStage: z.string().nullable(),
  toStage: z.string().nullable(),
  actorName: z.string().nullable(),
  note: z.string().nullable(),
});

export const supervisionItem = supervisionItemSummary.extend({
  planState,
  /**
   * The stages of the item's kind, each with the documents filed under it (uploads go to the current stage unless
   * staff choose) and the deputies who took part in it (代表参与).
   */
  stages: z.array(
    z.object({
      stage: supervisionStage,
      label: z.string(),
      done: z.boolean(),
      current: z.boolean(),
      documents: z.array(attachment),
      participations: z.array(supervisionParticipation),
      /** The current stage's due date; a later stage's when its rule counts from the meeting date. */
      dueOn: z.string().nullable(),
      /** The stage's rule (常委会会议前20自然日), when it has one. */
      dueRule: z.string().nullable(),
      overdue: z.boolean(),
    }),
  ),
  /** Why staff set the current stage's due date, when they did (otherwise the engine counted it). */
  stageDueReason: z.string().nullable(),
  /** Documents filed under no stage of the kind (uploaded before documents were kept by stage): 其他（未分阶段）. */
  otherDocuments: z.array(attachment),
  deputies: z.array(z.object({ id: z.string(), name: z.string() })),
  /** The agenda items of meetings (modules/meetings) about this item: where it is heard. */
  hearings: z.array(
    z.object({ agendaItemId: z.string(), agendaTitle: z.string(), meetingId: z.string(), meetingTitle: z.string(), startsOn: z.string() }),
  ),
  reports: z.array(supervisionReport),
  questions: z.array(supervisionQuestion),
  /** 评议调查意见 of a work evaluation. */
  gatheredOpinions: z.array(gatheredOpinion),
  points: z.array(supervisionPoint),
  events: z.array(supervisionEvent),
  /** The satisfaction votes, one per round, newest last. */
  evaluations: z.array(supervisionEvaluation),
  allowedActions: z.array(supervisionAction),
  /** What the actor may add at this stage: the page's forms. */
  canManage: z.boolean(),
  /** A deputy of the item in a visit stage (实地检查、调研) records their own visit from the phone. */
  canRecordOwnVisit: z.boolean(),
});
export type SupervisionItem = z.infer<typeof supervisionItem>;

// ---- joint meetings (联席会议) ----

export const jointMeetingInput = z.object({
  bodyId: z.uuid('请选择人大机关'),
  title: text('会议名称', 4, 80),
  heldOn: isoDate,
  place: optionalText('地点', 100),
  agenda: z
    .array(text('议程', 2, 200))
    .min(1, '请填写议程')
    .max(30),
  attendees: z
    .array(z.object({ name: text('姓名', 1, 40), unit: text('单位', 1, 60) }))
    .max(100)
    .default([]),
});
export type JointMeetingInput = z.infer<typeof jointMeetingInput>;
export const jointMeeting = z.object({
  id: z.string(),
  bodyId: z.string(),
  title: z.string(),
  heldOn: z.string(),
  place: z.string().nullable(),
  agenda: z.array(z.string()),
  attendees: z.array(z.object({ name: z.string(), unit: z.string() })),
});
export type JointMeeting = z.infer<typeof jointMeeting>;
