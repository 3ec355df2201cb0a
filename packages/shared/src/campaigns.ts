import { z } from 'zod';
import { pageQuery } from './pagination.js';
import { inOrder } from './range.js';
import { actionInputUnion, defineActions } from './workflow.js';

/**
 * Themed campaigns (专项监督) of seed 000: "生态文明建设监督……建立台账化、月调度工作机制"; deputies go on
 * field visits (counted in person-times, 人次), every problem clue (问题线索) and suggestion (意见建议)
 * they find goes into a ledger (问题线索台账) and is transferred to the local government (转属地政府办理),
 * or, for common problems within the government's own powers, to the government at the campaign's level
 * (转区人民政府督促办理); a monthly dispatch report (月调度) gives the month's figures.
 */
const isoDate = z.iso.date();
const monthPattern = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式不正确，应如 2026-05');

export const campaignStatus = z.enum(['planned', 'active', 'ended']);
export type CampaignStatus = z.infer<typeof campaignStatus>;
export const campaignStatusLabel = { planned: '未开始', active: '进行中', ended: '已结束' } satisfies Record<CampaignStatus, string>;

export const clueKind = z.enum(['problem', 'suggestion']);
export type ClueKind = z.infer<typeof clueKind>;
export const clueKindLabel = { problem: '问题线索', suggestion: '意见建议' } satisfies Record<ClueKind, string>;

export const clueStatus = z.enum(['recorded', 'transferred', 'rectified', 'closed', 'dismissed']);
export type ClueStatus = z.infer<typeof clueStatus>;
export const clueStatusLabel = {
  recorded: '已登记待转办',
  transferred: '已转办整改中',
  rectified: '已整改待销号',
  closed: '已销号',
  dismissed: '经核实不予立项',
} satisfies Record<ClueStatus, string>;

/** Seed 000: all to the local government; common problems within the government's powers also to the government itself. */
export const transferLevel = z.enum(['local', 'government']);
export type TransferLevel = z.infer<typeof transferLevel>;
export const transferLevelLabel = {
  local: '转属地政府办理',
  government: '转本级人民政府督促办理',
} satisfies Record<TransferLevel, string>;

export const clueAction = z.enum(['transfer', 'reportRectified', 'confirm', 'reject', 'dismiss']);
export type ClueAction = z.infer<typeof clueAction>;
export const clueActionLabel = {
  transfer: '转办',
  reportRectified: '报告整改情况',
  confirm: '销号',
  reject: '退回继续整改',
  dismiss: '核实不予立项',
} satisfies Record<ClueAction, string>;

const text = (label: string, min: number, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(min, `${label}至少 ${min} 个字`)
    .max(max, `${label}最多 ${max} 个字`);
const optionalText = (label: string, max: number) => z.string().trim().max(max, `${label}最多 ${max} 个字`).nullable().default(null);

export const campaignInput = inOrder(
  z.object({
    bodyId: z.uuid('请选择机关'),
    title: text('专项名称', 4, 60),
    theme: text('监督主题', 2, 100),
    description: optionalText('工作安排', 4000),
    startsOn: isoDate,
    endsOn: isoDate,
  }),
  'startsOn',
  'endsOn',
);
export type CampaignInput = z.infer<typeof campaignInput>;

export const campaignTeamInput = z.object({
  name: text('监督组名称', 2, 40),
  area: optionalText('负责区域', 100),
  deputyIds: z.array(z.uuid()).min(1, '请选择监督组代表').max(200),
});
export type CampaignTeamInput = z.infer<typeof campaignTeamInput>;

export const clueInput = z.object({
  kind: clueKind,
  content: text('内容', 5, 1000),
  location: optionalText('地点', 200),
});
export type ClueInput = z.infer<typeof clueInput>;

/** A field visit (实地监督) and what it found: each deputy who went counts one person-time. */
export const campaignVisitInput = z.object({
  teamId: z.uuid().nullable().default(null),
  visitedOn: isoDate,
  place: text('监督地点', 2, 200),
  summary: optionalText('监督情况', 2000),
  deputyIds: z.array(z.uuid()).min(1, '请选择参加监督的代表').max(200),
  clues: z.array(clueInput).max(50).default([]),
});
export type CampaignVisitInput = z.infer<typeof campaignVisitInput>;

/** A clue recorded outside a visit (e.g. from a citizen's opinion or a deputy's report). */
export const standaloneClueInput = clueInput.extend({ foundOn: isoDate, visitId: z.uuid().nullable().default(null) });
export type StandaloneClueInput = z.infer<typeof standaloneClueInput>;

const reason = text('理由', 2, 500);

/** Each clue action's input, declared once: the server validates with it, the web forms too. */
export const clueActionInputs = {
  transfer: z.object({
    handlingUnitId: z.uuid('请选择承办的政府或部门'),
    level: transferLevel,
    note: optionalText('转办说明', 500),
  }),
  reportRectified: z.object({ note: text('整改情况', 5, 2000) }),
  confirm: z.object({}),
  reject: z.object({ reason }),
  dismiss: z.object({ reason }),
} satisfies Record<ClueAction, z.ZodObject>;
export type ClueActionInputs = { [A in ClueAction]: z.infer<(typeof clueActionInputs)[A]> };

/** POST /api/campaign-clues/:id/actions/<action>; the server checks the action against the ledger's table. */
export const clueActions = defineActions('campaign-clues', {
  transfer: { input: clueActionInputs.transfer, summary: '转办（转属地政府办理，或转本级人民政府督促办理）' },
  reportRectified: { input: clueActionInputs.reportRectified, summary: '报告整改情况' },
  confirm: { input: clueActionInputs.confirm, summary: '销号' },
  reject: { input: clueActionInputs.reject, summary: '退回继续整改' },
  dismiss: { input: clueActionInputs.dismiss, summary: '核实不予立项' },
});

/** One body per action, the action named inside: what the web forms validate before posting to the action's URL. */
export const clueActionInput = actionInputUnion(clueActionInputs);
export type ClueActionInput = z.infer<typeof clueActionInput>;

export const campaignFigures = z.object({
  visits: z.number().int(),
  /** 人次: each deputy on each visit. */
  personTimes: z.number().int(),
  /** Different deputies who took part. */
  deputies: z.number().int(),
  problems: z.number().int(),
  suggestions: z.number().int(),
  transferred: z.number().int(),
  transferredToGovernment: z.number().int(),
  closed: z.number().int(),
  open: z.number().int(),
  overdue: z.number().int(),
});
export type CampaignFigures = z.infer<typeof campaignFigures>;

export const campaignTeam = z.object({
  id: z.uuid(),
  name: z.string(),
  area: z.string().nullable(),
  deputies: z.array(z.object({ id: z.uuid(), name: z.string() })),
});
export type CampaignTeam = z.infer<typeof campaignTeam>;

export const campaignListItem = z.object({
  id: z.uuid(),
  bodyId: z.uuid(),
  bodyName: z.string(),
  title: z.string(),
  theme: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  status: campaignStatus,
  createdAt: z.iso.datetime(),
});
export type CampaignListItem = z.infer<typeof campaignListItem>;

export const campaignDetail = campaignListItem.extend({
  description: z.string().nullable(),
  teams: z.array(campaignTeam),
  figures: campaignFigures,
});
export type CampaignDetail = z.infer<typeof campaignDetail>;

export const campaignQuery = pageQuery.extend({ q: z.string().trim().max(40).optional(), bodyId: z.uuid().optional() });

/** 各专项线索对比: the latest campaigns of the list (at most 12, same filters) with their clues by kind and how many are closed. */
export const campaignClueCounts = z.object({
  items: z.array(
    z.object({
      campaignId: z.uuid(),
      title: z.string(),
      problems: z.number().int(),
      suggestions: z.number().int(),
      closed: z.number().int(),
    }),
  ),
});
export type CampaignClueCounts = z.infer<typeof campaignClueCounts>;

export const campaignVisit = z.object({
  id: z.uuid(),
  teamId: z.uuid().nullable(),
  teamName: z.string().nullable(),
  visitedOn: z.string(),
  place: z.string(),
  summary: z.string().nullable(),
  deputies: z.array(z.object({ id: z.uuid(), name: z.string() })),
  clueCount: z.number().int(),
  createdAt: z.iso.datetime(),
});
export type CampaignVisit = z.infer<typeof campaignVisit>;

export const visitQuery = pageQuery.extend({ teamId: z.uuid().optional(), month: monthPattern.optional() });

/** The suggestion a clue became or was linked to; a draft's title stays with its deputy. */
export const clueSuggestionRef = z.object({
  id: z.uuid(),
  number: z.string().nullable(),
  title: z.string().nullable(),
  state: z.string(),
});
export type ClueSuggestionRef = z.infer<typeof clueSuggestionRef>;

export const campaignClue = z.object({
  id: z.uuid(),
  campaignId: z.uuid(),
  campaignTitle: z.string(),
  /** Ledger number, e.g. 2026-0007: year found and order within the campaign. */
  number: z.string(),
  kind: clueKind,
  content: z.string(),
  location: z.string().nullable(),
  foundOn: z.string(),
  visitId: z.uuid().nullable(),
  teamName: z.string().nullable(),
  status: clueStatus,
  handlingUnitId: z.uuid().nullable(),
  handlingUnitName: z.string().nullable(),
  transferLevel: transferLevel.nullable(),
  transferNote: z.string().nullable(),
  transferredAt: z.iso.datetime().nullable(),
  dueDate: z.string().nullable(),
  overdue: z.boolean(),
  rectificationNote: z.string().nullable(),
  rectifiedAt: z.iso.datetime().nullable(),
  closedAt: z.iso.datetime().nullable(),
  reason: z.string().nullable(),
  createdAt: z.iso.datetime(),
  /** The deputy's suggestion it became (module 4), if any. */
  suggestion: clueSuggestionRef.nullable(),
  /** The workflow actions this user may take now. */
  actions: z.array(clueAction),
});
export type CampaignClue = z.infer<typeof campaignClue>;

export const campaignClueDetail = campaignClue.extend({
  history: z.array(
    z.object({
      at: z.iso.datetime(),
      action: z.string(),
      label: z.string(),
      actorName: z.string().nullable(),
      note: z.string().nullable(),
    }),
  ),
});
export type CampaignClueDetail = z.infer<typeof campaignClueDetail>;

export const clueQuery = pageQuery.extend({
  status: clueStatus.optional(),
  kind: clueKind.optional(),
  teamId: z.uuid().optional(),
  handlingUnitId: z.uuid().optional(),
  month: monthPattern.optional(),
  overdue: z.enum(['true', 'false']).optional(),
  q: z.string().trim().max(40).optional(),
});
export type ClueQuery = z.infer<typeof clueQuery>;

export const dispatchQuery = z.object({ month: monthPattern });

/** 月调度: the month's figures beside the running totals since the campaign began. */
export const dispatchReport = z.object({
  campaign: z.object({
    id: z.uuid(),
    title: z.string(),
    theme: z.string(),
    bodyName: z.string(),
    startsOn: z.string(),
    endsOn: z.string(),
  }),
  month: z.string(),
  period: z.object({ from: z.string(), to: z.string() }),
  thisMonth: campaignFigures,
  cumulative: campaignFigures,
  byTeam: z.array(
    z.object({
      teamName: z.string(),
      visits: z.number().int(),
      personTimes: z.number().int(),
      problems: z.number().int(),
      suggestions: z.number().int(),
    }),
  ),
  byUnit: z.array(z.object({ unitName: z.string(), transferred: z.number().int(), closed: z.number().int(), open: z.number().int() })),
  newClues: z.array(
    z.object({
      number: z.string(),
      kind: clueKind,
      content: z.string(),
      location: z.string().nullable(),
      handlingUnitName: z.string().nullable(),
      status: clueStatus,
    }),
  ),
});
export type DispatchReport = z.infer<typeof dispatchReport>;

// ---- editing a campaign ----

/** A team as edited with its campaign: an existing team keeps its id, a new one has none. */
export const campaignTeamEdit = campaignTeamInput.extend({ id: z.uuid().optional() });
export type CampaignTeamEdit = z.infer<typeof campaignTeamEdit>;

/** Staff edit a campaign's title, theme, period and teams; the body stays (its ledger numbers and scope depend on it). */
export const campaignUpdateInput = inOrder(
  z.object({
    title: text('专项名称', 4, 60),
    theme: text('监督主题', 2, 100),
    description: optionalText('工作安排', 4000),
    startsOn: isoDate,
    endsOn: isoDate,
    teams: z.array(campaignTeamEdit).max(50),
  }),
  'startsOn',
  'endsOn',
).refine((v) => new Set(v.teams.map((t) => t.name)).size === v.teams.length, { message: '监督组名称不能重复', path: ['teams'] });
export type CampaignUpdateInput = z.infer<typeof campaignUpdateInput>;

// ---- a deputy's own campaigns (mobile page) ----

/** A campaign the signed-in deputy serves on, with their teams and the teams' members (who may go on a visit). */
export const myCampaign = campaignListItem.extend({
  /** The deputy's own record in this campaign's teams. */
  deputyId: z.uuid(),
  teams: z.array(campaignTeam),
  /** The deputy's visits and person-times in this campaign. */
  myVisits: z.number().int(),
});
export type MyCampaign = z.infer<typeof myCampaign>;

// ---- a clue and a deputy's suggestion (module 4) ----

/** A deputy turns a clue into a draft suggestion; staff link a clue to a suggestion already submitted. */
export const clueSuggestionInput = z.discriminatedUnion('mode', [
  z.object({
    mode: z.literal('draft'),
    title: text('标题', 6, 120).refine((t) => t.startsWith('关于'), '标题一般以“关于”开头，如：关于加快老旧小区加装电梯的建议'),
  }),
  z.object({ mode: z.literal('link'), suggestionId: z.uuid('请选择建议') }),
]);
export type ClueSuggestionInput = z.infer<typeof clueSuggestionInput>;

/** Where a suggestion came from: the campaign clues linked to it. */
export const suggestionSourceClue = z.object({
  id: z.uuid(),
  number: z.string(),
  campaignId: z.uuid(),
  campaignTitle: z.string(),
  kind: clueKind,
  content: z.string(),
});
export type SuggestionSourceClue = z.infer<typeof suggestionSourceClue>;
