import { z } from 'zod';
import { defineActions } from './workflow.js';
import { dayParam } from './fields.js';
import { pageQuery } from './pagination.js';
import { inOrder } from './range.js';

/** 建议 (suggestion, criticism and opinion) or 议案 (motion). */
export const suggestionKind = z.enum(['suggestion', 'motion']);
export type SuggestionKind = z.infer<typeof suggestionKind>;
export const suggestionKindLabel = {
  suggestion: '建议',
  motion: '议案',
} satisfies Record<SuggestionKind, string>;

/** Submitted during the congress session or between sessions. */
export const suggestionPeriod = z.enum(['session', 'between_sessions']);
export type SuggestionPeriod = z.infer<typeof suggestionPeriod>;
export const suggestionPeriodLabel = {
  session: '大会期间',
  between_sessions: '闭会期间',
} satisfies Record<SuggestionPeriod, string>;

export const suggestionState = z.enum([
  'draft',
  'submitted',
  'returned',
  'merged',
  'accepted',
  'assigned',
  'reassignment_requested',
  'handling',
  'replied',
  'reply_released',
  'rated',
  'rehandling',
  'closed',
]);
export type SuggestionState = z.infer<typeof suggestionState>;
export const suggestionStateLabel = {
  draft: '草稿',
  submitted: '已提交',
  returned: '已退回',
  merged: '已并案',
  accepted: '已受理',
  assigned: '已交办',
  reassignment_requested: '申请调整',
  handling: '办理中',
  replied: '已答复待审',
  reply_released: '答复已发',
  rated: '已测评',
  rehandling: '重新办理',
  closed: '已办结',
} satisfies Record<SuggestionState, string>;

export const suggestionAction = z.enum([
  'confirmCosign',
  'declineCosign',
  'submit',
  'accept',
  'register',
  'convert',
  'return',
  'merge',
  'assign',
  'signFor',
  'requestReassignment',
  'decideReassignment',
  'contact',
  'jointOpinion',
  'waiveJointOpinion',
  'requestExtension',
  'decideExtension',
  'reply',
  'release',
  'rejectReply',
  'rate',
  'reopen',
  'close',
  'markKey',
  'keyReview',
  'keyComment',
  'keyVote',
]);
export type SuggestionAction = z.infer<typeof suggestionAction>;
export const suggestionActionLabel = {
  confirmCosign: '确认联名',
  declineCosign: '拒绝联名',
  submit: '提交',
  accept: '受理',
  register: '议案立案',
  convert: '议案转为建议',
  return: '退回代表',
  merge: '并案',
  assign: '交办',
  signFor: '签收',
  requestReassignment: '申请调整承办单位',
  decideReassignment: '审定调整申请',
  contact: '记录联系代表（三个面对面）',
  jointOpinion: '提交会办意见',
  waiveJointOpinion: '免除等待会办意见',
  requestExtension: '申请延期',
  decideExtension: '审批延期',
  reply: '答复代表',
  release: '审核发出答复',
  rejectReply: '退回答复重办',
  rate: '满意度测评',
  reopen: '重新办理',
  close: '办结',
  markKey: '列为重点建议',
  keyReview: '记录四方会审',
  keyComment: '领衔代表点评',
  keyVote: '常委会满意度测评',
} satisfies Record<SuggestionAction, string>;

/**
 * The result category the unit marks on its reply (办理结果分类). Each congress names its own scheme
 * of two to four categories, A first (suggestion settings, `replyCategories`); these are the
 * default labels, and D exists only in schemes that use four.
 */
export const replyCategory = z.enum(['A', 'B', 'C', 'D'], '请选择办理结果类别');
export type ReplyCategory = z.infer<typeof replyCategory>;
export const replyCategoryLabel = {
  A: '已解决或基本解决',
  B: '正在解决或列入计划解决',
  C: '因条件限制留作参考',
  D: '其他',
} satisfies Record<ReplyCategory, string>;

/** One category of a body's scheme, with the label its letters, forms and statistics show. */
export const replyCategoryOption = z.object({
  code: replyCategory,
  label: z.string().trim().min(2, '类别名称至少 2 个字').max(40, '类别名称不能超过 40 个字'),
});
export type ReplyCategoryOption = z.infer<typeof replyCategoryOption>;
/** The scheme used where a body (or a body above it) set none: A/B/C, as in most provincial rules. */
export const defaultReplyCategories: ReplyCategoryOption[] = (['A', 'B', 'C'] as const).map((code) => ({
  code,
  label: replyCategoryLabel[code],
}));

/** 联名 items: one reply letter naming the lead and every co-signer, or one letter to each deputy. */
export const replyLetterMode = z.enum(['named', 'each']);
export type ReplyLetterMode = z.infer<typeof replyLetterMode>;
export const replyLetterModeLabel = {
  named: '一封答复函，列明领衔代表和全体联名代表',
  each: '领衔代表和每位联名代表各一封答复函',
} satisfies Record<ReplyLetterMode, string>;

export const rating = z.enum(['satisfied', 'basically_satisfied', 'dissatisfied']);
export type Rating = z.infer<typeof rating>;
export const ratingLabel = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  dissatisfied: '不满意',
} satisfies Record<Rating, string>;

export const assignmentRole = z.enum(['lead', 'joint', 'separate']);
export type AssignmentRole = z.infer<typeof assignmentRole>;
export const assignmentRoleLabel = {
  lead: '主办',
  joint: '会办',
  separate: '分别办理',
} satisfies Record<AssignmentRole, string>;

/**
 * How an item is handed out: one lead unit with joint units that send it their opinions (主办、会办), or
 * several units each handling and answering their own part (分别办理).
 */
export const handlingMode = z.enum(['lead_joint', 'separate']);
export type HandlingMode = z.infer<typeof handlingMode>;
export const handlingModeLabel = {
  lead_joint: '主办、会办',
  separate: '分别办理',
} satisfies Record<HandlingMode, string>;

export const assignmentState = z.enum([
  'assigned',
  'signed_for',
  'reassignment_requested',
  'withdrawn',
  'opinion_sent',
  'opinion_waived',
  'replied',
  // 分别办理: a part's reply released to the deputy, then rated by them.
  'released',
  'rated',
]);
export type AssignmentState = z.infer<typeof assignmentState>;
export const assignmentStateLabel = {
  assigned: '待签收',
  signed_for: '已签收',
  reassignment_requested: '申请调整',
  withdrawn: '已撤回',
  opinion_sent: '已提交会办意见',
  opinion_waived: '逾期未提交，已免除等待',
  replied: '已答复',
  released: '答复已发出',
  rated: '代表已测评',
} satisfies Record<AssignmentState, string>;

/** 三个面对面: contact with the deputy before, during and after handling. */
export const contactStage = z.enum(['before', 'during', 'after']);
export type ContactStage = z.infer<typeof contactStage>;
export const contactStageLabel = {
  before: '办前',
  during: '办中',
  after: '办后',
} satisfies Record<ContactStage, string>;

export const contactMethod = z.enum(['face_to_face', 'phone', 'site_visit', 'meeting']);
export type ContactMethod = z.infer<typeof contactMethod>;
export const contactMethodLabel = {
  face_to_face: '当面沟通',
  phone: '电话沟通',
  site_visit: '实地察看',
  meeting: '座谈会',
} satisfies Record<ContactMethod, string>;

export const suggestionField = z.enum(['economy', 'urban', 'education', 'health', 'social', 'environment', 'agriculture', 'law', 'other']);
export type SuggestionField = z.infer<typeof suggestionField>;
export const suggestionFieldLabel = {
  economy: '经济发展',
  urban: '城乡建设',
  education: '教育科技',
  health: '医疗卫生',
  social: '社会民生',
  environment: '生态环境',
  agriculture: '农业农村',
  law: '民主法治',
  other: '其他',
} satisfies Record<SuggestionField, string>;

export const extensionState = z.enum(['pending', 'approved', 'refused', 'lapsed']);
export type ExtensionState = z.infer<typeof extensionState>;
export const extensionStateLabel = {
  pending: '待审批',
  approved: '已批准',
  refused: '不予批准',
  lapsed: '已答复，无需审批',
} satisfies Record<ExtensionState, string>;

// ---------- payloads ----------
const text = (label: string, min: number, max: number) =>
  z.string().trim().min(min, `${label}至少 ${min} 个字`).max(max, `${label}不能超过 ${max} 个字`);
const reason = text('理由', 2, 500);

export const suggestionSession = z.object({
  id: z.uuid(),
  bodyId: z.uuid(),
  name: z.string(),
  year: z.number().int(),
  startsOn: z.string(),
  endsOn: z.string(),
});
export type SuggestionSession = z.infer<typeof suggestionSession>;

export const suggestionSessionInput = inOrder(
  z.object({
    bodyId: z.uuid('请选择人大机关'),
    name: text('会议名称', 4, 80),
    year: z.number().int().min(1990).max(2100),
    startsOn: z.iso.date('请填写开幕日期'),
    endsOn: z.iso.date('请填写闭幕日期'),
  }),
  'startsOn',
  'endsOn',
);
export type SuggestionSessionInput = z.infer<typeof suggestionSessionInput>;

export const suggestionDraftInput = z.object({
  kind: suggestionKind.default('suggestion'),
  period: suggestionPeriod,
  sessionId: z.uuid().nullable().default(null),
  title: text('标题', 6, 120).refine((t) => t.startsWith('关于'), '标题一般以“关于”开头，如：关于加快老旧小区加装电梯的建议'),
  content: text('内容', 20, 20_000),
  field: suggestionField.default('other'),
  /** The deputies asked to co-sign (联名); each confirms on their own. */
  cosignerIds: z.array(z.uuid()).max(50, '联名代表不能超过 50 人').default([]),
  /** Citizens' opinions the suggestion grew from. */
  opinionIds: z.array(z.uuid()).max(50).default([]),
  /** 保密: the handling units see no name or contact of the deputies; staff do, and the reply still reaches them. */
  confidential: z.boolean().default(false),
});
export type SuggestionDraftInput = z.infer<typeof suggestionDraftInput>;

export const acceptInput = z.object({ disclose: z.boolean().default(true) });
export const returnInput = z.object({ reason });
export const mergeInput = z.object({ targetId: z.uuid('请选择并入的建议'), reason: reason.optional() });

export const assignInput = z
  .object({
    mode: handlingMode.default('lead_joint'),
    leadUnitId: z.uuid('请选择主办单位').nullable().default(null),
    jointUnitIds: z.array(z.uuid()).max(10, '会办单位不能超过 10 个').default([]),
    /** 分别办理: the units that each handle and answer their own part. */
    separateUnitIds: z.array(z.uuid()).max(10, '分别办理的单位不能超过 10 个').default([]),
    /** Complex items (涉及面广、处理难度大) get the longer legal deadline. */
    complex: z.boolean().default(false),
    note: z.string().trim().max(500).nullable().default(null),
  })
  .superRefine((d, ctx) => {
    if (d.mode === 'lead_joint' && !d.leadUnitId) ctx.addIssue({ code: 'custom', path: ['leadUnitId'], message: '请选择主办单位' });
    if (d.mode === 'separate' && new Set(d.separateUnitIds).size < 2)
      ctx.addIssue({ code: 'custom', path: ['separateUnitIds'], message: '分别办理须选择两个以上承办单位' });
  });
export type AssignInput = z.infer<typeof assignInput>;

export const reassignmentRequestInput = z.object({ reason });
export const reassignmentDecisionInput = z
  .object({
    assignmentId: z.uuid(),
    approve: z.boolean(),
    newUnitId: z.uuid().nullable().default(null),
    note: z.string().trim().max(500).nullable().default(null),
  })
  .refine((d) => !d.approve || d.newUnitId, { message: '同意调整时须选择新的承办单位', path: ['newUnitId'] });
export type ReassignmentDecisionInput = z.infer<typeof reassignmentDecisionInput>;

export const contactInput = z.object({
  stage: contactStage,
  method: contactMethod,
  contactedOn: z.iso.date('请填写联系日期'),
  summary: text('沟通情况', 5, 2000),
  deputyView: z.string().trim().max(1000).nullable().default(null),
});
export type ContactInput = z.infer<typeof contactInput>;

export const jointOpinionInput = z.object({ content: text('会办意见', 10, 10_000) });
/** Staff let the lead unit reply without a joint unit that is past its deadline, for a recorded reason. */
export const waiveJointOpinionInput = z.object({ assignmentId: z.uuid('请选择逾期的会办单位'), reason });

export const extensionRequestInput = z.object({
  months: z.number().int().min(1, '至少延期 1 个月').max(3, '延期不能超过 3 个月'),
  reason,
});
export const extensionDecisionInput = z.object({
  extensionId: z.uuid(),
  approve: z.boolean(),
  note: z.string().trim().max(500).nullable().default(null),
});

export const replyInput = z.object({
  category: replyCategory,
  content: text('答复内容', 20, 20_000),
  signer: text('签发人', 2, 40),
  contactPerson: text('联系人', 2, 40),
  contactPhone: z.string().trim().min(5, '请填写联系电话').max(20),
});
export type ReplyInput = z.infer<typeof replyInput>;

/** `replyId` picks one unit's reply of a 分别办理 item (the oldest awaiting by default). */
const whichReply = z.uuid('请选择答复').optional();
export const releaseInput = z.object({ replyId: whichReply });
export const rejectReplyInput = z.object({ reason, replyId: whichReply });
export const rateInput = z.object({ rating, comment: z.string().trim().max(1000).nullable().default(null), replyId: whichReply });
export type RateInput = z.infer<typeof rateInput>;
export const reopenInput = z.object({ reason });
export const closeInput = z.object({ note: z.string().trim().max(500).nullable().default(null) });

/** 领办: a government leader (name and post, no account); 督办: a congress leader's account, who then follows the item. */
export const markKeyInput = z.object({
  leadOfficial: text('领办领导', 2, 60),
  supervisorUserId: z.uuid('请选择督办的常委会领导'),
});
export type MarkKeyInput = z.infer<typeof markKeyInput>;
/** A congress leader (role leader) of the item's congress who may supervise (督办) a key suggestion. */
export const supervisorCandidate = z.object({ id: z.uuid(), name: z.string() });
export type SupervisorCandidate = z.infer<typeof supervisorCandidate>;
export const keyReviewInput = z.object({
  heldOn: z.iso.date('请填写会审日期'),
  place: text('地点', 2, 100),
  deputySide: text('代表方', 2, 200),
  unitSide: text('承办单位方', 2, 200),
  governmentSide: text('政府方', 2, 200),
  congressSide: text('人大方', 2, 200),
  conclusion: text('会审意见', 5, 4000),
});
export type KeyReviewInput = z.infer<typeof keyReviewInput>;
export const keyCommentInput = z.object({ comment: text('点评', 5, 2000) });
export const keyVoteInput = z.object({
  satisfied: z.number().int().min(0),
  basicallySatisfied: z.number().int().min(0),
  dissatisfied: z.number().int().min(0),
  votedOn: z.iso.date(),
});

// ---------- views ----------
export const suggestionListItem = z.object({
  id: z.uuid(),
  bodyId: z.uuid(),
  bodyName: z.string(),
  kind: suggestionKind,
  period: suggestionPeriod,
  sessionId: z.uuid().nullable(),
  sessionName: z.string().nullable(),
  number: z.number().int().nullable(),
  numberLabel: z.string().nullable(),
  title: z.string(),
  field: suggestionField,
  state: suggestionState,
  leadDeputyName: z.string(),
  cosignerCount: z.number().int(),
  leadUnitName: z.string().nullable(),
  isKey: z.boolean(),
  replyCategory: replyCategory.nullable(),
  rating: rating.nullable(),
  dueAt: z.iso.datetime().nullable(),
  overdue: z.boolean(),
  submittedAt: z.iso.datetime().nullable(),
  updatedAt: z.iso.datetime(),
});
export type SuggestionListItem = z.infer<typeof suggestionListItem>;

const suggestionFilters = z.object({
  q: z.string().trim().max(60).optional(),
  state: suggestionState.optional(),
  kind: suggestionKind.optional(),
  period: suggestionPeriod.optional(),
  sessionId: z.uuid().optional(),
  bodyId: z.uuid().optional(),
  unitId: z.uuid().optional(),
  field: suggestionField.optional(),
  isKey: z.enum(['true', 'false']).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  replyCategory: replyCategory.optional(),
  /** Key suggestions the acting leader supervises (我督办的). */
  supervisedByMe: z.enum(['true', 'false']).optional(),
  /** What waits on someone (the workbench's entries open the list with it). */
  awaiting: z.enum(['reassignment', 'extension', 'cosign', 'rating']).optional(),
  /** `number`: the register's order by suggestion number (按编号); the most recently changed first otherwise. */
  sort: z.enum(['number']).optional(),
  /** Submitted on or after / on or before, China dates. */
  from: dayParam.optional(),
  to: dayParam.optional(),
});
export const suggestionQuery = inOrder(pageQuery.extend(suggestionFilters.shape));
export type SuggestionQuery = z.infer<typeof suggestionQuery>;
/** The export takes the list's filters without its paging. */
export const suggestionFilterQuery = inOrder(suggestionFilters);

export const suggestionAssignmentView = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  unitName: z.string(),
  role: assignmentRole,
  state: assignmentState,
  round: z.number().int(),
  assignedAt: z.iso.datetime(),
  signForDueAt: z.iso.datetime(),
  signedForAt: z.iso.datetime().nullable(),
  dueAt: z.iso.datetime(),
  reassignReason: z.string().nullable(),
});

export const suggestionDetail = suggestionListItem.extend({
  content: z.string(),
  returnReason: z.string().nullable(),
  mergedIntoId: z.uuid().nullable(),
  /** 主办、会办 or 分别办理 (each unit answers its own part). */
  handlingMode,
  /**
   * Items merged into this one (并案), with their deputies (lead, then confirmed co-signers): the unit
   * answering this item sees every deputy it answers; `visible` says whether the viewer may open the item.
   */
  mergedItems: z.array(z.object({ id: z.uuid(), title: z.string(), deputies: z.array(z.string()), visible: z.boolean() })),
  complex: z.boolean(),
  round: z.number().int(),
  disclose: z.boolean(),
  /** The deputy's identity is withheld from the handling units (保密). */
  confidential: z.boolean(),
  leadDeputyId: z.uuid(),
  opinionIds: z.array(z.uuid()),
  cosigners: z.array(
    z.object({ deputyId: z.uuid(), name: z.string(), confirmedAt: z.iso.datetime().nullable(), declinedAt: z.iso.datetime().nullable() }),
  ),
  assignments: z.array(suggestionAssignmentView),
  contacts: z.array(
    z.object({
      id: z.uuid(),
      unitName: z.string(),
      stage: contactStage,
      method: contactMethod,
      contactedOn: z.string(),
      summary: z.string(),
      deputyView: z.string().nullable(),
    }),
  ),
  jointOpinions: z.array(z.object({ id: z.uuid(), unitName: z.string(), content: z.string(), createdAt: z.iso.datetime() })),
  replies: z.array(
    z.object({
      id: z.uuid(),
      round: z.number().int(),
      unitName: z.string(),
      category: replyCategory,
      content: z.string(),
      signer: z.string(),
      createdAt: z.iso.datetime(),
      releasedAt: z.iso.datetime().nullable(),
      rejectedReason: z.string().nullable(),
    }),
  ),
  ratings: z.array(
    z.object({
      id: z.uuid(),
      replyId: z.uuid(),
      round: z.number().int(),
      rating,
      comment: z.string().nullable(),
      createdAt: z.iso.datetime(),
    }),
  ),
  extensions: z.array(
    z.object({
      id: z.uuid(),
      unitName: z.string(),
      months: z.number().int(),
      reason: z.string(),
      state: extensionState,
      decisionNote: z.string().nullable(),
      createdAt: z.iso.datetime(),
    }),
  ),
  key: z
    .object({
      leadOfficial: z.string(),
      supervisor: z.string(),
      supervisorUserId: z.uuid().nullable(),
      reviews: z.array(keyReviewInput.extend({ id: z.uuid() })),
      deputyComment: z.string().nullable(),
      vote: keyVoteInput.nullable(),
    })
    .nullable(),
  /** The item's body's result categories (the reply form offers these; labels for the page). */
  replyCategories: z.array(replyCategoryOption),
  /** How the reply letter of a co-signed item is addressed (the body's setting). */
  replyLetterMode,
  /** What the current user may do now: derived from the workflow table. */
  allowedActions: z.array(suggestionAction),
  timeline: z.array(z.object({ at: z.iso.datetime(), actorName: z.string().nullable(), action: z.string(), label: z.string() })),
});
export type SuggestionDetail = z.infer<typeof suggestionDetail>;

export const suggestionRates = z.object({
  total: z.number().int(),
  assigned: z.number().int(),
  replied: z.number().int(),
  repliedOnTime: z.number().int(),
  closed: z.number().int(),
  categoryA: z.number().int(),
  categoryB: z.number().int(),
  categoryC: z.number().int(),
  categoryD: z.number().int(),
  rated: z.number().int(),
  satisfiedOrBasically: z.number().int(),
  replyRate: z.number().nullable(),
  onTimeRate: z.number().nullable(),
  closureRate: z.number().nullable(),
  solvedRate: z.number().nullable(),
  satisfactionRate: z.number().nullable(),
});
export type SuggestionRates = z.infer<typeof suggestionRates>;
/** The five rates (shares from 0 to 1, null when nothing to count). */
export const suggestionRateKeys = ['replyRate', 'onTimeRate', 'closureRate', 'solvedRate', 'satisfactionRate'] as const;
export type SuggestionRateKey = (typeof suggestionRateKeys)[number];
/** The columns of the rates tables, in order: the page's tables and their Excel export show the same. */
export const suggestionRatesColumns = [
  'assigned',
  'replied',
  ...suggestionRateKeys,
  'closed',
  'categoryA',
  'rated',
] as const satisfies readonly (keyof SuggestionRates)[];
export const suggestionRatesLabel = {
  total: '件数',
  assigned: '交办数',
  replied: '已答复',
  repliedOnTime: '按时答复',
  closed: '已办结',
  categoryA: 'A类',
  categoryB: 'B类',
  categoryC: 'C类',
  categoryD: 'D类',
  rated: '已测评',
  satisfiedOrBasically: '满意和基本满意',
  replyRate: '办复率',
  onTimeRate: '按时办复率',
  closureRate: '办结率',
  solvedRate: '解决率（A类占比）',
  satisfactionRate: '满意率',
} satisfies Record<keyof SuggestionRates, string>;
/** A rate as people read it: 85.7%, or — when there is nothing to count. */
export const ratePercent = (rate: number | null): string => (rate == null ? '—' : `${(rate * 100).toFixed(1)}%`);

export const ratesQuery = z.object({
  sessionId: z.uuid().optional(),
  bodyId: z.uuid().optional(),
  year: z.coerce.number().int().optional(),
});

export const unitRates = suggestionRates.extend({ unitId: z.uuid(), unitName: z.string() });

export const publicSuggestion = z.object({
  id: z.uuid(),
  bodyName: z.string(),
  sessionName: z.string().nullable(),
  numberLabel: z.string().nullable(),
  kind: suggestionKind,
  title: z.string(),
  content: z.string(),
  field: suggestionField,
  leadDeputyName: z.string(),
  /** Co-signing deputies by name only (public office, docs/domain-rules.md). */
  cosignerNames: z.array(z.string()),
  unitName: z.string(),
  replyCategory: replyCategory,
  /** The category as the item's own body names it (办理结果分类, per body): “B类：正在解决或列入计划解决”. */
  replyCategoryLabel: z.string(),
  reply: z.string(),
  releasedAt: z.iso.datetime(),
});
export type PublicSuggestion = z.infer<typeof publicSuggestion>;

export const publicSuggestionQuery = pageQuery.extend({
  bodyId: z.uuid().optional(),
  sessionId: z.uuid().optional(),
  field: suggestionField.optional(),
  replyCategory: replyCategory.optional(),
  q: z.string().trim().max(60).optional(),
});
export type PublicSuggestionQuery = z.infer<typeof publicSuggestionQuery>;

/** A congress session with published items: the public portal's session filter. */
export const publicSuggestionSession = z.object({ id: z.uuid(), name: z.string(), bodyName: z.string() });
export type PublicSuggestionSession = z.infer<typeof publicSuggestionSession>;

/** A deputy of the same congress the lead deputy may invite to co-sign (联名). */
export const cosignerCandidate = z.object({ id: z.uuid(), name: z.string() });
export type CosignerCandidate = z.infer<typeof cosignerCandidate>;

/** A handling unit's own part in an item: what its inbox (承办件) lists. */
export const unitAssignmentQuery = pageQuery.extend({
  q: z.string().trim().max(60).optional(),
  /** Only what still waits on the unit: to sign for, to answer, or a reassignment request pending. */
  pending: z.enum(['true', 'false']).optional(),
  role: assignmentRole.optional(),
  overdue: z.enum(['true', 'false']).optional(),
  sessionId: z.uuid().optional(),
  /** The unit's part in one state (待签收, 已签收…). */
  state: assignmentState.optional(),
  /** `due`: the nearest deadline first (the workbench's “replies due soonest”); newest assignment first otherwise. */
  sort: z.enum(['due']).optional(),
});
export type UnitAssignmentQuery = z.infer<typeof unitAssignmentQuery>;

export const unitAssignmentItem = suggestionListItem.extend({
  assignment: z.object({
    id: z.uuid(),
    role: assignmentRole,
    state: assignmentState,
    round: z.number().int(),
    assignedAt: z.iso.datetime(),
    signForDueAt: z.iso.datetime(),
    dueAt: z.iso.datetime(),
    /** Still waiting on the unit and past its own deadline. */
    overdue: z.boolean(),
  }),
});
export type UnitAssignmentItem = z.infer<typeof unitAssignmentItem>;

/** A body's rules for handling suggestions: how co-signers are answered, and its result categories. */
export const suggestionSettingsInput = z.object({
  replyLetterMode: replyLetterMode.default('named'),
  /** Two to four categories, lettered A, B, C(, D) in order, each with its label. */
  replyCategories: z.array(replyCategoryOption).min(2, '至少设两个类别').max(4, '最多设四个类别（A—D）'),
});
export type SuggestionSettingsInput = z.infer<typeof suggestionSettingsInput>;
export const suggestionSettings = z.object({
  bodyId: z.uuid(),
  replyLetterMode,
  replyCategories: z.array(replyCategoryOption),
  /** The body whose setting is in force (this body or one above it); null for the platform default. */
  setBy: z.uuid().nullable(),
  setByName: z.string().nullable(),
});
export type SuggestionSettings = z.infer<typeof suggestionSettings>;

/** What a handling unit sees instead of a confidential deputy's name. */
export const withheldDeputyName = '（代表要求保密）';

const noInput = z.object({});

/** Every action on a suggestion, posted to /api/suggestions/<id>/actions/<action>, with its input. */
export const suggestionActions = defineActions<SuggestionAction>('suggestions', {
  confirmCosign: { input: noInput, summary: '联名代表确认联名' },
  declineCosign: { input: noInput, summary: '联名代表拒绝联名' },
  submit: { input: noInput, summary: '领衔代表提交' },
  accept: { input: acceptInput, summary: '受理建议' },
  register: { input: acceptInput, summary: '议案立案' },
  convert: { input: acceptInput, summary: '议案转为建议' },
  return: { input: returnInput, summary: '退回代表（须写明理由）' },
  merge: { input: mergeInput, summary: '并案' },
  assign: { input: assignInput, summary: '交办主办、会办单位' },
  signFor: { input: noInput, summary: '承办单位签收' },
  requestReassignment: { input: reassignmentRequestInput, summary: '申请调整承办单位' },
  decideReassignment: { input: reassignmentDecisionInput, summary: '审定调整申请' },
  contact: { input: contactInput, summary: '记录与代表的沟通（三个面对面）' },
  jointOpinion: { input: jointOpinionInput, summary: '会办单位提交会办意见' },
  waiveJointOpinion: { input: waiveJointOpinionInput, summary: '会办单位逾期未提交意见时，准予主办单位先行答复（须写明理由）' },
  requestExtension: { input: extensionRequestInput, summary: '申请延期' },
  decideExtension: { input: extensionDecisionInput, summary: '审批延期' },
  reply: { input: replyInput, summary: '主办单位答复代表' },
  release: { input: releaseInput, summary: '审核发出答复（分别办理的，逐个单位发出）' },
  rejectReply: { input: rejectReplyInput, summary: '退回答复重办' },
  rate: { input: rateInput, summary: '领衔代表满意度测评' },
  reopen: { input: reopenInput, summary: '重新办理' },
  close: { input: closeInput, summary: '办结' },
  markKey: { input: markKeyInput, summary: '列为重点建议（领办、督办）' },
  keyReview: { input: keyReviewInput, summary: '记录四方会审' },
  keyComment: { input: keyCommentInput, summary: '领衔代表点评（双评）' },
  keyVote: { input: keyVoteInput, summary: '常委会满意度测评（双评）' },
});
