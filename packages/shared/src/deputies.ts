import { z } from 'zod';
import { deputyLoginsResult } from './admin.js';
import { bodyLevel } from './tenancy.js';
import { dayParam } from './fields.js';
import { pageQuery } from './pagination.js';
import { inOrder } from './range.js';
import { defineActions } from './workflow.js';

// ---- registry ----
export const deputyStatus = z.enum(['in_office', 'resigned', 'removed', 'deceased']);
export type DeputyStatus = z.infer<typeof deputyStatus>;
export const deputyStatusLabel = {
  in_office: '在任',
  resigned: '辞职',
  removed: '罢免',
  deceased: '去世',
} satisfies Record<DeputyStatus, string>;

/**
 * 常委会组成人员的职务: committee votes and the committee's quorum count on these members; null for a deputy
 * who is not a member of the standing committee.
 */
export const committeeRole = z.enum(['chair', 'vice_chair', 'secretary_general', 'member']);
export type CommitteeRole = z.infer<typeof committeeRole>;
export const committeeRoleLabel = {
  chair: '主任',
  vice_chair: '副主任',
  secretary_general: '秘书长',
  member: '委员',
} satisfies Record<CommitteeRole, string>;

export const gender = z.enum(['male', 'female']);
export type Gender = z.infer<typeof gender>;
export const genderLabel = { male: '男', female: '女' } satisfies Record<Gender, string>;

/** 届: written as the Chinese ordinal the congress uses, e.g. 第十届. */
export const term = z
  .string()
  .trim()
  .regex(/^第[一二三四五六七八九十]{1,3}届$/, '届次应写作“第十届”这样的格式');

const isoDate = z.iso.date();
const mobile = z
  .string()
  .trim()
  .regex(/^1\d{10}$/, '手机号应为 11 位数字');

export const commitment = z.object({
  year: z.number().int().min(2000).max(2100),
  text: z.string().trim().min(2, '承诺内容至少 2 个字').max(500, '承诺内容最多 500 字'),
});
export type Commitment = z.infer<typeof commitment>;

export const deputy = z.object({
  id: z.uuid(),
  bodyId: z.uuid(),
  bodyName: z.string(),
  level: bodyLevel,
  term: z.string(),
  name: z.string(),
  gender: gender.nullable(),
  ethnicity: z.string().nullable(),
  birthDate: z.string().nullable(),
  party: z.string().nullable(),
  occupation: z.string().nullable(),
  employer: z.string().nullable(),
  post: z.string().nullable(),
  constituency: z.string().nullable(),
  phone: z.string().nullable(),
  publicContact: z.string().nullable(),
  committeeRole: committeeRole.nullable(),
  status: deputyStatus,
  statusDate: z.string().nullable(),
  statusReason: z.string().nullable(),
  commitments: z.array(commitment),
  userId: z.uuid().nullable(),
  /** Other bodies where the same person is a deputy (五级代表联动). */
  otherLevels: z.array(z.object({ deputyId: z.uuid(), bodyName: z.string(), level: bodyLevel, term: z.string() })),
  publicCode: z.string(),
  /** The registry photo (JPG or PNG), served at /api/deputies/{id}/photo; null until one is uploaded. */
  photoId: z.uuid().nullable(),
  createdAt: z.iso.datetime(),
});
export type Deputy = z.infer<typeof deputy>;

export const deputyListItem = deputy.omit({ otherLevels: true, commitments: true }).extend({
  regionGroupName: z.string().nullable(),
});
export type DeputyListItem = z.infer<typeof deputyListItem>;

const optionalText = (max: number) => z.string().trim().max(max, `最多 ${max} 个字`).nullable().default(null);

export const deputyInput = z.object({
  bodyId: z.uuid('请选择所属人大'),
  term,
  name: z.string().trim().min(2, '姓名至少 2 个字').max(40, '姓名最多 40 个字'),
  gender: gender.nullable().default(null),
  ethnicity: optionalText(20),
  birthDate: isoDate.nullable().default(null),
  party: optionalText(20),
  occupation: optionalText(40),
  employer: optionalText(80),
  post: optionalText(80),
  constituency: optionalText(80),
  phone: mobile.nullable().default(null),
  publicContact: optionalText(200),
  committeeRole: committeeRole.nullable().default(null),
  /** 18-digit ID-card number; stored only as a hash that links the same person across levels. */
  idNumber: z
    .string()
    .trim()
    .regex(/^\d{17}[\dXx]$/, '身份证号应为 18 位')
    .nullable()
    .default(null),
  commitments: z.array(commitment).max(20).default([]),
  userId: z.uuid().nullable().default(null),
});
export type DeputyInput = z.infer<typeof deputyInput>;

export const deputyUpdateInput = deputyInput.omit({ bodyId: true, term: true }).partial();
export type DeputyUpdateInput = z.infer<typeof deputyUpdateInput>;

/** Status changes only through this verb, with the date it took effect (辞职、罢免、去世). */
export const deputyStatusInput = z.object({
  status: deputyStatus,
  date: isoDate,
  reason: z.string().trim().max(200).nullable().default(null),
});
export type DeputyStatusInput = z.infer<typeof deputyStatusInput>;

/**
 * Each status change is a verb of its own (辞职、罢免、去世, and reinstatement by correcting a wrongly
 * recorded resignation or removal), posted to /api/deputies/<id>/actions/<action> with its date.
 */
export const deputyStatusAction = z.enum(['resign', 'remove', 'recordDeath', 'reinstate']);
export type DeputyStatusAction = z.infer<typeof deputyStatusAction>;
export const deputyStatusActionLabel = {
  resign: '辞职',
  remove: '罢免',
  recordDeath: '去世',
  reinstate: '恢复在任',
} satisfies Record<DeputyStatusAction, string>;
/** The verb that leads to each status: what the status form posts for the status chosen. */
export const deputyStatusActionFor = {
  in_office: 'reinstate',
  resigned: 'resign',
  removed: 'remove',
  deceased: 'recordDeath',
} as const satisfies Record<DeputyStatus, DeputyStatusAction>;
export const deputyStatusChangeInput = deputyStatusInput.omit({ status: true });
export type DeputyStatusChangeInput = z.infer<typeof deputyStatusChangeInput>;
export const deputyActions = defineActions('deputies', {
  resign: { input: deputyStatusChangeInput, summary: '代表辞职（附生效日期）' },
  remove: { input: deputyStatusChangeInput, summary: '罢免代表（附生效日期和原因）' },
  recordDeath: { input: deputyStatusChangeInput, summary: '代表去世（附日期）' },
  reinstate: { input: deputyStatusChangeInput, summary: '恢复在任（更正误录的辞职或罢免，仅管理员，附原因）' },
} satisfies Record<DeputyStatusAction, unknown>);

export const deputySort = z.enum(['name', 'birthDate', 'createdAt']);
export const deputyQuery = pageQuery.extend({
  q: z.string().trim().max(40).optional(),
  bodyId: z.uuid().optional(),
  level: bodyLevel.optional(),
  term: z.string().trim().max(16).optional(),
  status: deputyStatus.optional(),
  groupId: z.uuid().optional(),
  gridCellId: z.uuid().optional(),
  sort: deputySort.default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export type DeputyQuery = z.infer<typeof deputyQuery>;

// ---- import ----
export const importRowError = z.object({ row: z.number().int(), column: z.string().nullable(), message: z.string() });
export type ImportRowError = z.infer<typeof importRowError>;
export const deputyImportPreview = z.object({
  rows: z.array(
    z.object({
      row: z.number().int(),
      name: z.string(),
      gender: z.string().nullable(),
      birthDate: z.string().nullable(),
      party: z.string().nullable(),
      employer: z.string().nullable(),
      constituency: z.string().nullable(),
      phone: z.string().nullable(),
      errors: z.array(z.string()),
    }),
  ),
  errors: z.array(importRowError),
  valid: z.number().int(),
  total: z.number().int(),
});
export type DeputyImportPreview = z.infer<typeof deputyImportPreview>;
/** With `openLogins`, the import also opened logins for the deputies it wrote, as 开通登录账号 does. */
export const deputyImportResult = z.object({ imported: z.number().int(), logins: deputyLoginsResult.optional() });
export type DeputyImportResult = z.infer<typeof deputyImportResult>;

// ---- groups and grid ----
export const groupKind = z.enum(['region', 'specialist']);
export type GroupKind = z.infer<typeof groupKind>;
export const groupKindLabel = { region: '代表小组', specialist: '专业小组' } satisfies Record<GroupKind, string>;

export const specialistField = z.enum(['economy', 'agriculture', 'legal', 'education', 'health', 'environment', 'urban', 'social']);
export type SpecialistField = z.infer<typeof specialistField>;
export const specialistFieldLabel = {
  economy: '财政经济',
  agriculture: '农业农村',
  legal: '法治建设',
  education: '教科文卫',
  health: '医疗卫生',
  environment: '生态环境',
  urban: '城乡建设',
  social: '社会建设',
} satisfies Record<SpecialistField, string>;

export const deputyRef = z.object({ id: z.uuid(), name: z.string() });

export const deputyGroup = z.object({
  id: z.uuid(),
  bodyId: z.uuid(),
  bodyName: z.string(),
  term: z.string(),
  kind: groupKind,
  name: z.string(),
  field: specialistField.nullable(),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  leader: deputyRef.nullable(),
  description: z.string().nullable(),
  memberCount: z.number().int(),
});
export type DeputyGroup = z.infer<typeof deputyGroup>;

export const deputyGroupDetail = deputyGroup.extend({ members: z.array(deputyRef.extend({ employer: z.string().nullable() })) });
export type DeputyGroupDetail = z.infer<typeof deputyGroupDetail>;

export const deputyGroupInput = z
  .object({
    bodyId: z.uuid('请选择所属人大'),
    term,
    kind: groupKind,
    name: z.string().trim().min(2, '名称至少 2 个字').max(60, '名称最多 60 个字'),
    field: specialistField.nullable().default(null),
    regionCode: z
      .string()
      .regex(/^\d{6,12}$/, '区划代码格式不正确')
      .nullable()
      .default(null),
    description: optionalText(500),
  })
  .refine((g) => g.kind !== 'specialist' || g.field, { message: '专业小组须选择专业领域', path: ['field'] });
export type DeputyGroupInput = z.infer<typeof deputyGroupInput>;

export const groupMembersInput = z.object({
  deputyIds: z.array(z.uuid()).max(500, '一次最多 500 人'),
  leaderId: z.uuid().nullable().default(null),
});
export type GroupMembersInput = z.infer<typeof groupMembersInput>;

export const groupQuery = pageQuery.extend({
  bodyId: z.uuid().optional(),
  term: z.string().trim().max(16).optional(),
  kind: groupKind.optional(),
});

export const gridCell = z.object({
  id: z.uuid(),
  bodyId: z.uuid(),
  regionCode: z.string(),
  name: z.string(),
  townshipName: z.string().nullable(),
  deputies: z.array(deputyRef),
});
export type GridCell = z.infer<typeof gridCell>;

export const gridCellInput = z.object({
  bodyId: z.uuid('请选择所属人大'),
  regionCode: z.string().regex(/^\d{12}$/, '网格须是村（社区），区划代码为 12 位'),
  deputyIds: z.array(z.uuid()).max(50).default([]),
});
export type GridCellInput = z.infer<typeof gridCellInput>;
export const gridCellQuery = pageQuery.extend({
  bodyId: z.uuid().optional(),
  townshipCode: z
    .string()
    .regex(/^\d{9}$/)
    .optional(),
});

// ---- duty log ----
export const dutyKind = z.enum([
  'voter_reception',
  'inspection',
  'research',
  'law_enforcement_check',
  'observing_meeting',
  'supervision_activity',
  'training',
  'public_service',
  'group_activity',
  'other',
]);
export type DutyKind = z.infer<typeof dutyKind>;
export const dutyKindLabel = {
  voter_reception: '接待选民',
  inspection: '视察',
  research: '调研',
  law_enforcement_check: '执法检查',
  observing_meeting: '列席常委会会议',
  supervision_activity: '参加监督活动',
  training: '培训',
  public_service: '为民办实事',
  group_activity: '小组活动',
  other: '其他',
} satisfies Record<DutyKind, string>;

export const dutySource = z.enum(['deputy', 'staff', 'station', 'contact', 'meeting', 'supervision']);
export const dutySourceLabel = {
  deputy: '代表登记',
  staff: '机关登记',
  station: '联络站接待',
  contact: '双联系',
  meeting: '会议签到',
  supervision: '监督工作',
} satisfies Record<z.infer<typeof dutySource>, string>;

export const dutyRecord = z.object({
  id: z.uuid(),
  bodyId: z.uuid(),
  kind: dutyKind,
  occurredOn: z.string(),
  place: z.string().nullable(),
  title: z.string(),
  description: z.string().nullable(),
  votersReceived: z.number().int(),
  gridCellId: z.uuid().nullable(),
  gridCellName: z.string().nullable(),
  source: dutySource,
  participants: z.array(deputyRef),
  recordedByName: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
export type DutyRecord = z.infer<typeof dutyRecord>;

export const dutyRecordInput = z.object({
  kind: dutyKind,
  occurredOn: isoDate,
  place: optionalText(120),
  title: z.string().trim().min(2, '标题至少 2 个字').max(80, '标题最多 80 个字'),
  description: optionalText(4000),
  votersReceived: z.number().int().min(0, '人数不能为负').max(100000).default(0),
  gridCellId: z.uuid().nullable().default(null),
  /** Staff record a group activity for many deputies at once; a deputy's own record names only them. */
  deputyIds: z.array(z.uuid()).min(1, '请至少选择一名参加代表').max(500, '一次最多 500 名代表'),
});
export type DutyRecordInput = z.infer<typeof dutyRecordInput>;

export const dutyQuery = inOrder(
  pageQuery.extend({
    deputyId: z.uuid().optional(),
    bodyId: z.uuid().optional(),
    kind: dutyKind.optional(),
    from: dayParam.optional(),
    to: dayParam.optional(),
  }),
);
export type DutyQuery = z.infer<typeof dutyQuery>;

// ---- 七个一 (seed 003) ----
export const sevenOnesKey = z.enum([
  'contactVoters',
  'collectOpinions',
  'suggestion',
  'governance',
  'solveProblem',
  'doGoodDeed',
  'attendActivities',
]);
export type SevenOnesKey = z.infer<typeof sevenOnesKey>;
export const sevenOnesLabel = {
  contactVoters: '联系身边一批群众',
  collectOpinions: '收集反映一批社情民意',
  suggestion: '提出一条以上有价值的意见建议',
  governance: '融入一项以上的基层治理工作',
  solveProblem: '帮助解决一个以上具体问题',
  doGoodDeed: '为群众办一件以上实事好事',
  attendActivities: '参加人大一系列工作活动',
} satisfies Record<SevenOnesKey, string>;

export const sevenOnesItem = z.object({
  key: sevenOnesKey,
  label: z.string(),
  /** How the count is made, in Chinese. */
  basis: z.string(),
  count: z.number().int().nullable(),
  target: z.number().int(),
  done: z.boolean(),
});
export type SevenOnesItem = z.infer<typeof sevenOnesItem>;
export const sevenOnes = z.object({ year: z.number().int(), items: z.array(sevenOnesItem), done: z.number().int() });
export type SevenOnes = z.infer<typeof sevenOnes>;

// ---- 量化考评 ----
export const assessmentWeight = z.object({
  kind: dutyKind,
  label: z.string(),
  points: z.number().int().min(0, '分值不能为负').max(100, '分值最多 100'),
  yearlyCap: z.number().int().min(0).max(1000).nullable(),
});
export type AssessmentWeight = z.infer<typeof assessmentWeight>;
export const assessmentWeightsInput = z.object({
  bodyId: z.uuid(),
  weights: z.array(assessmentWeight.omit({ label: true })).min(1),
});

export const assessmentRow = z.object({
  deputyId: z.uuid(),
  name: z.string(),
  score: z.number().int(),
  rank: z.number().int(),
  of: z.number().int(),
  counts: z.record(z.string(), z.number().int()),
});
export type AssessmentRow = z.infer<typeof assessmentRow>;
export const assessmentQuery = z.object({
  bodyId: z.uuid(),
  term: z.string().trim().max(16),
  year: z.coerce.number().int().min(2000).max(2100),
  groupId: z.uuid().optional(),
});
export const assessmentResult = z.object({
  year: z.number().int(),
  score: z.number().int(),
  rank: z.number().int(),
  of: z.number().int(),
  publishedAt: z.iso.datetime().nullable(),
  counts: z.record(z.string(), z.number().int()),
});
export type AssessmentResult = z.infer<typeof assessmentResult>;

// ---- 履职档案 ----
export const performanceQuery = inOrder(z.object({ from: isoDate, to: isoDate }));
/** A deputy's own file: the period defaults when left out. */
export const myPerformanceQuery = inOrder(z.object({ from: isoDate.optional(), to: isoDate.optional() }));
/** A part of the file another module contributes (e.g. 回选区述职 with the voters' ratings), as a titled table. */
export const performanceSection = z.object({
  key: z.string(),
  title: z.string(),
  summary: z.string(),
  header: z.array(z.string()),
  rows: z.array(z.array(z.string())),
});
export type PerformanceSection = z.infer<typeof performanceSection>;
/** A group as seen by one of its members. */
export const membership = z.object({ id: z.uuid(), name: z.string(), kind: groupKind, leader: z.boolean() });
export type Membership = z.infer<typeof membership>;

export const performanceFile = z.object({
  deputy,
  period: z.object({ from: z.string(), to: z.string() }),
  groups: z.array(membership),
  gridCells: z.array(z.object({ id: z.uuid(), name: z.string() })),
  countsByKind: z.array(z.object({ kind: dutyKind, label: z.string(), count: z.number().int() })),
  votersReceived: z.number().int(),
  records: z.array(dutyRecord.omit({ participants: true }).extend({ participantCount: z.number().int() })),
  recordsTotal: z.number().int(),
  sevenOnes,
  /** Score of the period's year under the weights in force, before any publication. */
  liveScore: z.number().int(),
  /** The published result of that year, when the body has published one. */
  assessment: assessmentResult.nullable(),
  /** Sections from other modules; absent when none has anything for the period. */
  sections: z.array(performanceSection).optional(),
});
export type PerformanceFile = z.infer<typeof performanceFile>;

// ---- public card ----
export const publicDeputyCard = z.object({
  name: z.string(),
  bodyName: z.string(),
  term: z.string(),
  post: z.string().nullable(),
  constituency: z.string().nullable(),
  publicContact: z.string().nullable(),
  /** Address of the deputy's photo, null when the registry has none. */
  photoUrl: z.string().nullable(),
  stations: z.array(z.object({ name: z.string(), address: z.string().nullable(), openingHours: z.string().nullable() })),
  commitments: z.array(z.object({ year: z.number().int(), text: z.string() })),
  thisYear: z.object({
    year: z.number().int(),
    activities: z.number().int(),
    votersReceived: z.number().int(),
    concernsHeard: z.number().int(),
    resolvedOnSite: z.number().int(),
    /** What the deputy did with the opinions sent to them (their QR code, or taken up by them). */
    opinionsReceived: z.number().int(),
    opinionsReplied: z.number().int(),
    opinionsSolved: z.number().int(),
    /** Suggestions and motions submitted this year that the deputy led, co-signed (confirmed), and of those whose reply was released. */
    suggestionsLed: z.number().int(),
    suggestionsCosigned: z.number().int(),
    suggestionsAnswered: z.number().int(),
  }),
  /** Up to five of this year's suggestions already on the public portal (/m/suggestions), newest reply first; never a confidential one. */
  publishedSuggestions: z.array(z.object({ title: z.string(), url: z.string() })),
  opinionLink: z.string(),
});
export type PublicDeputyCard = z.infer<typeof publicDeputyCard>;
