import {
  placeKindLabel,
  stationKindLabel,
  type Page,
  type PlaceKind,
  type PublicStationView,
  type Station,
  type StationInput,
  type StationKind,
  type WorkbenchEntry,
} from '@renda/shared';
import type { Db, Executor } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import { clock } from '../../platform/clock.js';
import type { ActorContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { type Column, workbook } from '../../platform/documents.js';
import { EXPORT_LIMIT, pageResult } from '../../platform/pagination.js';
import { addCalendarDays, chinaDate } from '../../platform/deadlines.js';
import { requireBodyInScope } from '../../platform/scope.js';
import { todoEntry } from '../../platform/workbench.js';
import { newPublicCode } from '../deputies/index.js';
import * as repo from './repository.js';
import { today } from './repeat.js';

function presentStation(r: repo.StationRow): Station {
  const s = r.station;
  return {
    id: s.id,
    bodyId: s.bodyId,
    bodyName: r.bodyName,
    kind: s.kind as StationKind,
    name: s.name,
    regionCode: s.regionCode,
    regionName: r.regionName,
    address: s.address,
    latitude: s.latitude,
    longitude: s.longitude,
    placeKind: (s.placeKind as PlaceKind | null) ?? null,
    openingHours: s.openingHours,
    contactName: s.contactName,
    contactPhone: s.contactPhone,
    rules: s.rules,
    active: s.active,
    publicCode: s.publicCode,
    createdAt: s.createdAt.toISOString(),
  };
}

type StationListQuery = repo.StationFilter & { rotaGap?: 'thisWeek' | undefined };

export async function pageStations(
  db: Db,
  ctx: ActorContext,
  f: StationListQuery & { page: number; pageSize: number },
): Promise<Page<Station>> {
  const { rows, total } = await repo.pageStations(db, ctx.actor, f, f.rotaGap ? thisWeek() : undefined);
  return pageResult(rows.map(presentStation), total, f);
}

const exportColumns: Column<Station>[] = [
  { header: '名称', key: 'name', width: 28, value: (s) => s.name },
  { header: '类型', key: 'kind', width: 14, value: (s) => stationKindLabel[s.kind] },
  { header: '所属人大', key: 'body', width: 24, value: (s) => s.bodyName },
  { header: '所在区域', key: 'region', width: 16, value: (s) => s.regionName },
  { header: '地址', key: 'address', width: 32, value: (s) => s.address },
  { header: '所在场所', key: 'placeKind', width: 10, value: (s) => (s.placeKind ? placeKindLabel[s.placeKind] : null) },
  { header: '接待时间', key: 'openingHours', width: 24, value: (s) => s.openingHours },
  { header: '联络员', key: 'contactName', width: 10, value: (s) => s.contactName },
  { header: '联系电话', key: 'contactPhone', width: 14, value: (s) => s.contactPhone },
  { header: '状态', key: 'active', width: 8, value: (s) => (s.active ? '启用' : '停用') },
];

/** The list as filtered, in its order, as an Excel workbook (代表联络站). */
export async function exportStations(db: Db, ctx: ActorContext, f: StationListQuery): Promise<Buffer> {
  const rows = await repo.listStations(db, ctx.actor, f, f.rotaGap ? thisWeek() : undefined, EXPORT_LIMIT);
  return workbook('代表联络站', exportColumns, rows.map(presentStation));
}

/** Monday to Sunday of the current week, as China calendar dates. */
function thisWeek(): { from: string; to: string } {
  const today = new Date(`${chinaDate(clock.now())}T00:00:00Z`);
  const monday = new Date(today.getTime() - ((today.getUTCDay() + 6) % 7) * 86_400_000);
  const sunday = new Date(monday.getTime() + 6 * 86_400_000);
  return { from: monday.toISOString().slice(0, 10), to: sunday.toISOString().slice(0, 10) };
}

/** The stations' line of the staff's to-do list: active stations with no duty day this week. */
export async function stationTodos(db: Db, ctx: ActorContext): Promise<WorkbenchEntry[]> {
  if (ctx.actor.role !== 'staff') return [];
  const filter = { rotaGap: 'thisWeek' as const };
  return [
    await todoEntry<typeof filter, Station>(
      { key: 'stations.rotaGap', module: 'stations', label: '本周未排班的联络站', page: '/stations', filter },
      (q) => pageStations(db, ctx, q),
    ),
  ];
}

export async function requireStation(db: Executor, ctx: ActorContext, id: string) {
  const row = await repo.getStation(db, ctx.actor, id);
  if (!row) throw notFound('联络站', { id });
  return row;
}

export async function getStation(db: Executor, ctx: ActorContext, id: string) {
  return presentStation(await requireStation(db, ctx, id));
}

const checkBody = (db: Executor, ctx: ActorContext, bodyId: string) => requireBodyInScope(db, ctx.actor, bodyId);

export async function createStation(db: Db, ctx: ActorContext, input: StationInput): Promise<Station> {
  return db.transaction(async (tx) => {
    await checkBody(tx, ctx, input.bodyId);
    const id = await repo.insertStation(tx, { ...input, publicCode: newPublicCode(), createdAt: clock.now() });
    const created = await getStation(tx, ctx, id);
    await recordAudit(tx, ctx, { entity: 'station', entityId: id, bodyId: input.bodyId, action: 'create', after: created });
    return created;
  });
}

export async function updateStation(db: Db, ctx: ActorContext, id: string, input: StationInput): Promise<Station> {
  return db.transaction(async (tx) => {
    const before = await getStation(tx, ctx, id);
    await checkBody(tx, ctx, input.bodyId);
    await repo.updateStation(tx, id, { ...input, updatedAt: clock.now() });
    const after = await getStation(tx, ctx, id);
    await recordAudit(tx, ctx, { entity: 'station', entityId: id, bodyId: input.bodyId, action: 'update', before, after });
    return after;
  });
}

/** How far ahead the public page looks for the next reception day when there is none today. */
const PUBLIC_ROTA_DAYS = 14;

/** Public data only: what the station's QR code opens. */
export async function publicStation(db: Db, publicCode: string): Promise<PublicStationView> {
  const s = await repo.findStationByPublicCode(db, publicCode);
  if (!s || !s.active) throw notFound('联络站');
  const first = today();
  const rota = (await repo.rotaOf(db, s.id, first, addCalendarDays(first, PUBLIC_ROTA_DAYS))).map((r) => r.rota);
  // Today's days on the rota if there are any, else the first day that has one.
  const shown = rota.filter((r) => r.day === (rota.some((x) => x.day === first) ? first : rota[0]?.day));
  const names = await repo.rotaDeputies(
    db,
    shown.map((r) => r.id),
  );
  return {
    name: s.name,
    kind: s.kind as StationKind,
    kindLabel: stationKindLabel[s.kind as StationKind],
    address: s.address,
    openingHours: s.openingHours,
    contactName: s.contactName,
    contactPhone: s.contactPhone,
    receptions: shown.map((r) => ({
      day: r.day,
      today: r.day === first,
      startTime: r.startTime,
      endTime: r.endTime,
      topic: r.topic,
      deputies: (names.get(r.id) ?? []).map((d) => d.name),
    })),
  };
}
