import {
  dutyKindLabel,
  dutySourceLabel,
  type DutyKind,
  type DutyQuery,
  type DutyRecord,
  type DutyRecordInput,
  type Page,
  type WorkbenchEntry,
} from '@renda/shared';
import type { Db, Executor } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import { clock } from '../../platform/clock.js';
import type { ActorContext } from '../../platform/context.js';
import { DomainError, forbidden, notFound } from '../../platform/errors.js';
import { type Column, workbook } from '../../platform/documents.js';
import { EXPORT_LIMIT, pageResult } from '../../platform/pagination.js';
import { findBodyInScope } from '../../platform/scope.js';
import { todoEntry } from '../../platform/workbench.js';
import * as repo from './duties-repository.js';
import * as groups from './groups-repository.js';
import { findDeputiesByIds, getDeputyByUser } from './repository.js';
import { chinaDate, refuseFutureDate } from '../../platform/deadlines.js';

async function present(db: Executor, rows: repo.DutyRow[]): Promise<DutyRecord[]> {
  const participants = await repo.participantsOf(
    db,
    rows.map((r) => r.record.id),
  );
  return rows.map(({ record: r, gridCellName, recordedByName }) => ({
    id: r.id,
    bodyId: r.bodyId,
    kind: r.kind as DutyKind,
    occurredOn: r.occurredOn,
    place: r.place,
    title: r.title,
    description: r.description,
    votersReceived: r.votersReceived,
    gridCellId: r.gridCellId,
    gridCellName,
    source: r.source as DutyRecord['source'],
    participants: participants.get(r.id) ?? [],
    recordedByName,
    createdAt: r.createdAt.toISOString(),
  }));
}

/** The deputy record behind a deputy's login, or null for staff. */
async function actingDeputy(db: Executor, ctx: ActorContext) {
  if (ctx.actor.role !== 'deputy') return null;
  const own = await getDeputyByUser(db, ctx.actor.id);
  if (!own) throw new DomainError('DEPUTY_NOT_LINKED', '您的账号尚未关联代表名册，请联系人大机关工作人员', undefined, 404);
  return own;
}

export async function pageDuties(db: Db, ctx: ActorContext, q: DutyQuery): Promise<Page<DutyRecord>> {
  const own = await actingDeputy(db, ctx);
  const { rows, total } = await repo.pageDuties(db, ctx.actor, q, own?.deputy.id ?? null);
  return pageResult(await present(db, rows), total, q);
}

const exportColumns: Column<DutyRecord>[] = [
  { header: '活动日期', key: 'occurredOn', width: 12, value: (r) => r.occurredOn },
  { header: '活动类型', key: 'kind', width: 14, value: (r) => dutyKindLabel[r.kind] },
  { header: '标题', key: 'title', width: 36, value: (r) => r.title },
  { header: '地点', key: 'place', width: 20, value: (r) => r.place },
  { header: '参加代表', key: 'participants', width: 30, value: (r) => r.participants.map((p) => p.name).join('、') },
  { header: '参加人数', key: 'participantCount', width: 10, value: (r) => r.participants.length },
  { header: '接待选民人次', key: 'votersReceived', width: 12, value: (r) => r.votersReceived },
  { header: '网格', key: 'gridCell', width: 16, value: (r) => r.gridCellName },
  { header: '来源', key: 'source', width: 12, value: (r) => dutySourceLabel[r.source] },
  { header: '登记人', key: 'recordedBy', width: 10, value: (r) => r.recordedByName },
  { header: '活动内容', key: 'description', width: 48, value: (r) => r.description },
];

/** The log as filtered (a deputy's own records for a deputy), newest first, as an Excel workbook. */
export async function exportDuties(db: Db, ctx: ActorContext, q: DutyQuery): Promise<Buffer> {
  const own = await actingDeputy(db, ctx);
  const rows = await repo.listDuties(db, ctx.actor, q, own?.deputy.id ?? null, EXPORT_LIMIT);
  return workbook('履职登记', exportColumns, await present(db, rows));
}

/** A record the actor may see: staff within their bodies, a deputy only the records they took part in. */
async function requireDuty(db: Executor, ctx: ActorContext, id: string) {
  const row = await repo.getDuty(db, id);
  if (!row) throw notFound('履职记录', { id });
  const own = await actingDeputy(db, ctx);
  if (own) {
    if (!(await repo.isParticipant(db, id, own.deputy.id))) throw notFound('履职记录', { id });
  } else {
    if (!(await findBodyInScope(db, ctx.actor, row.record.bodyId))) throw notFound('履职记录', { id });
  }
  return { row, own };
}

export async function getDuty(db: Executor, ctx: ActorContext, id: string): Promise<DutyRecord> {
  const { row } = await requireDuty(db, ctx, id);
  return (await present(db, [row]))[0]!;
}

/** The body whose log holds this record, and a check that the participants and grid cell fit. */
async function checkInput(db: Executor, ctx: ActorContext, input: DutyRecordInput, own: Awaited<ReturnType<typeof actingDeputy>>) {
  const ids = [...new Set(input.deputyIds)];
  if (own && (ids.length !== 1 || ids[0] !== own.deputy.id)) throw forbidden('代表只能登记本人的履职活动；集体活动请由机关工作人员登记');
  refuseFutureDate(input.occurredOn, { code: 'DUTY_DATE_IN_FUTURE', message: '活动日期不能晚于今天', path: 'occurredOn' });
  const found = own ? [own.deputy] : await findDeputiesByIds(db, ctx.actor, ids);
  const missing = ids.filter((i) => !found.some((d) => d.id === i));
  if (missing.length) throw notFound('代表', { missing });
  const late = found.filter((d) => d.status !== 'in_office' && d.statusDate && d.statusDate < input.occurredOn);
  if (late.length)
    throw new DomainError('DUTY_AFTER_TERM_END', `${late.map((d) => d.name).join('、')}在活动日期前已不在任`, {
      deputyIds: late.map((d) => d.id),
    });
  if (input.gridCellId) {
    const cell = await groups.getGridCell(db, ctx.actor, input.gridCellId);
    if (!cell) throw notFound('网格', { gridCellId: input.gridCellId });
    if (own && !(await groups.cellsOfDeputy(db, own.deputy.id)).some((c) => c.id === input.gridCellId))
      throw forbidden('只能选择本人所在的网格');
  }
  return { ids, bodyId: own ? own.deputy.bodyId : ctx.actor.bodyId };
}

export async function createDuty(db: Db, ctx: ActorContext, input: DutyRecordInput): Promise<DutyRecord> {
  return db.transaction(async (tx) => {
    const own = await actingDeputy(tx, ctx);
    const { ids, bodyId } = await checkInput(tx, ctx, input, own);
    const { deputyIds: _ids, ...fields } = input;
    const id = await repo.insertDuty(tx, {
      ...fields,
      bodyId,
      source: own ? 'deputy' : 'staff',
      recordedBy: ctx.actor.id,
      createdAt: clock.now(),
    });
    await repo.setParticipants(tx, { id, occurredOn: input.occurredOn, kind: input.kind, gridCellId: input.gridCellId }, ids);
    const created = await getDuty(tx, ctx, id);
    await recordAudit(tx, ctx, { entity: 'duty_record', entityId: id, bodyId, action: 'create', after: created });
    return created;
  });
}

/** Records written by a reception session belong to the station's register and change only there. */
function checkEditable(row: repo.DutyRow, own: Awaited<ReturnType<typeof actingDeputy>>) {
  if (row.record.source === 'station') throw new DomainError('DUTY_FROM_STATION', '联络站接待生成的履职记录请在接待记录中修改');
  if (row.record.source === 'contact') throw new DomainError('DUTY_FROM_CONTACT', '双联系生成的履职记录请在联系记录中修改');
  if (row.record.source === 'meeting') throw new DomainError('DUTY_FROM_MEETING', '会议签到生成的列席记录请在会议中修改');
  if (own && row.record.source !== 'deputy') throw forbidden('机关登记的集体活动只能由机关工作人员修改');
}

export async function updateDuty(db: Db, ctx: ActorContext, id: string, input: DutyRecordInput): Promise<DutyRecord> {
  return db.transaction(async (tx) => {
    const { row, own } = await requireDuty(tx, ctx, id);
    checkEditable(row, own);
    const before = (await present(tx, [row]))[0]!;
    const { ids } = await checkInput(tx, ctx, input, own);
    const { deputyIds: _ids, ...fields } = input;
    await repo.updateDuty(tx, id, { ...fields, updatedAt: clock.now() });
    await repo.setParticipants(tx, { id, occurredOn: input.occurredOn, kind: input.kind, gridCellId: input.gridCellId }, ids);
    const after = await getDuty(tx, ctx, id);
    await recordAudit(tx, ctx, { entity: 'duty_record', entityId: id, bodyId: row.record.bodyId, action: 'update', before, after });
    return after;
  });
}

export async function deleteDuty(db: Db, ctx: ActorContext, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const { row, own } = await requireDuty(tx, ctx, id);
    checkEditable(row, own);
    const before = (await present(tx, [row]))[0]!;
    await repo.deleteDuty(tx, id);
    await recordAudit(tx, ctx, { entity: 'duty_record', entityId: id, bodyId: row.record.bodyId, action: 'delete', before });
  });
}

/** For the attachment store: the record's body when the actor may see it. */
export async function dutyOwner(db: Db, ctx: ActorContext, id: string) {
  try {
    const { row } = await requireDuty(db, ctx, id);
    return { bodyId: row.record.bodyId };
  } catch {
    return null;
  }
}

/** A duty written by another module's step: a reception closed, a voter contacted, an appointment held. */
export interface DutyFromElsewhere {
  bodyId: string;
  kind: DutyKind;
  occurredOn: string;
  place: string | null;
  title: string;
  description: string | null;
  votersReceived: number;
  source: 'station' | 'contact' | 'meeting' | 'supervision';
  recordedBy: string;
}

/**
 * Writes the record with its participants, so the step counts in each deputy's duty log, seven ones
 * and assessment without being typed again; the caller audits its own step.
 */
export async function recordDuty(tx: Executor, duty: DutyFromElsewhere, deputyIds: string[]): Promise<string> {
  const id = await repo.insertDuty(tx, { ...duty, gridCellId: null, createdAt: clock.now() });
  await repo.setParticipants(tx, { id, occurredOn: duty.occurredOn, kind: duty.kind, gridCellId: null }, deputyIds);
  return id;
}

/**
 * The deputy's duty-log line on the workbench: this month's records (the filtered list), or, when there
 * are none yet, a reminder that opens the form to record one.
 */
export async function dutyTodos(db: Db, ctx: ActorContext): Promise<WorkbenchEntry[]> {
  if (ctx.actor.role !== 'deputy') return [];
  const today = chinaDate(clock.now());
  const filter = { from: `${today.slice(0, 8)}01`, to: today };
  const entry = await todoEntry<typeof filter, DutyRecord>(
    { key: 'deputies.duties', module: 'deputies', label: '本月登记的履职活动', page: '/deputies/duties', filter, tone: 'watch' },
    (q) => pageDuties(db, ctx, q),
  );
  return [entry.count ? entry : { ...entry, label: '本月尚未登记履职活动，请及时登记', link: '/deputies/duties/new', tone: 'todo' }];
}
