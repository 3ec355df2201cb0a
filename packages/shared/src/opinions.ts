import { z } from 'zod';
import { dayParam } from './fields.js';
import { pageQuery } from './pagination.js';
import { inOrder } from './range.js';
import { actionInputUnion, bulkIds, defineActions } from './workflow.js';

/**
 * Citizens' opinions (群众意见, 社情民意): seed 000's "群众有意见、码上提，人大马上办、及时回".
 * Opened from a station's or deputy's QR code, triaged, routed (转办) to a handling unit with a
 * deadline, replied, reviewed, rated by the citizen, closed.
 */
export const opinionStatus = z.enum([
  'submitted',
  'accepted',
  'declined',
  'merged',
  'routed',
  'returned',
  'signed_for',
  'replied',
  'reply_approved',
  'dissatisfied',
  'rated',
  'closed',
]);
export type OpinionStatus = z.infer<typeof opinionStatus>;
export const opinionStatusLabel = {
  submitted: '待受理',
  accepted: '已受理',
  declined: '不予受理',
  merged: '已合并',
  routed: '已转办',
  returned: '承办单位退回',
  signed_for: '办理中',
  replied: '已答复待审核',
  reply_approved: '已答复',
  dissatisfied: '群众不满意待复核',
  rated: '已评价',
  closed: '已办结',
} satisfies Record<OpinionStatus, string>;

/** What the citizen sees on the tracking page: internal review steps are folded into plainer words. */
export const opinionPublicStatusLabel = {
  submitted: '已提交，等待受理',
  accepted: '已受理，正在转交办理',
  declined: '不予受理',
  merged: '已与相同问题合并办理',
  routed: '已转交承办单位办理',
  returned: '已受理，正在转交办理',
  signed_for: '承办单位办理中',
  replied: '承办单位办理中',
  reply_approved: '已答复，请您评价',
  dissatisfied: '您的意见已收到，正在复核',
  rated: '已评价',
  closed: '已办结',
} satisfies Record<OpinionStatus, string>;

export const opinionAction = z.enum([
  'accept',
  'decline',
  'merge',
  'attachDeputy',
  'route',
  'signFor',
  'return',
  'reply',
  'answer',
  'approveReply',
  'rejectReply',
  'rate',
  'rateDissatisfied',
  'close',
]);
export type OpinionAction = z.infer<typeof opinionAction>;
export const opinionActionLabel = {
  accept: '受理',
  decline: '不予受理',
  merge: '合并重复',
  attachDeputy: '代表领办',
  route: '转办',
  signFor: '签收',
  return: '退回',
  reply: '答复',
  answer: '直接答复',
  approveReply: '审核通过答复',
  rejectReply: '退回重新答复',
  rate: '评价',
  rateDissatisfied: '评价不满意',
  close: '办结',
} satisfies Record<OpinionAction, string>;

/** Who acts in the opinion workflow: the citizen has no account and acts by tracking code. */
export const opinionActorRole = z.enum(['staff', 'handling_unit', 'citizen']);
export type OpinionActorRole = z.infer<typeof opinionActorRole>;

/** Seed 000: problems are handed over "以会议提醒、信访转办、社情民意信息专项交办等形式". */
export const routeKind = z.enum(['meeting_reminder', 'petition_referral', 'special_assignment']);
export type RouteKind = z.infer<typeof routeKind>;
export const routeKindLabel = {
  meeting_reminder: '会议提醒',
  petition_referral: '信访转办',
  special_assignment: '专项交办',
} satisfies Record<RouteKind, string>;

export const opinionRating = z.enum(['satisfied', 'basically_satisfied', 'dissatisfied']);
export type OpinionRating = z.infer<typeof opinionRating>;
export const opinionRatingLabel = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  dissatisfied: '不满意',
} satisfies Record<OpinionRating, string>;

export const opinionChannel = z.enum(['qr_station', 'qr_deputy', 'visit', 'phone']);
export type OpinionChannel = z.infer<typeof opinionChannel>;
export const opinionChannelLabel = {
  qr_station: '联络站二维码',
  qr_deputy: '代表二维码',
  visit: '来访登记',
  phone: '来电登记',
} satisfies Record<OpinionChannel, string>;

/** The built-in category dictionary; a body may replace it with its own. */
export const defaultOpinionCategories = [
  { code: 'urban_construction', label: '城乡建设' },
  { code: 'transport', label: '交通出行' },
  { code: 'education', label: '教育' },
  { code: 'health', label: '医疗卫生' },
  { code: 'environment', label: '生态环境' },
  { code: 'social_security', label: '社会保障' },
  { code: 'agriculture', label: '农业农村' },
  { code: 'social_governance', label: '社会治理' },
  { code: 'other', label: '其他' },
] as const;

export const opinionLimits = {
  contentMin: 5,
  contentMax: 2000,
  locationMax: 200,
  nameMax: 40,
  photosMax: 3,
  photoMaxBytes: 5 * 1024 * 1024,
  commentMax: 500,
  reasonMax: 500,
  replyMax: 5000,
} as const;

export const opinionCategory = z.object({ code: z.string(), label: z.string(), active: z.boolean() });
export type OpinionCategory = z.infer<typeof opinionCategory>;

export const opinionCategoryLimits = { labelMax: 20, itemsMax: 50 } as const;

/** Where the dictionary in force for a body comes from. */
export const opinionCategorySource = z.enum(['own', 'inherited', 'builtin']);
export type OpinionCategorySource = z.infer<typeof opinionCategorySource>;

/**
 * A body's dictionary as staff edit it: codes are stable (opinions keep the code and the label they
 * were filed under), labels unique, at least one category open to citizens.
 */
export const opinionCategoriesInput = z.object({
  bodyId: z.uuid('请选择机关'),
  items: z
    .array(
      z.object({
        code: z.string().regex(/^[a-z][a-z0-9_]{1,31}$/, '代码为 2–32 位小写字母、数字或下划线'),
        label: z
          .string({ error: '请填写类别名称' })
          .trim()
          .min(1, '请填写类别名称')
          .max(opinionCategoryLimits.labelMax, `类别名称最多 ${opinionCategoryLimits.labelMax} 个字`),
        active: z.boolean().default(true),
      }),
    )
    .min(1, '至少保留一个类别')
    .max(opinionCategoryLimits.itemsMax, `最多 ${opinionCategoryLimits.itemsMax} 个类别`)
    .superRefine((items, ctx) => {
      const seen = { code: new Set<string>(), label: new Set<string>() };
      items.forEach((item, i) => {
        if (seen.label.has(item.label)) ctx.addIssue({ code: 'custom', path: [i, 'label'], message: `类别名称“${item.label}”重复` });
        if (seen.code.has(item.code)) ctx.addIssue({ code: 'custom', path: [i, 'code'], message: '类别代码不能重复' });
        seen.label.add(item.label);
        seen.code.add(item.code);
      });
      if (items.length && !items.some((item) => item.active)) ctx.addIssue({ code: 'custom', message: '至少启用一个类别' });
    }),
});
export type OpinionCategoriesInput = z.infer<typeof opinionCategoriesInput>;

/** The dictionary in force for a body, for the editor: each category says whether opinions already carry it. */
export const opinionCategorySetting = z.object({
  items: z.array(opinionCategory.extend({ inUse: z.boolean() })),
  source: opinionCategorySource,
  setByBodyId: z.uuid().nullable(),
  setByBodyName: z.string().nullable(),
});
export type OpinionCategorySetting = z.infer<typeof opinionCategorySetting>;

// ---- public (citizen) side ----
export const chinaMobile = z
  .string()
  .trim()
  .regex(/^1\d{10}$/, '手机号应为 11 位数字');

/** The submission form; photos travel beside it as multipart files. */
export const publicOpinionInput = z
  .object({
    station: z.string().trim().max(24).optional(),
    deputy: z.string().trim().max(24).optional(),
    category: z.string({ error: '请选择意见类别' }).min(1, '请选择意见类别').max(32),
    content: z
      .string({ error: '请填写意见内容' })
      .trim()
      .min(opinionLimits.contentMin, `意见内容至少 ${opinionLimits.contentMin} 个字`)
      .max(opinionLimits.contentMax, `意见内容最多 ${opinionLimits.contentMax} 个字`),
    location: z.string().trim().max(opinionLimits.locationMax, `地点最多 ${opinionLimits.locationMax} 个字`).optional(),
    latitude: z.coerce.number().min(-90).max(90).optional(),
    longitude: z.coerce.number().min(-180).max(180).optional(),
    name: z.string().trim().max(opinionLimits.nameMax, `姓名最多 ${opinionLimits.nameMax} 个字`).optional(),
    phone: chinaMobile.optional(),
    /** Random key made by the page; a retry with the same key returns the first answer's code. */
    clientToken: z
      .string()
      .regex(/^[A-Za-z0-9_-]{16,40}$/)
      .optional(),
    /** 同意承办单位联系我: the citizen's separate consent to give their name and phone to the handling unit. */
    contactConsent: z
      .union([z.boolean(), z.enum(['true', 'false', 'on'])])
      .transform((v) => v === true || v === 'true' || v === 'on')
      .default(false),
  })
  .refine((v) => Boolean(v.station) !== Boolean(v.deputy), { message: '请通过联络站或代表的二维码进入', path: ['station'] })
  .refine((v) => !v.contactConsent || v.phone, { message: '同意联系时请留下手机号', path: ['phone'] });
export type PublicOpinionInput = z.infer<typeof publicOpinionInput>;

export const publicOpinionForm = z.object({
  bodyName: z.string(),
  targetKind: z.enum(['station', 'deputy']),
  targetName: z.string(),
  categories: z.array(z.object({ code: z.string(), label: z.string() })),
  /** The body's reply period in force, as the citizen reads it on the receipt (“15个工作日”). */
  replyPeriod: z.string(),
  limits: z.object({
    contentMin: z.number(),
    contentMax: z.number(),
    photosMax: z.number(),
    photoMaxBytes: z.number(),
  }),
});
export type PublicOpinionForm = z.infer<typeof publicOpinionForm>;

export const publicOpinionReceipt = z.object({ trackingCode: z.string(), submittedAt: z.iso.datetime() });

export const publicTimelineStep = z.object({ at: z.iso.datetime(), label: z.string(), note: z.string().nullable() });

export const publicOpinionView = z.object({
  trackingCode: z.string(),
  status: opinionStatus,
  statusLabel: z.string(),
  categoryLabel: z.string(),
  content: z.string(),
  targetName: z.string().nullable(),
  submittedAt: z.iso.datetime(),
  declineReason: z.string().nullable(),
  handlingUnitName: z.string().nullable(),
  dueDate: z.string().nullable(),
  reply: z.object({ text: z.string(), unitName: z.string().nullable(), at: z.iso.datetime() }).nullable(),
  rating: z.object({ value: opinionRating, label: z.string(), comment: z.string().nullable(), at: z.iso.datetime() }).nullable(),
  canRate: z.boolean(),
  timeline: z.array(publicTimelineStep),
});
export type PublicOpinionView = z.infer<typeof publicOpinionView>;

export const publicOpinionRatingInput = z.object({
  rating: opinionRating,
  comment: z.string().trim().max(opinionLimits.commentMax, `评价最多 ${opinionLimits.commentMax} 个字`).optional(),
});

// ---- staff side ----
const opinionFilters = z.object({
  status: opinionStatus.optional(),
  category: z.string().max(32).optional(),
  stationId: z.uuid().optional(),
  deputyId: z.uuid().optional(),
  handlingUnitId: z.uuid().optional(),
  bodyId: z.uuid().optional(),
  overdue: z.enum(['true', 'false']).optional(),
  q: z.string().trim().max(40).optional(),
  /** Received (submitted by the citizen) on or after / on or before, China dates. */
  from: dayParam.optional(),
  to: dayParam.optional(),
});
export const opinionQuery = inOrder(pageQuery.extend(opinionFilters.shape));
export type OpinionQuery = z.infer<typeof opinionQuery>;
/** The export and the chart take the list's filters without its paging. */
export const opinionFilterQuery = inOrder(opinionFilters);

/** The inbox's opinions per status, with the list's filters (the list page's chart); statuses with none are left out. */
export const opinionStatusCounts = z.object({ items: z.array(z.object({ status: opinionStatus, count: z.number().int() })) });
export type OpinionStatusCounts = z.infer<typeof opinionStatusCounts>;

export const opinionListItem = z.object({
  id: z.uuid(),
  trackingCode: z.string(),
  bodyId: z.uuid(),
  bodyName: z.string(),
  status: opinionStatus,
  channel: opinionChannel,
  categoryCode: z.string(),
  categoryLabel: z.string(),
  summary: z.string(),
  stationId: z.uuid().nullable(),
  stationName: z.string().nullable(),
  deputyId: z.uuid().nullable(),
  deputyName: z.string().nullable(),
  handlingUnitId: z.uuid().nullable(),
  handlingUnitName: z.string().nullable(),
  dueAt: z.iso.datetime().nullable(),
  overdue: z.boolean(),
  createdAt: z.iso.datetime(),
});
export type OpinionListItem = z.infer<typeof opinionListItem>;

/** An opinion as the deputy who received it sees it (their QR code, or taken up by them): no citizen's data. */
export const receivedOpinion = z.object({
  id: z.uuid(),
  content: z.string(),
  categoryLabel: z.string(),
  channel: opinionChannel,
  status: opinionStatus,
  stationName: z.string().nullable(),
  /** The suggestion it was turned into, once the deputy's suggestion is submitted. */
  suggestionId: z.uuid().nullable(),
  createdAt: z.iso.datetime(),
});
export type ReceivedOpinion = z.infer<typeof receivedOpinion>;

export const opinionPage = z.object({
  items: z.array(opinionListItem),
  total: z.number().int(),
  /** True when there are more matching rows than were counted (very large inboxes). */
  totalIsLowerBound: z.boolean(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type OpinionPage = z.infer<typeof opinionPage>;

export const opinionEvent = z.object({
  at: z.iso.datetime(),
  action: z.string(),
  label: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  actorName: z.string().nullable(),
  note: z.string().nullable(),
  public: z.boolean(),
});

export const opinionDetail = opinionListItem.extend({
  content: z.string(),
  location: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  citizenName: z.string().nullable(),
  citizenPhone: z.string().nullable(),
  /** 同意承办单位联系我, as the citizen chose it. */
  contactConsent: z.boolean(),
  /** The citizen left a name or phone but did not consent to the handling unit seeing them: the unit gets neither. */
  contactWithheld: z.boolean(),
  declineReason: z.string().nullable(),
  mergedIntoId: z.uuid().nullable(),
  takenByDeputyId: z.uuid().nullable(),
  takenByDeputyName: z.string().nullable(),
  routeKind: routeKind.nullable(),
  routeNote: z.string().nullable(),
  routedAt: z.iso.datetime().nullable(),
  signedAt: z.iso.datetime().nullable(),
  returnReason: z.string().nullable(),
  replyText: z.string().nullable(),
  repliedAt: z.iso.datetime().nullable(),
  replyApprovedAt: z.iso.datetime().nullable(),
  rating: opinionRating.nullable(),
  ratingComment: z.string().nullable(),
  ratedAt: z.iso.datetime().nullable(),
  closedAt: z.iso.datetime().nullable(),
  escalatedAt: z.iso.datetime().nullable(),
  suggestionId: z.uuid().nullable(),
  photoCount: z.number().int(),
  timeline: z.array(opinionEvent),
  /** The workflow actions this user may take now: the UI shows exactly these buttons. */
  actions: z.array(opinionAction),
});
export type OpinionDetail = z.infer<typeof opinionDetail>;

const reason = z.string().trim().min(2, '请填写理由').max(opinionLimits.reasonMax, `理由最多 ${opinionLimits.reasonMax} 个字`);

const replyText = z.string().trim().min(5, '答复至少 5 个字').max(opinionLimits.replyMax, `答复最多 ${opinionLimits.replyMax} 个字`);
const note = z.string().trim().max(opinionLimits.reasonMax).optional();

/** The actions staff and handling units take on an opinion (the citizen rates on the public tracking page). */
export type OpinionStaffAction = Exclude<OpinionAction, 'rate' | 'rateDissatisfied'>;

/** Each action's input, declared once: the server validates with it, the web forms too. */
export const opinionActionInputs = {
  accept: z.object({}),
  decline: z.object({ reason }),
  merge: z.object({ intoId: z.uuid('请选择合并到的意见') }),
  attachDeputy: z.object({ deputyId: z.uuid('请选择代表') }),
  route: z.object({ handlingUnitId: z.uuid('请选择承办单位'), routeKind, note }),
  signFor: z.object({}),
  return: z.object({ reason }),
  reply: z.object({ text: replyText }),
  answer: z.object({ text: replyText }),
  approveReply: z.object({}),
  rejectReply: z.object({ reason }),
  close: z.object({ note }),
} satisfies Record<OpinionStaffAction, z.ZodObject>;
export type OpinionActionInputs = { [A in OpinionStaffAction]: z.infer<(typeof opinionActionInputs)[A]> };

/** POST /api/opinions/:id/actions/<action>; the server checks the action against the workflow table. */
export const opinionActions = defineActions('opinions', {
  accept: { input: opinionActionInputs.accept, summary: '受理' },
  decline: { input: opinionActionInputs.decline, summary: '不予受理（理由告知群众）' },
  merge: { input: opinionActionInputs.merge, summary: '合并重复意见' },
  attachDeputy: { input: opinionActionInputs.attachDeputy, summary: '代表领办' },
  route: { input: opinionActionInputs.route, summary: '转办（答复期限按本机关现行期限规则）' },
  signFor: { input: opinionActionInputs.signFor, summary: '承办单位签收' },
  return: { input: opinionActionInputs.return, summary: '承办单位退回' },
  reply: { input: opinionActionInputs.reply, summary: '承办单位答复（经审核后群众可见）' },
  answer: { input: opinionActionInputs.answer, summary: '工作人员直接答复（经审核后群众可见）' },
  approveReply: { input: opinionActionInputs.approveReply, summary: '审核通过答复' },
  rejectReply: { input: opinionActionInputs.rejectReply, summary: '退回重新答复' },
  close: { input: opinionActionInputs.close, summary: '办结（群众不满意的须说明理由）' },
});

/** One body per action, the action named inside: what the web forms validate before posting to the action's URL. */
export const opinionActionInput = actionInputUnion(opinionActionInputs);
export type OpinionActionInput = z.infer<typeof opinionActionInput>;

/** What routing now would give: the due date under the rule in force for the opinion's body. */
export const routeDeadlinePreview = z.object({ dueAt: z.iso.datetime(), dueDate: z.string(), rule: z.string() });
export type RouteDeadlinePreview = z.infer<typeof routeDeadlinePreview>;

const opinionIds = bulkIds('意见');
export const bulkAcceptInput = z.object({ ids: opinionIds });
/** 批量不予受理: one reason, shown to each citizen on the tracking page. */
export const bulkDeclineInput = z.object({ ids: opinionIds, reason });
/** 批量转办: one unit and one way for all; each item's deadline comes from the rule in force for its body. */
export const bulkRouteInput = z.object({
  ids: opinionIds,
  handlingUnitId: z.uuid('请选择承办单位'),
  routeKind: z.enum(routeKind.options, { error: '请选择转办方式' }),
  note: z.string().trim().max(opinionLimits.reasonMax).optional(),
});

/** An opinion that reads like another (jieba word similarity, 0–1): a candidate to merge as a duplicate. */
export const similarOpinion = z.object({
  id: z.uuid(),
  trackingCode: z.string(),
  status: opinionStatus,
  categoryLabel: z.string(),
  summary: z.string(),
  location: z.string().nullable(),
  createdAt: z.iso.datetime(),
  score: z.number().min(0).max(1),
});
export type SimilarOpinion = z.infer<typeof similarOpinion>;
export const similarOpinions = z.object({ items: z.array(similarOpinion) });
