import {
  clueKindLabel,
  clueStatusLabel,
  transferLevelLabel,
  type CampaignClue,
  type CampaignClueDetail,
  type CampaignDetail,
  type CampaignFigures,
  type CampaignInput,
  type CampaignTeamInput,
  type CampaignVisitInput,
  type ClueSuggestionRef,
  type ClueAction,
  type ClueActionInputs,
  type ClueQuery,
  type ClueStatus,
  type DispatchReport,
  type Page,
  type StandaloneClueInput,
} from '@renda/shared';
import type { Db, Executor, Tx } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import { clock } from '../../platform/clock.js';
import type { ActorContext } from '../../platform/context.js';
import { chinaDate, endOfChinaDay } from '../../platform/deadlines.js';
import { workbook, type Column } from '../../platform/documents.js';
import { DomainError, notFound } from '../../platform/errors.js';
import type { Notifier } from '../../platform/notifications.js';
import { requireBodyInScope } from '../../platform/scope.js';
import { applyAction } from '../../platform/workflow.js';
import { findSuggestionSummaries } from '../suggestions/index.js';
import { clueNumber, presentCampaign, presentClue, presentClueDetail, presentVisit } from './presenters.js';
import * as repo from './repository.js';
import type { Period } from './repository.js';
import { EXPORT_LIMIT } from './rules.js';
import { clueMachine } from './clue-machine.js';
import { clueWorkflow } from './workflow.js';

/** The buttons of a clue: the actions the ledger's table allows the actor now. */
const clueActionsFor = (ctx: ActorContext, status: string) => clueWorkflow.allowedActions(status as ClueStatus, { role: ctx.actor.role });

export const today = () => chinaDate(clock.now());

export async function requireCampaign(db: Executor, ctx: ActorContext, id: string, forUpdate = false) {
  const row = await repo.getCampaign(db, ctx.actor, id, forUpdate);
  if (!row) throw notFound('专项监督', { id });
  return row;
}

// ---- periods ----

const startOfChinaDay = (date: string) => new Date(Date.parse(`${date}T00:00:00+08:00`));
const dayAfterAt = (date: string) => new Date(endOfChinaDay(date).getTime() + 1);

function period(from: string, to: string): Period {
  const toAt = dayAfterAt(to);
  const now = clock.now();
  return { from, to, fromAt: startOfChinaDay(from), toAt, asOf: now < toAt ? now : toAt };
}

function monthBounds(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

function present(f: repo.FigureRow): CampaignFigures {
  return { ...f };
}

// ---- campaigns ----

export async function createCampaign(db: Db, ctx: ActorContext, input: CampaignInput): Promise<CampaignDetail> {
  return db.transaction(async (tx) => {
    await requireBodyInScope(tx, ctx.actor, input.bodyId);
    const created = await repo.insertCampaign(tx, {
      ...input,
      createdBy: ctx.actor.id,
      createdAt: clock.now(),
    });
    await recordAudit(tx, ctx, { entity: 'campaign', entityId: created.id, bodyId: created.bodyId, action: 'create', after: input });
    return getCampaign(tx, ctx, created.id);
  });
}

export async function pageCampaigns(
  db: Db,
  ctx: ActorContext,
  q: { q?: string | undefined; bodyId?: string | undefined; page: number; pageSize: number },
) {
  const { rows, total } = await repo.pageCampaigns(db, ctx.actor, q);
  const day = today();
  return { items: rows.map((r) => presentCampaign(r.campaign, r.bodyName, day)), total, page: q.page, pageSize: q.pageSize };
}

/** The campaign with its teams and its figures from the start until today. */
export async function getCampaign(db: Executor, ctx: ActorContext, id: string): Promise<CampaignDetail> {
  const row = await requireCampaign(db, ctx, id);
  const day = today();
  const c = row.campaign;
  const [teams, figures] = await Promise.all([
    repo.listTeams(db, id),
    day < c.startsOn ? null : repo.figures(db, id, period(c.startsOn, day)),
  ]);
  return {
    ...presentCampaign(c, row.bodyName, day),
    description: c.description,
    teams: teams.map((t) => ({ id: t.id, name: t.name, area: t.area, deputies: t.deputies })),
    figures: present(
      figures ?? {
        visits: 0,
        personTimes: 0,
        deputies: 0,
        problems: 0,
        suggestions: 0,
        transferred: 0,
        transferredToGovernment: 0,
        closed: 0,
        open: 0,
        overdue: 0,
      },
    ),
  };
}

export async function requireDeputies(tx: Executor, ctx: ActorContext, ids: string[]) {
  const unique = [...new Set(ids)];
  const found = await repo.deputiesInScope(tx, ctx.actor, unique);
  if (found.length !== unique.length)
    throw new DomainError('CAMPAIGN_DEPUTY_UNKNOWN', '所选代表不存在或不在本机关范围内', {
      fields: [{ path: 'deputyIds', message: '请重新选择代表' }],
    });
  return unique;
}

export async function addTeam(db: Db, ctx: ActorContext, campaignId: string, input: CampaignTeamInput): Promise<CampaignDetail> {
  return db.transaction(async (tx) => {
    const row = await requireCampaign(tx, ctx, campaignId);
    const deputyIds = await requireDeputies(tx, ctx, input.deputyIds);
    const team = await repo.insertTeam(tx, { campaignId, name: input.name, area: input.area, createdAt: clock.now() }, deputyIds);
    await recordAudit(tx, ctx, {
      entity: 'campaign_team',
      entityId: team.id,
      bodyId: row.campaign.bodyId,
      action: 'create',
      after: { campaignId, ...input, deputyIds },
    });
    return getCampaign(tx, ctx, campaignId);
  });
}

/** A date of a visit or a finding must lie within the campaign's period and not in the future. */
export function checkDate(c: repo.CampaignRow, date: string, path: string) {
  if (date < c.startsOn || date > c.endsOn)
    throw new DomainError('CAMPAIGN_DATE_OUTSIDE', `日期应在专项监督期间（${c.startsOn} 至 ${c.endsOn}）内`, {
      fields: [{ path, message: '日期不在专项监督期间内' }],
    });
  if (date > today())
    throw new DomainError('CAMPAIGN_DATE_FUTURE', '日期不能晚于今天', { fields: [{ path, message: '日期不能晚于今天' }] });
}

/** Adds clues to the ledger with the next numbers; the caller holds the campaign's lock. */
async function addToLedger(
  tx: Executor,
  ctx: ActorContext,
  c: repo.CampaignRow,
  clues: { kind: string; content: string; location: string | null; foundOn: string; visitId: string | null }[],
) {
  if (!clues.length) return [];
  const first = await repo.nextSeq(tx, c.id);
  const now = clock.now();
  const rows = await repo.insertClues(
    tx,
    clues.map((clue, i) => ({
      ...clue,
      campaignId: c.id,
      bodyId: c.bodyId,
      seq: first + i,
      status: 'recorded',
      createdBy: ctx.actor.id,
      createdAt: now,
      updatedAt: now,
    })),
  );
  await repo.insertClueEvents(
    tx,
    rows.map((r) => ({
      clueId: r.id,
      at: now,
      action: 'record',
      toStatus: 'recorded',
      actorId: ctx.actor.id,
      actorName: ctx.actor.displayName,
    })),
  );
  for (const r of rows)
    await recordAudit(tx, ctx, {
      entity: 'campaign_clue',
      entityId: r.id,
      bodyId: c.bodyId,
      action: 'create',
      after: { number: clueNumber(r.foundOn, r.seq), kind: r.kind, visitId: r.visitId },
    });
  return rows;
}

/** A field visit (实地监督) with the deputies who went and what they found, all in one transaction. */
export async function recordVisit(db: Db, ctx: ActorContext, campaignId: string, input: CampaignVisitInput) {
  return db.transaction(async (tx) => {
    const { campaign: c } = await requireCampaign(tx, ctx, campaignId, true);
    checkDate(c, input.visitedOn, 'visitedOn');
    if (input.teamId && !(await repo.findTeam(tx, campaignId, input.teamId)))
      throw new DomainError('CAMPAIGN_TEAM_UNKNOWN', '所选监督组不属于本专项监督', {
        fields: [{ path: 'teamId', message: '请重新选择监督组' }],
      });
    const deputyIds = await requireDeputies(tx, ctx, input.deputyIds);
    return insertVisitWithClues(tx, ctx, c, input, deputyIds);
  });
}

/** Writes a checked visit, its deputies (one person-time each) and its findings; the caller holds the campaign's lock. */
export async function insertVisitWithClues(tx: Tx, ctx: ActorContext, c: repo.CampaignRow, input: CampaignVisitInput, deputyIds: string[]) {
  const visit = await repo.insertVisit(
    tx,
    {
      campaignId: c.id,
      teamId: input.teamId,
      visitedOn: input.visitedOn,
      place: input.place,
      summary: input.summary,
      recordedBy: ctx.actor.id,
      createdAt: clock.now(),
    },
    deputyIds,
  );
  await recordAudit(tx, ctx, {
    entity: 'campaign_visit',
    entityId: visit.id,
    bodyId: c.bodyId,
    action: 'create',
    after: { campaignId: c.id, visitedOn: input.visitedOn, place: input.place, personTimes: deputyIds.length, clues: input.clues.length },
  });
  const clues = await addToLedger(
    tx,
    ctx,
    c,
    input.clues.map((clue) => ({ ...clue, foundOn: input.visitedOn, visitId: visit.id })),
  );
  const names = await repo.findDeputyNames(tx, deputyIds);
  return {
    visit: presentVisit({
      visit,
      teamName: input.teamId ? ((await repo.findTeam(tx, c.id, input.teamId))?.name ?? null) : null,
      clueCount: clues.length,
      deputies: names.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
    }),
    clueNumbers: clues.map((r) => clueNumber(r.foundOn, r.seq)),
  };
}

export async function addClue(db: Db, ctx: ActorContext, campaignId: string, input: StandaloneClueInput): Promise<CampaignClueDetail> {
  const id = await db.transaction(async (tx) => {
    const { campaign: c } = await requireCampaign(tx, ctx, campaignId, true);
    checkDate(c, input.foundOn, 'foundOn');
    if (input.visitId) {
      const visit = await repo.findVisit(tx, campaignId, input.visitId);
      if (!visit) throw notFound('实地监督记录', { id: input.visitId });
    }
    const [row] = await addToLedger(tx, ctx, c, [input]);
    return row!.id;
  });
  return getClue(db, ctx, id);
}

export async function pageVisits(
  db: Db,
  ctx: ActorContext,
  campaignId: string,
  q: { teamId?: string | undefined; month?: string | undefined; page: number; pageSize: number },
) {
  await requireCampaign(db, ctx, campaignId);
  const { rows, total } = await repo.pageVisits(db, campaignId, { ...q, ...(q.month ? monthBounds(q.month) : {}) });
  return { items: rows.map(presentVisit), total, page: q.page, pageSize: q.pageSize };
}

// ---- the ledger ----

/** A campaign's ledger (or, without one, the clues transferred to the acting unit); `campaignChecked` when the caller checked access its own way. */
export async function pageClues(
  db: Db,
  ctx: ActorContext,
  campaignId: string | null,
  q: ClueQuery,
  campaignChecked = false,
): Promise<Page<CampaignClue>> {
  if (campaignId && !campaignChecked) await requireCampaign(db, ctx, campaignId);
  const now = clock.now();
  const { rows, total } = await repo.pageClues(db, ctx.actor, campaignId, q, now, q.month ? monthBounds(q.month) : undefined);
  const refs = await suggestionRefs(db, ctx, rows);
  return {
    items: rows.map((r) => presentClue(r, clueActionsFor(ctx, r.clue.status), now, refOf(refs, r))),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function getClue(db: Executor, ctx: ActorContext, id: string): Promise<CampaignClueDetail> {
  const row = await repo.getClue(db, ctx.actor, id);
  if (!row) throw notFound('问题线索', { id });
  const [events, refs] = await Promise.all([repo.listClueEvents(db, id), suggestionRefs(db, ctx, [row])]);
  return presentClueDetail(row, clueActionsFor(ctx, row.clue.status), events, clock.now(), refOf(refs, row));
}

/** The suggestions the clues became; a draft's title is its deputy's until submitted (staff see that a draft exists). */
async function suggestionRefs(db: Executor, ctx: ActorContext, rows: repo.ClueListRow[]): Promise<Map<string, ClueSuggestionRef>> {
  const found = await findSuggestionSummaries(
    db,
    rows.flatMap((r) => (r.clue.suggestionId ? [r.clue.suggestionId] : [])),
  );
  return new Map(
    [...found.values()].map((s) => [
      s.id,
      { id: s.id, number: s.number, title: s.state === 'draft' && ctx.actor.role !== 'deputy' ? null : s.title, state: s.state },
    ]),
  );
}
const refOf = (refs: Map<string, ClueSuggestionRef>, r: repo.ClueListRow) =>
  r.clue.suggestionId ? (refs.get(r.clue.suggestionId) ?? null) : null;

/** The one way a clue moves along the ledger: the table's row, the action's effect, its history, the audit entry, in one transaction. */
export async function actOnClue<A extends ClueAction>(
  db: Db,
  notifier: Notifier,
  ctx: ActorContext,
  id: string,
  action: A,
  input: ClueActionInputs[A],
): Promise<CampaignClueDetail> {
  return db.transaction(async (tx) => {
    await applyAction(tx, notifier, clueMachine, ctx, id, action, input);
    return getClue(tx, ctx, id);
  });
}

export async function exportLedger(db: Db, ctx: ActorContext, campaignId: string, q: Omit<ClueQuery, 'page' | 'pageSize'>) {
  const { campaign } = await requireCampaign(db, ctx, campaignId);
  const now = clock.now();
  const rows = await repo.exportClues(db, ctx.actor, campaignId, q, now, EXPORT_LIMIT);
  type R = (typeof rows)[number];
  const cst = (d: Date | null) => (d ? chinaDate(d) : '');
  const columns: Column<R>[] = [
    { header: '编号', key: 'number', width: 12, value: (r) => clueNumber(r.clue.foundOn, r.clue.seq) },
    { header: '类别', key: 'kind', width: 10, value: (r) => clueKindLabel[r.clue.kind as keyof typeof clueKindLabel] },
    { header: '发现日期', key: 'foundOn', width: 12, value: (r) => r.clue.foundOn },
    { header: '监督组', key: 'team', width: 18, value: (r) => r.teamName },
    { header: '地点', key: 'location', width: 24, value: (r) => r.clue.location },
    { header: '内容', key: 'content', width: 60, value: (r) => r.clue.content },
    { header: '状态', key: 'status', width: 14, value: (r) => clueStatusLabel[r.clue.status as ClueStatus] },
    { header: '承办单位', key: 'unit', width: 24, value: (r) => r.unitName },
    {
      header: '转办方式',
      key: 'level',
      width: 20,
      value: (r) => (r.clue.transferLevel ? transferLevelLabel[r.clue.transferLevel as 'local'] : ''),
    },
    { header: '转办日期', key: 'transferredAt', width: 12, value: (r) => cst(r.clue.firstTransferredAt) },
    { header: '整改期限', key: 'due', width: 12, value: (r) => cst(r.clue.dueAt) },
    { header: '是否超期', key: 'overdue', width: 10, value: (r) => (presentClue(r, [], now).overdue ? '超期' : '') },
    { header: '整改情况', key: 'rectification', width: 40, value: (r) => r.clue.rectificationNote },
    { header: '销号日期', key: 'closedAt', width: 12, value: (r) => (r.clue.status === 'closed' ? cst(r.clue.closedAt) : '') },
  ];
  return { file: await workbook('问题线索台账', columns, rows), fileName: `${campaign.title}问题线索台账.xlsx` };
}

// ---- the monthly dispatch report (月调度) ----

export async function dispatchReport(db: Db, ctx: ActorContext, campaignId: string, month: string): Promise<DispatchReport> {
  const row = await requireCampaign(db, ctx, campaignId);
  const c = row.campaign;
  const bounds = monthBounds(month);
  if (bounds.to < c.startsOn || bounds.from > c.endsOn)
    throw new DomainError('CAMPAIGN_MONTH_OUTSIDE', `所选月份不在专项监督期间（${c.startsOn} 至 ${c.endsOn}）内`, {
      fields: [{ path: 'month', message: '请选择专项监督期间内的月份' }],
    });
  if (bounds.from > today())
    throw new DomainError('CAMPAIGN_MONTH_FUTURE', '不能生成尚未到来月份的调度', {
      fields: [{ path: 'month', message: '请选择本月或以前的月份' }],
    });
  const monthPeriod = period(bounds.from, bounds.to);
  const sinceStart = period(c.startsOn, bounds.to);
  const [thisMonth, cumulative, byTeam, byUnit, newClues] = await Promise.all([
    repo.figures(db, campaignId, monthPeriod),
    repo.figures(db, campaignId, sinceStart),
    repo.figuresByTeam(db, campaignId, monthPeriod),
    repo.figuresByUnit(db, campaignId, monthPeriod),
    repo.pageClues(db, ctx.actor, campaignId, { page: 1, pageSize: 200 }, clock.now(), bounds),
  ]);
  return {
    campaign: { id: c.id, title: c.title, theme: c.theme, bodyName: row.bodyName, startsOn: c.startsOn, endsOn: c.endsOn },
    month,
    period: bounds,
    thisMonth: present(thisMonth),
    cumulative: present(cumulative),
    byTeam: byTeam
      .filter((t) => t.team_name !== null || t.visits + t.problems + t.suggestions > 0)
      .map((t) => ({
        teamName: t.team_name ?? '其他来源',
        visits: t.visits,
        personTimes: t.person_times,
        problems: t.problems,
        suggestions: t.suggestions,
      })),
    byUnit: byUnit.map((u) => ({ unitName: u.unit_name, transferred: u.transferred, closed: u.closed, open: u.open })),
    newClues: newClues.rows
      .sort((a, b) => a.clue.seq - b.clue.seq)
      .map((r) => ({
        number: clueNumber(r.clue.foundOn, r.clue.seq),
        kind: r.clue.kind as 'problem',
        content: r.clue.content,
        location: r.clue.location,
        handlingUnitName: r.unitName,
        status: r.clue.status as ClueStatus,
      })),
  };
}
