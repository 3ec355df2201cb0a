import {
  clueKindLabel,
  clueStatusLabel,
  transferLevelLabel,
  type CampaignClue,
  type CampaignClueDetail,
  type CampaignVisitInput,
  type ClueSuggestionRef,
  type ClueAction,
  type ClueActionInputs,
  type ClueQuery,
  type ClueStatus,
  type Page,
  type StandaloneClueInput,
} from '@renda/shared';
import type { Db, Executor, Tx } from '../../db/client.js';
import { EXPORT_LIMIT } from '../../platform/pagination.js';
import { recordAudit } from '../../platform/audit.js';
import { clock } from '../../platform/clock.js';
import type { ActorContext } from '../../platform/context.js';
import { chinaDate } from '../../platform/deadlines.js';
import { workbook, type Column } from '../../platform/documents.js';
import { DomainError, notFound } from '../../platform/errors.js';
import type { Notifier } from '../../platform/notifications.js';
import { applyAction } from '../../platform/workflow.js';
import { findSuggestionSummaries } from '../suggestions/index.js';
import { clueNumber, presentClue, presentClueDetail, presentVisit } from './presenters.js';
import * as repo from './repository.js';
import { clueMachine } from './clue-machine.js';
import { clueWorkflow } from './workflow.js';
import { checkDate, monthBounds, requireCampaign, requireDeputies } from './service.js';
/** The problem-clue ledger (问题线索台账): visits and their findings, clues along their table, the export. */

/** The buttons of a clue: the actions the ledger's table allows the actor now. */
const clueActionsFor = (ctx: ActorContext, status: string) => clueWorkflow.allowedActions(status as ClueStatus, { role: ctx.actor.role });

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
    { header: '是否逾期', key: 'overdue', width: 10, value: (r) => (presentClue(r, [], now).overdue ? '逾期' : '') },
    { header: '整改情况', key: 'rectification', width: 40, value: (r) => r.clue.rectificationNote },
    { header: '销号日期', key: 'closedAt', width: 12, value: (r) => (r.clue.status === 'closed' ? cst(r.clue.closedAt) : '') },
  ];
  return { file: await workbook('问题线索台账', columns, rows), fileName: `${campaign.title}问题线索台账.xlsx` };
}
