import { z } from 'zod';
import { chinaMobile } from './opinions.js';
import { pageQuery, sortOrder } from './pagination.js';
import { bulkIds, defineActions } from './workflow.js';

/**
 * Module 8, 立法征求意见 (seed 004: 开门立法, 基层立法联系点, 公开征求意见): a draft regulation (法规草案)
 * is published for comment for a period, citizens comment on a public page, grassroots legislative
 * contact points enter what they gathered offline, staff mark each comment's handling and write the
 * summary report (征求意见情况汇总).
 */

const isoDate = z.iso.date('日期格式不正确，应如 2026-05-01');
const text = (label: string, max: number) =>
  z.string(`请填写${label}`).trim().min(1, `请填写${label}`).max(max, `${label}最多 ${max} 个字`);
const optionalText = (label: string, max: number) => z.string().trim().max(max, `${label}最多 ${max} 个字`).default('');

export const legislationLimits = { commentMin: 5, commentMax: 2000, quoteMax: 500, nameMax: 20, articlesMax: 400 } as const;

// ---- the draft and its workflow ----
export const draftState = z.enum(['drafting', 'open', 'closed', 'summarised']);
export type DraftState = z.infer<typeof draftState>;
export const draftStateLabel = {
  drafting: '起草中',
  open: '征求意见中',
  closed: '征求意见结束',
  summarised: '已形成汇总报告',
} satisfies Record<DraftState, string>;

export const draftAction = z.enum(['revise', 'openComment', 'closeComment', 'summarise']);
export type DraftAction = z.infer<typeof draftAction>;
export const draftActionLabel = {
  revise: '形成新版本',
  openComment: '发布征求意见',
  closeComment: '结束征求意见',
  summarise: '形成汇总报告',
} satisfies Record<DraftAction, string>;

/** An article typed in by hand (when the text is not pasted): its number and text. */
export const articleInput = z.object({
  number: z.coerce.number().int().min(1).max(9999),
  chapter: optionalText('章', 100),
  text: text('条文内容', 5000),
});
export type ArticleInput = z.infer<typeof articleInput>;

/** A version's text: pasted whole (parsed into articles on the server) or entered article by article. */
export const versionInput = z
  .object({
    /** 修改说明: what this version changes (修改稿 after the comments). */
    note: optionalText('修改说明', 2000),
    /** 起草说明 */
    explanation: optionalText('起草说明', 20000),
    text: z.string().max(200000, '草案全文过长').optional(),
    articles: z.array(articleInput).max(legislationLimits.articlesMax).optional(),
  })
  .refine((v) => Boolean(v.text?.trim()) !== Boolean(v.articles?.length), {
    message: '请粘贴草案全文，或逐条录入条文（二者选一）',
    path: ['text'],
  });
export type VersionInput = z.infer<typeof versionInput>;

const draftFields = z.object({
  bodyId: z.uuid('请选择人大机关').optional(),
  title: text('草案名称', 200),
  /** 起草单位 (the government department or committee that drafted it). */
  drafter: optionalText('起草单位', 100),
  commentFrom: isoDate,
  commentTo: isoDate,
  contactPointIds: z.array(z.uuid()).max(100).default([]),
});
const periodInOrder = <T extends { commentFrom: string; commentTo: string }>(v: T) => v.commentTo >= v.commentFrom;
const periodMessage = { message: '征求意见截止日期不能早于开始日期', path: ['commentTo'] };

export const draftInput = draftFields.extend({ version: versionInput }).refine(periodInOrder, periodMessage);
export type DraftInput = z.infer<typeof draftInput>;
/** Title, period and contact points can change while drafting; the text changes only by a new version. */
export const draftEdit = draftFields.omit({ bodyId: true }).refine(periodInOrder, periodMessage);
export type DraftEdit = z.infer<typeof draftEdit>;

const noInput = z.object({}).nullish();
export const reviseInput = versionInput;

export const draftActions = defineActions<DraftAction>('legislation/drafts', {
  revise: { input: reviseInput, summary: '形成新版本（修改稿）：保留原版本，可逐条比较' },
  openComment: { input: noInput, summary: '发布征求意见（公众页面及基层立法联系点开始收集意见）' },
  closeComment: { input: noInput, summary: '结束征求意见（此后不再接受意见）' },
  summarise: { input: noInput, summary: '形成汇总报告（须每条已公开意见均已标注处理情况；告知意见被采纳者）' },
});

export const draftArticle = z.object({
  id: z.uuid(),
  number: z.number().int(),
  label: z.string(),
  chapter: z.string(),
  text: z.string(),
});
export type DraftArticle = z.infer<typeof draftArticle>;

export const draftVersion = z.object({
  id: z.uuid(),
  number: z.number().int(),
  note: z.string(),
  explanation: z.string(),
  createdAt: z.iso.datetime(),
  articleCount: z.number().int(),
});
export type DraftVersion = z.infer<typeof draftVersion>;

export const contactPointRef = z.object({ id: z.uuid(), name: z.string() });

export const draft = z.object({
  id: z.uuid(),
  bodyId: z.uuid(),
  bodyName: z.string(),
  title: z.string(),
  drafter: z.string(),
  commentFrom: z.string(),
  commentTo: z.string(),
  state: draftState,
  stateLabel: z.string(),
  publicCode: z.string(),
  contactPoints: z.array(contactPointRef),
  versions: z.array(draftVersion),
  currentVersionId: z.uuid(),
  counts: z.object({ comments: z.number().int(), pending: z.number().int(), participants: z.number().int(), unmarked: z.number().int() }),
  allowedActions: z.array(draftAction),
  createdAt: z.iso.datetime(),
});
export type Draft = z.infer<typeof draft>;

export const draftSort = z.enum(['createdAt', 'commentTo', 'comments']);
const draftFilters = z.object({
  state: draftState.optional(),
  keyword: z.string().trim().max(50).optional(),
  sort: draftSort.default('createdAt'),
  order: sortOrder,
});
export const draftQuery = pageQuery.extend(draftFilters.shape);
export type DraftQuery = z.infer<typeof draftQuery>;
export const draftExportQuery = draftFilters;

/** The articles of one version (the current one by default) with their comment counts: the heat view. */
export const versionText = z.object({
  version: draftVersion,
  articles: z.array(draftArticle.extend({ comments: z.number().int(), participants: z.number().int() })),
  /** Comments on the draft as a whole (not on an article). */
  wholeDraft: z.object({ comments: z.number().int(), participants: z.number().int() }),
});
export type VersionText = z.infer<typeof versionText>;

// ---- comparison of two versions ----
export const textPart = z.object({ value: z.string(), added: z.boolean(), removed: z.boolean() });
export const articleChange = z.enum(['same', 'changed', 'added', 'removed']);
export type ArticleChange = z.infer<typeof articleChange>;
export const articleChangeLabel = { same: '未修改', changed: '修改', added: '新增', removed: '删除' } satisfies Record<
  ArticleChange,
  string
>;
export const versionComparison = z.object({
  from: draftVersion,
  to: draftVersion,
  rows: z.array(
    z.object({
      change: articleChange,
      old: z.object({ label: z.string(), text: z.string() }).nullable(),
      new: z.object({ label: z.string(), text: z.string() }).nullable(),
      /** Character-level changes of a changed article. */
      parts: z.array(textPart),
    }),
  ),
});
export type VersionComparison = z.infer<typeof versionComparison>;
export const compareQuery = z.object({ from: z.uuid('请选择比较的版本'), to: z.uuid('请选择比较的版本') });

// ---- contact points (基层立法联系点) ----
export const contactPointInput = z.object({
  bodyId: z.uuid('请选择人大机关').optional(),
  name: text('联系点名称', 100),
  address: text('地址', 200),
  contactPerson: optionalText('联系人', 20),
  contactPhone: z.string().trim().max(20).default(''),
  /** Accounts (staff of this body or a body below) who enter the point's comments. */
  memberIds: z.array(z.uuid()).max(20).default([]),
});
export type ContactPointInput = z.infer<typeof contactPointInput>;
export const contactPoint = z.object({
  id: z.uuid(),
  bodyId: z.uuid(),
  bodyName: z.string(),
  name: z.string(),
  address: z.string(),
  contactPerson: z.string(),
  contactPhone: z.string(),
  members: z.array(z.object({ id: z.uuid(), displayName: z.string(), bodyName: z.string() })),
});
export type ContactPoint = z.infer<typeof contactPoint>;

// ---- comments ----
export const commentState = z.enum(['pending', 'approved', 'rejected']);
export type CommentState = z.infer<typeof commentState>;
export const commentStateLabel = { pending: '待审核', approved: '已公开', rejected: '未通过审核' } satisfies Record<CommentState, string>;
export const commentAction = z.enum(['approve', 'reject', 'mark']);
export type CommentAction = z.infer<typeof commentAction>;
export const commentActionLabel = { approve: '审核通过', reject: '不予公开', mark: '标注处理情况' } satisfies Record<CommentAction, string>;

export const adoption = z.enum(['adopted', 'partly', 'not_adopted'], '请选择采纳、部分采纳或未采纳');
export type Adoption = z.infer<typeof adoption>;
export const adoptionLabel = { adopted: '采纳', partly: '部分采纳', not_adopted: '未采纳' } satisfies Record<Adoption, string>;

export const commentSource = z.enum(['public', 'contact_point']);
export type CommentSource = z.infer<typeof commentSource>;
export const commentSourceLabel = { public: '公众网上留言', contact_point: '基层立法联系点' } satisfies Record<CommentSource, string>;

export const commentActionInput = z.object({
  reason: z.string().trim().max(500, '理由最多 500 个字').optional(),
  adoption: adoption.optional(),
});
export type CommentActionInput = z.infer<typeof commentActionInput>;
export const commentActions = defineActions<CommentAction>('legislation/comments', {
  approve: { input: noInput, summary: '审核通过（公开显示）' },
  reject: { input: commentActionInput, summary: '不予公开（须说明理由）' },
  mark: { input: commentActionInput, summary: '标注处理情况：采纳 / 部分采纳 / 未采纳，并说明理由' },
});

/**
 * 批量审核: the selected comments of one draft approved (公开显示) or refused (不予公开, one reason for
 * all); each is the single action on its own.
 */
export const commentModeration = z.enum(['approve', 'reject']);
export const commentModerateInput = z
  .object({
    ids: bulkIds('意见'),
    action: commentModeration,
    reason: z.string().trim().max(500, '理由最多 500 个字').optional(),
  })
  .refine((v) => v.action !== 'reject' || !!v.reason, { message: '请填写不予公开的理由', path: ['reason'] });
export type CommentModerateInput = z.infer<typeof commentModerateInput>;

export const draftComment = z.object({
  id: z.uuid(),
  draftId: z.uuid(),
  versionNumber: z.number().int(),
  articleId: z.uuid().nullable(),
  articleLabel: z.string().nullable(),
  quote: z.string().nullable(),
  content: z.string(),
  source: commentSource,
  sourceLabel: z.string(),
  contactPointId: z.uuid().nullable(),
  contactPointName: z.string().nullable(),
  participants: z.number().int(),
  gatheredOn: z.string(),
  name: z.string().nullable(),
  /** Masked (138****0000); the full number is used only for the adoption SMS. */
  phone: z.string().nullable(),
  notifyConsent: z.boolean(),
  state: commentState,
  stateLabel: z.string(),
  rejectReason: z.string().nullable(),
  adoption: adoption.nullable(),
  adoptionLabel: z.string().nullable(),
  adoptionReason: z.string().nullable(),
  allowedActions: z.array(commentAction),
  createdAt: z.iso.datetime(),
});
export type DraftComment = z.infer<typeof draftComment>;

const commentFilters = z.object({
  articleId: z.uuid().optional(),
  /** Only comments on the draft as a whole. */
  wholeDraft: z.enum(['true', 'false']).optional(),
  state: commentState.optional(),
  adoption: z.union([adoption, z.literal('unmarked')]).optional(),
  source: commentSource.optional(),
  contactPointId: z.uuid().optional(),
  keyword: z.string().trim().max(50).optional(),
});
export const commentQuery = pageQuery.extend(commentFilters.shape);
export type CommentQuery = z.infer<typeof commentQuery>;
export const commentExportQuery = commentFilters;

/** Similar comments on the same article (or the whole draft), grouped by word similarity. */
export const commentGroups = z.object({
  groups: z.array(
    z.object({
      articleLabel: z.string().nullable(),
      keywords: z.array(z.string()),
      comments: z.array(z.object({ id: z.uuid(), content: z.string(), participants: z.number().int() })),
    }),
  ),
});
export type CommentGroups = z.infer<typeof commentGroups>;

/** One comment a contact point gathered offline (座谈会, 走访). */
export const offlineCommentInput = z.object({
  contactPointId: z.uuid('请选择基层立法联系点'),
  /** The article number as written (3 for 第三条); absent for the draft as a whole. */
  articleNumber: z.coerce.number().int().min(1).optional(),
  content: text('意见内容', legislationLimits.commentMax),
  participants: z.coerce.number().int('参与人数应为整数').min(1, '参与人数至少为 1').max(10000, '参与人数过大'),
  gatheredOn: isoDate,
  name: z.string().trim().max(legislationLimits.nameMax).optional(),
});
export type OfflineCommentInput = z.infer<typeof offlineCommentInput>;

export const importResult = z.object({
  imported: z.number().int(),
  participants: z.number().int(),
  /** Row errors in Chinese; when there is any, nothing is imported, so no row is lost half-way. */
  errors: z.array(z.object({ row: z.number().int(), message: z.string() })),
});
export type ImportResult = z.infer<typeof importResult>;

// ---- public page ----
export const publicDraft = z.object({
  title: z.string(),
  bodyName: z.string(),
  drafter: z.string(),
  commentFrom: z.string(),
  commentTo: z.string(),
  state: draftState,
  stateLabel: z.string(),
  acceptingComments: z.boolean(),
  /** Why comments are not taken now (未开始 / 已截止), in Chinese; null while they are. */
  closedReason: z.string().nullable(),
  explanation: z.string(),
  contactPoints: z.array(z.object({ name: z.string(), address: z.string() })),
  articles: z.array(z.object({ id: z.uuid(), label: z.string(), chapter: z.string(), text: z.string(), comments: z.number().int() })),
  /** Approved comments, newest first, without names or phones. */
  comments: z.array(
    z.object({
      articleLabel: z.string().nullable(),
      quote: z.string().nullable(),
      content: z.string(),
      sourceLabel: z.string(),
      createdAt: z.iso.datetime(),
    }),
  ),
});
export type PublicDraft = z.infer<typeof publicDraft>;

export const publicCommentInput = z
  .object({
    articleId: z.uuid().optional(),
    /** A passage selected in the article (must occur in it). */
    quote: z.string().trim().max(legislationLimits.quoteMax, `选中的文字最多 ${legislationLimits.quoteMax} 个字`).optional(),
    content: z
      .string({ error: '请填写意见内容' })
      .trim()
      .min(legislationLimits.commentMin, `意见内容至少 ${legislationLimits.commentMin} 个字`)
      .max(legislationLimits.commentMax, `意见内容最多 ${legislationLimits.commentMax} 个字`),
    name: z.string().trim().max(legislationLimits.nameMax, `姓名最多 ${legislationLimits.nameMax} 个字`).optional(),
    phone: chinaMobile.optional(),
    /** 同意接收处理结果短信: separate consent to be told by SMS if the comment is adopted. */
    notifyConsent: z.boolean().default(false),
  })
  .refine((v) => !v.quote || v.articleId, { message: '请先选择条文', path: ['articleId'] })
  .refine((v) => !v.notifyConsent || v.phone, { message: '同意接收短信时请留下手机号', path: ['phone'] });
export type PublicCommentInput = z.infer<typeof publicCommentInput>;
