import { z } from 'zod';
import { pageQuery, sortOrder } from './pagination.js';
import { defineActions } from './workflow.js';

/**
 * 民生实事项目人大代表票决制 (module 5; seeds 001 丹江口, 002 秀洲, 003 雁江): a yearly cycle per congress
 * body, county and township alike (区镇全覆盖): solicit (征集) → screen into candidates (差额) → the deputies'
 * vote → announce → implement under deputies' supervision (一件一小组, 一季一督查, 年中人代会报告) → year-end
 * satisfaction vote (一年一测评).
 */

const isoDate = z.iso.date('日期格式不正确');
const text = (label: string, max: number) =>
  z.string(`请填写${label}`).trim().min(1, `请填写${label}`).max(max, `${label}最多 ${max} 个字`);
const optionalText = (max: number) => z.string().trim().max(max, `最多 ${max} 个字`).nullable().default(null);
export const livelihoodYear = z.coerce.number().int().min(2000, '年度不正确').max(2100, '年度不正确');

// ---- the cycle ----
export const cycleState = z.enum([
  'soliciting',
  'screening',
  'candidates_fixed',
  'voting',
  'announced',
  'implementing',
  'evaluating',
  'closed',
]);
export type CycleState = z.infer<typeof cycleState>;
export const cycleStateLabel = {
  soliciting: '征集中',
  screening: '筛选候选项目',
  candidates_fixed: '候选项目已确定',
  voting: '代表票决中',
  announced: '票决结果已公布',
  implementing: '项目实施中',
  evaluating: '年终测评中',
  closed: '已完成',
} satisfies Record<CycleState, string>;

export const cycleAction = z.enum([
  'closeSolicitation',
  'fixCandidates',
  'reopenScreening',
  'openVote',
  'announce',
  'startImplementation',
  'reportMidYear',
  'openEvaluation',
  'finishEvaluation',
]);
export type CycleAction = z.infer<typeof cycleAction>;
export const cycleActionLabel = {
  closeSolicitation: '结束征集',
  fixCandidates: '确定候选项目',
  reopenScreening: '重新筛选',
  openVote: '提交代表票决',
  announce: '公布票决结果',
  startImplementation: '进入实施',
  reportMidYear: '登记年中人代会报告',
  openEvaluation: '开始年终测评',
  finishEvaluation: '公布测评结果',
} satisfies Record<CycleAction, string>;

/** The deciding rule of the body (票决办法): how many votes a candidate needs, and where that is written. */
export const voteThreshold = z.enum(['more_than_half', 'two_thirds'], '请选择通过票数');
export type VoteThreshold = z.infer<typeof voteThreshold>;
export const voteThresholdLabel = {
  more_than_half: '过半数',
  two_thirds: '三分之二以上',
} satisfies Record<VoteThreshold, string>;

export const livelihoodSettings = z.object({
  bodyId: z.uuid(),
  /** Chosen: votes of more than half (or two thirds) of ALL deputies of the congress, then by rank up to the places. */
  voteThreshold,
  voteSource: z.string(),
  /** A project passes the year-end evaluation with 满意+基本满意 from more than half (two thirds) of the ballots cast. */
  evaluationThreshold: voteThreshold,
  evaluationSource: z.string(),
  /** The body the setting comes from (own, an upper body's, or null for the platform default). */
  setBy: z.uuid().nullable(),
  setByName: z.string().nullable(),
});
export type LivelihoodSettings = z.infer<typeof livelihoodSettings>;
export const livelihoodSettingsInput = z.object({
  voteThreshold,
  voteSource: text('规则依据', 200),
  evaluationThreshold: voteThreshold,
  evaluationSource: text('测评规则依据', 200),
});
export type LivelihoodSettingsInput = z.infer<typeof livelihoodSettingsInput>;

export const cycleInput = z.object({
  bodyId: z.uuid('请选择人大'),
  year: livelihoodYear,
  places: z.coerce.number('请填写项目数').int().min(1, '至少 1 项').max(50, '最多 50 项'),
  solicitUntil: isoDate.nullable().default(null),
});
export type CycleInput = z.infer<typeof cycleInput>;

export const cycleQuery = pageQuery.extend({
  year: livelihoodYear.optional(),
  bodyId: z.uuid().optional(),
  state: cycleState.optional(),
});
export type CycleQuery = z.infer<typeof cycleQuery>;

export const cycle = z.object({
  id: z.uuid(),
  bodyId: z.uuid(),
  bodyName: z.string(),
  bodyLevel: z.string(),
  year: z.number().int(),
  title: z.string(),
  places: z.number().int(),
  state: cycleState,
  stateLabel: z.string(),
  solicitUntil: z.string().nullable(),
  /** The random code in the solicitation QR (/m/livelihood?cycle=…). */
  publicCode: z.string(),
  voteId: z.uuid().nullable(),
  runoffVoteId: z.uuid().nullable(),
  evaluationVoteId: z.uuid().nullable(),
  midYearReport: z.string().nullable(),
  midYearReportedOn: z.string().nullable(),
  proposalCount: z.number().int(),
  candidateCount: z.number().int(),
  chosenCount: z.number().int(),
  completedCount: z.number().int(),
  budget: z.number(),
  allowedActions: z.array(cycleAction),
  createdAt: z.iso.datetime(),
});
export type Cycle = z.infer<typeof cycle>;

export const cycleDetail = cycle.extend({
  settings: livelihoodSettings,
  /** The rule as one Chinese sentence with its source, as the vote will use it. */
  ruleText: z.string(),
  evaluationRuleText: z.string(),
});
export type CycleDetail = z.infer<typeof cycleDetail>;

export const reportMidYearInput = z.object({ report: text('报告内容', 8000), reportedOn: isoDate });
/** The steps people take; announce and finishEvaluation are the system's, taken when a vote closes. */
export const cycleActions = defineActions('livelihood-cycles', {
  closeSolicitation: { input: z.object({}), summary: '结束征集，进入筛选' },
  fixCandidates: { input: z.object({}), summary: '确定候选项目（候选数须多于票决项目数）' },
  reopenScreening: { input: z.object({ reason: text('理由', 500).optional() }), summary: '退回重新筛选候选项目' },
  openVote: { input: z.object({}), summary: '提交代表大会票决（建立投票）' },
  startImplementation: { input: z.object({}), summary: '进入实施（每个项目须已组建代表监督小组）' },
  reportMidYear: { input: reportMidYearInput, summary: '登记政府向年中人代会的实施情况报告' },
  openEvaluation: { input: z.object({}), summary: '开始年终满意度测评（建立投票）' },
});
export type CycleActionInput = { reason?: string; report?: string; reportedOn?: string };

// ---- proposals (征集) ----
export const proposalSource = z.enum(['citizen', 'opinion', 'deputy', 'unit', 'staff']);
export type ProposalSource = z.infer<typeof proposalSource>;
export const proposalSourceLabel = {
  citizen: '群众扫码提出',
  opinion: '群众意见转入',
  deputy: '代表提出',
  unit: '部门提出',
  staff: '工作人员登记',
} satisfies Record<ProposalSource, string>;

export const proposalState = z.enum(['submitted', 'adopted', 'merged', 'declined']);
export type ProposalState = z.infer<typeof proposalState>;
export const proposalStateLabel = {
  submitted: '待筛选',
  adopted: '已列为候选项目',
  merged: '已合并',
  declined: '未采纳',
} satisfies Record<ProposalState, string>;
export const proposalAction = z.enum(['adopt', 'merge', 'decline']);
export type ProposalAction = z.infer<typeof proposalAction>;
export const proposalActionLabel = {
  adopt: '列为候选项目',
  merge: '合并到其他建议',
  decline: '不予采纳',
} satisfies Record<ProposalAction, string>;

export const livelihoodCategory = z.enum([
  'education',
  'health',
  'elderly',
  'transport',
  'water',
  'housing',
  'environment',
  'culture',
  'other',
]);
export type LivelihoodCategory = z.infer<typeof livelihoodCategory>;
export const livelihoodCategoryLabel = {
  education: '教育',
  health: '医疗卫生',
  elderly: '养老托育',
  transport: '交通出行',
  water: '供水排水',
  housing: '老旧小区与住房',
  environment: '生态环境',
  culture: '文化体育',
  other: '其他',
} satisfies Record<LivelihoodCategory, string>;

export const proposalInput = z.object({
  cycleId: z.uuid('请选择票决年度'),
  title: text('项目名称', 100),
  content: text('项目内容', 4000),
  location: optionalText(200),
  category: livelihoodCategory.default('other'),
});
export type ProposalInput = z.infer<typeof proposalInput>;

export const proposalFromOpinionInput = z.object({
  cycleId: z.uuid('请选择票决年度'),
  opinionId: z.uuid('请选择群众意见'),
  title: text('项目名称', 100),
  category: livelihoodCategory.default('other'),
});
export type ProposalFromOpinionInput = z.infer<typeof proposalFromOpinionInput>;

export const classifyInput = z.object({ category: livelihoodCategory });

export const proposalActionInputs = {
  adopt: z.object({ projectId: z.uuid('请选择候选项目') }),
  merge: z.object({ intoId: z.uuid('请选择合并到的建议') }),
  decline: z.object({ reason: text('不予采纳的理由', 500) }),
};
export const proposalActions = defineActions('livelihood-proposals', {
  adopt: { input: proposalActionInputs.adopt, summary: '列入候选项目（归入一个候选项目）' },
  merge: { input: proposalActionInputs.merge, summary: '与相同内容的建议合并' },
  decline: { input: proposalActionInputs.decline, summary: '不予采纳（写明理由）' },
});
export type ProposalActionInput = { projectId?: string; intoId?: string; reason?: string };

export const proposalQuery = pageQuery.extend({
  cycleId: z.uuid().optional(),
  state: proposalState.optional(),
  source: proposalSource.optional(),
  category: livelihoodCategory.optional(),
  q: z.string().trim().max(40).optional(),
});
export type ProposalQuery = z.infer<typeof proposalQuery>;

export const proposal = z.object({
  id: z.uuid(),
  cycleId: z.uuid(),
  bodyName: z.string(),
  year: z.number().int(),
  source: proposalSource,
  sourceLabel: z.string(),
  title: z.string(),
  content: z.string(),
  location: z.string().nullable(),
  category: livelihoodCategory,
  proposerName: z.string().nullable(),
  trackingCode: z.string().nullable(),
  opinionId: z.uuid().nullable(),
  state: proposalState,
  stateLabel: z.string(),
  mergedIntoId: z.uuid().nullable(),
  projectId: z.uuid().nullable(),
  projectName: z.string().nullable(),
  declineReason: z.string().nullable(),
  allowedActions: z.array(proposalAction),
  createdAt: z.iso.datetime(),
});
export type Proposal = z.infer<typeof proposal>;

// ---- candidates and projects ----
export const projectState = z.enum(['candidate', 'chosen', 'not_chosen', 'completed', 'rectifying', 'satisfied']);
export type ProjectState = z.infer<typeof projectState>;
export const projectStateLabel = {
  candidate: '候选项目',
  chosen: '票决选中·实施中',
  not_chosen: '未选中',
  completed: '已报完成',
  rectifying: '测评未通过·整改中',
  satisfied: '测评通过',
} satisfies Record<ProjectState, string>;
export const projectAction = z.enum(['choose', 'drop', 'reportCompletion', 'pass', 'rectify', 'reportRectified']);
export type ProjectAction = z.infer<typeof projectAction>;
export const projectActionLabel = {
  choose: '票决选中',
  drop: '票决未选中',
  reportCompletion: '报告完成情况',
  pass: '测评通过',
  rectify: '退回整改',
  reportRectified: '报告整改情况',
} satisfies Record<ProjectAction, string>;

const money = z.coerce.number('请填写预算').min(0, '预算不能为负').max(10_000_000, '预算过大');
export const candidateInput = z.object({
  cycleId: z.uuid('请选择票决年度'),
  name: text('项目名称', 100),
  content: text('项目内容', 4000),
  location: text('实施地点', 200),
  regionCode: z
    .string()
    .regex(/^\d{6,12}$/, '请选择所在区域')
    .nullable()
    .default(null),
  /** 万元. */
  budget: money,
  unitId: z.uuid('请选择责任单位'),
  target: text('完成目标', 1000),
  dueOn: isoDate,
  category: livelihoodCategory.default('other'),
  proposalIds: z.array(z.uuid()).max(50).default([]),
});
export type CandidateInput = z.infer<typeof candidateInput>;
export const candidateUpdate = candidateInput.omit({ cycleId: true, proposalIds: true });
export type CandidateUpdate = z.infer<typeof candidateUpdate>;

export const completionInput = z.object({ report: text('完成情况报告', 8000), completedOn: isoDate });
export const projectActions = defineActions('livelihood-projects', {
  reportCompletion: { input: completionInput, summary: '责任单位报告项目完成情况' },
  reportRectified: { input: completionInput, summary: '责任单位报告测评后整改情况' },
});
export type ProjectActionInput = { report?: string; completedOn?: string };

export const projectSort = z.enum(['name', 'budget', 'progress', 'votes', 'dueOn']);
export const projectQuery = pageQuery.extend({
  cycleId: z.uuid().optional(),
  year: livelihoodYear.optional(),
  bodyId: z.uuid().optional(),
  state: projectState.optional(),
  /** Only the projects chosen by the vote (whatever they became after). */
  chosen: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  category: livelihoodCategory.optional(),
  q: z.string().trim().max(40).optional(),
  sort: projectSort.optional(),
  order: sortOrder,
});
export type ProjectQuery = z.infer<typeof projectQuery>;

export const project = z.object({
  id: z.uuid(),
  cycleId: z.uuid(),
  bodyId: z.uuid(),
  bodyName: z.string(),
  year: z.number().int(),
  name: z.string(),
  content: z.string(),
  location: z.string(),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  budget: z.number(),
  unitId: z.uuid(),
  unitName: z.string(),
  target: z.string(),
  dueOn: z.string(),
  category: livelihoodCategory,
  state: projectState,
  stateLabel: z.string(),
  /** Votes for it in the deputies' vote (run-off included), and its rank among the chosen. */
  votes: z.number().int().nullable(),
  rank: z.number().int().nullable(),
  progress: z.number().int(),
  /** 满意+基本满意 share of the ballots cast in the year-end evaluation, in percent. */
  satisfaction: z.number().nullable(),
  completedOn: z.string().nullable(),
  allowedActions: z.array(projectAction),
});
export type Project = z.infer<typeof project>;

export const groupMember = z.object({ deputyId: z.uuid(), name: z.string(), leader: z.boolean() });
export const milestone = z.object({
  id: z.uuid(),
  title: z.string(),
  dueOn: z.string(),
  doneOn: z.string().nullable(),
});
export type Milestone = z.infer<typeof milestone>;
export const inspection = z.object({
  id: z.uuid(),
  quarter: z.number().int(),
  inspectedOn: z.string(),
  progress: z.number().int(),
  findings: z.string(),
  problems: z.string().nullable(),
  recordedByName: z.string().nullable(),
});
export type Inspection = z.infer<typeof inspection>;

export const projectDetail = project.extend({
  group: z.array(groupMember),
  milestones: z.array(milestone),
  inspections: z.array(inspection),
  completionReport: z.string().nullable(),
  proposals: z.array(z.object({ id: z.uuid(), title: z.string(), sourceLabel: z.string() })),
  /** Whether the signed-in user may record an inspection (staff, or a deputy of the group). */
  canInspect: z.boolean(),
  canManage: z.boolean(),
});
export type ProjectDetail = z.infer<typeof projectDetail>;

export const groupInput = z
  .object({
    deputyIds: z.array(z.uuid()).min(1, '请至少选择一名代表').max(15, '监督小组最多 15 人'),
    leaderId: z.uuid('请选择组长'),
  })
  .refine((g) => g.deputyIds.includes(g.leaderId), { message: '组长须是小组成员', path: ['leaderId'] });
export type GroupInput = z.infer<typeof groupInput>;
export const milestoneInput = z.object({ title: text('节点名称', 100), dueOn: isoDate });
export type MilestoneInput = z.infer<typeof milestoneInput>;
export const milestoneDoneInput = z.object({ doneOn: isoDate });
export const inspectionInput = z.object({
  inspectedOn: isoDate,
  progress: z.coerce.number('请填写进度').int().min(0, '进度在 0 到 100 之间').max(100, '进度在 0 到 100 之间'),
  findings: text('督查情况', 4000),
  problems: optionalText(4000),
  /** The problems to rectify: each becomes a follow-up task of the responsible unit (followups.ts). */
  tasks: z.array(text('整改任务', 500)).max(20).default([]),
});
export type InspectionInput = z.infer<typeof inspectionInput>;

// ---- figures and the public portal ----
export const livelihoodFiguresQuery = z.object({ year: livelihoodYear.optional() });
export const livelihoodFigures = z.object({
  year: z.number().int(),
  bodies: z.array(
    z.object({
      bodyId: z.uuid(),
      bodyName: z.string(),
      level: z.string(),
      state: cycleState.nullable(),
      candidates: z.number().int(),
      chosen: z.number().int(),
      completed: z.number().int(),
      budget: z.number(),
      averageProgress: z.number(),
      passed: z.number().int(),
      rectifying: z.number().int(),
    }),
  ),
  /** 区镇全覆盖: townships (and sub-districts) in scope, and how many run a cycle this year. */
  townships: z.object({ total: z.number().int(), running: z.number().int(), share: z.number() }),
});
export type LivelihoodFigures = z.infer<typeof livelihoodFigures>;

export const publicProposalInput = z.object({
  cycle: z.string().min(8).max(32),
  title: text('项目名称', 100),
  content: z.string().trim().min(10, '内容至少 10 个字').max(2000, '内容最多 2000 个字'),
  location: optionalText(200),
  name: z.string().trim().max(40).nullable().default(null),
  phone: z
    .string()
    .trim()
    .regex(/^1\d{10}$/, '手机号应为 11 位数字')
    .nullable()
    .default(null),
  clientToken: z.string().min(8).max(64),
});
export type PublicProposalInput = z.infer<typeof publicProposalInput>;

export const publicCycleForm = z.object({
  bodyName: z.string(),
  year: z.number().int(),
  title: z.string(),
  open: z.boolean(),
  solicitUntil: z.string().nullable(),
});
export type PublicCycleForm = z.infer<typeof publicCycleForm>;
export const publicProposalView = z.object({
  trackingCode: z.string(),
  title: z.string(),
  bodyName: z.string(),
  year: z.number().int(),
  stateLabel: z.string(),
  projectName: z.string().nullable(),
  projectStateLabel: z.string().nullable(),
  submittedAt: z.iso.datetime(),
});
export type PublicProposalView = z.infer<typeof publicProposalView>;

export const publicProject = z.object({
  id: z.uuid(),
  name: z.string(),
  content: z.string(),
  location: z.string(),
  regionName: z.string().nullable(),
  budget: z.number(),
  unitName: z.string(),
  target: z.string(),
  dueOn: z.string(),
  stateLabel: z.string(),
  chosen: z.boolean(),
  votes: z.number().int().nullable(),
  rank: z.number().int().nullable(),
  progress: z.number().int(),
  lastInspectedOn: z.string().nullable(),
  satisfaction: z.number().nullable(),
});
export type PublicProject = z.infer<typeof publicProject>;
export const publicCycle = z.object({
  id: z.uuid(),
  bodyName: z.string(),
  year: z.number().int(),
  title: z.string(),
  state: cycleState,
  stateLabel: z.string(),
  places: z.number().int(),
  ruleText: z.string(),
  evaluationRuleText: z.string(),
  /** Deputies who could vote and ballots cast, once the result is announced. */
  electorateSize: z.number().int().nullable(),
  ballotsCast: z.number().int().nullable(),
  /** The cycle's announced votes, each with its anonymous ballot list anyone can recount (/votes/:id/verify). */
  ballotLists: z.array(z.object({ label: z.string(), voteId: z.uuid() })),
  projects: z.array(publicProject),
});
export type PublicCycle = z.infer<typeof publicCycle>;
export const publicCycleSummary = z.object({
  id: z.uuid(),
  bodyName: z.string(),
  regionCode: z.string(),
  level: z.string(),
  year: z.number().int(),
  stateLabel: z.string(),
  chosen: z.number().int(),
  completed: z.number().int(),
  averageProgress: z.number(),
});
export type PublicCycleSummary = z.infer<typeof publicCycleSummary>;
