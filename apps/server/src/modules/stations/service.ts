import {
  receptionActionLabel,
  receptionStateLabel,
  stationKindLabel,
  type Page,
  type PlaceKind,
  type PublicDeputyCard,
  type ReceptionSession,
  type RotaEntry,
  type RotaInput,
  type RotaRepeatInput,
  type RotaRepeatResult,
  rotaRepeatMaxDays,
  type ReceptionAction,
  type ReceptionState,
  type Station,
  type StationFigures,
  type StationInput,
  type StationKind,
} from '@renda/shared';
import type { Db, Executor } from '../../db/client.js';
import { bodies } from '../../db/schema.js';
import { recordAudit } from '../../platform/audit.js';
import { clock } from '../../platform/clock.js';
import { opinionCountsOfDeputy, registerVisitConcern } from '../opinions/index.js';
import type { ActorContext } from '../../platform/context.js';
import { conflict, DomainError, forbidden, notFound } from '../../platform/errors.js';
import type { Notifier } from '../../platform/notifications.js';
import { workbook } from '../../platform/documents.js';
import { pageResult } from '../../platform/pagination.js';
import { and, eq, sql } from 'drizzle-orm';
import {
  dutyParticipants,
  findDeputiesByIds,
  findDeputyByPublicCode,
  getDeputyByUser,
  insertDuty,
  newPublicCode,
  setParticipants,
} from '../deputies/index.js';
import * as repo from './repository.js';
import { periodLength, weeklyDays } from './repeat.js';
import { allowedActions, findTransition } from './workflow.js';

const today = () => clock.now().toISOString().slice(0, 10);

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

export async function pageStations(db: Db, ctx: ActorContext, f: Parameters<typeof repo.pageStations>[2]): Promise<Page<Station>> {
  const { rows, total } = await repo.pageStations(db, ctx.actor, f);
  return pageResult(rows.map(presentStation), total, f);
}

export async function requireStation(db: Executor, ctx: ActorContext, id: string) {
  const row = await repo.getStation(db, ctx.actor, id);
  if (!row) throw notFound('联络站', { id });
  return row;
}

export async function getStation(db: Executor, ctx: ActorContext, id: string) {
  return presentStation(await requireStation(db, ctx, id));
}

async function checkBody(db: Executor, ctx: ActorContext, bodyId: string) {
  const [body] = await db
    .select()
    .from(bodies)
    .where(and(eq(bodies.id, bodyId), sql`${bodies.path} LIKE ${ctx.actor.bodyPath + '%'}`));
  if (!body) throw notFound('人大机关', { bodyId });
}

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

// ---- 四定 rota ----
async function presentRota(db: Executor, rows: Awaited<ReturnType<typeof repo.rotaOf>>): Promise<RotaEntry[]> {
  const deputiesOf = await repo.rotaDeputies(
    db,
    rows.map((r) => r.rota.id),
  );
  return rows.map(({ rota: r, sessionId }) => ({
    id: r.id,
    stationId: r.stationId,
    day: r.day,
    startTime: r.startTime,
    endTime: r.endTime,
    topic: r.topic,
    responsibleName: r.responsibleName,
    responsiblePhone: r.responsiblePhone,
    deputies: deputiesOf.get(r.id) ?? [],
    remindedAt: r.remindedAt?.toISOString() ?? null,
    sessionId,
  }));
}

export async function rota(db: Db, ctx: ActorContext, stationId: string, from: string, to: string) {
  await requireStation(db, ctx, stationId);
  return presentRota(db, await repo.rotaOf(db, stationId, from, to));
}

/** What a rota day and a weekly repeat both check: an active station in scope, a day not past, deputies in office. */
async function checkRota(
  tx: Executor,
  ctx: ActorContext,
  stationId: string,
  input: { deputyIds: string[] },
  first: { day: string; path: string },
) {
  const station = await requireStation(tx, ctx, stationId);
  if (!station.station.active) throw new DomainError('STATION_INACTIVE', '该联络站已停用，不能排班');
  if (first.day < today())
    throw new DomainError('ROTA_DAY_PAST', '不能为已过去的日期排班', { fields: [{ path: first.path, message: '日期已过' }] });
  const ids = [...new Set(input.deputyIds)];
  const found = await findDeputiesByIds(tx, ctx.actor, ids);
  const missing = ids.filter((i) => !found.some((d) => d.id === i));
  if (missing.length) throw notFound('代表', { missing });
  const inactive = found.filter((d) => d.status !== 'in_office');
  if (inactive.length) throw new DomainError('ROTA_DEPUTY_NOT_IN_OFFICE', `${inactive.map((d) => d.name).join('、')}已不在任，不能排班`);
  // One writer at a time per station, so two repeats cannot both find a day free.
  await repo.lockStation(tx, stationId);
  return { station, deputyIds: ids };
}

type RotaFields = Omit<RotaInput, 'day' | 'deputyIds'>;

async function insertRotaDay(
  tx: Executor,
  ctx: ActorContext,
  station: repo.StationRow,
  fields: RotaFields,
  day: string,
  deputyIds: string[],
) {
  const { startTime, endTime, topic, responsibleName, responsiblePhone } = fields;
  const row = { day, startTime, endTime, topic, responsibleName, responsiblePhone, stationId: station.station.id, createdAt: clock.now() };
  const id = await repo.insertRota(tx, row, deputyIds);
  const [created] = await presentRota(tx, [(await repo.getRota(tx, id))!]);
  await recordAudit(tx, ctx, { entity: 'station_rota', entityId: id, bodyId: station.station.bodyId, action: 'create', after: created });
  return created!;
}

type RotaRow = Awaited<ReturnType<typeof repo.rotaOf>>[number];

/** The station's entry on `day` whose hours overlap the given ones, if any. */
const clashOf = (existing: RotaRow[], day: string, hours: { startTime: string; endTime: string }) =>
  existing.find(({ rota: r }) => r.day === day && r.startTime < hours.endTime && hours.startTime < r.endTime);
const describeEntry = (r: RotaRow['rota']) => `${r.startTime}—${r.endTime}“${r.topic}”`;

export async function addRota(db: Db, ctx: ActorContext, stationId: string, input: RotaInput): Promise<RotaEntry> {
  return db.transaction(async (tx) => {
    const { station, deputyIds } = await checkRota(tx, ctx, stationId, input, { day: input.day, path: 'day' });
    const clash = clashOf(await repo.rotaOf(tx, stationId, input.day, input.day), input.day, input);
    if (clash)
      throw conflict('ROTA_OVERLAP', `该站 ${input.day} 已有排班 ${describeEntry(clash.rota)}，时间不能重叠`, {
        fields: [{ path: 'startTime', message: '与已有排班时间重叠' }],
      });
    return insertRotaDay(tx, ctx, station, input, input.day, deputyIds);
  });
}

/**
 * 周接待: one rota day for every chosen weekday of a period, official days off and days already
 * holding an overlapping entry skipped (and said so). All days or none: one transaction, each day
 * audited like a single entry. A preview answers the same without writing.
 */
export async function repeatRota(db: Db, ctx: ActorContext, stationId: string, input: RotaRepeatInput): Promise<RotaRepeatResult> {
  if (periodLength(input.from, input.to) > rotaRepeatMaxDays)
    throw new DomainError('ROTA_REPEAT_TOO_LONG', `按周重复排班的期间最长一年（${rotaRepeatMaxDays} 天），请分段排班`, {
      fields: [{ path: 'to', message: '期间超过一年' }],
    });
  const plan = weeklyDays(input.from, input.to, input.weekdays);
  if (plan.days.length + plan.holidays.length === 0)
    throw new DomainError('ROTA_REPEAT_NO_DAYS', '所选期间内没有所选的星期几，请调整日期或星期', {
      fields: [{ path: 'weekdays', message: '期间内没有这些星期几' }],
    });
  return db.transaction(async (tx) => {
    const { station, deputyIds } = await checkRota(tx, ctx, stationId, input, { day: input.from, path: 'from' });
    const existing = await repo.rotaOf(tx, stationId, input.from, input.to);
    const skipped: RotaRepeatResult['skipped'] = plan.holidays.map((h) => ({ day: h.day, reason: 'holiday', note: h.name }));
    const days: string[] = [];
    for (const day of plan.days) {
      const clash = clashOf(existing, day, input);
      if (clash) skipped.push({ day, reason: 'overlap', note: `已有 ${describeEntry(clash.rota)}` });
      else days.push(day);
    }
    skipped.sort((a, b) => a.day.localeCompare(b.day));
    if (input.preview) return { preview: true, days, created: [], skipped };
    const created: RotaEntry[] = [];
    for (const day of days) created.push(await insertRotaDay(tx, ctx, station, input, day, deputyIds));
    return { preview: false, days, created, skipped };
  });
}

export async function deleteRota(db: Db, ctx: ActorContext, stationId: string, rotaId: string) {
  await db.transaction(async (tx) => {
    const station = await requireStation(tx, ctx, stationId);
    const row = await repo.getRota(tx, rotaId);
    if (!row || row.rota.stationId !== stationId) throw notFound('排班', { rotaId });
    if (row.sessionId) throw new DomainError('ROTA_HAS_SESSION', '该排班已开始接待，不能删除');
    const [before] = await presentRota(tx, [row]);
    await repo.deleteRota(tx, rotaId);
    await recordAudit(tx, ctx, { entity: 'station_rota', entityId: rotaId, bodyId: station.station.bodyId, action: 'delete', before });
  });
}

/** Tomorrow's deputies on the rota get a notice in the platform and an SMS to their phone, once. */
export async function remindRota(db: Db, notifier: Notifier): Promise<number> {
  const tomorrow = new Date(clock.now().getTime() + 24 * 3600 * 1000).toISOString().slice(0, 10);
  return db.transaction(async (tx) => {
    const due = await repo.rotaDueForReminder(tx, tomorrow);
    for (const d of due) {
      const text = `${d.deputyName}代表：您已排定于 ${d.day} ${d.startTime}—${d.endTime} 在${d.stationName}进站接待选民，活动主题：${d.topic}。`;
      if (d.userId) await notifier.notify(tx, { userId: d.userId, title: '进站接待提醒', body: text, link: `/stations/${d.stationId}` });
      if (d.phone)
        await notifier.enqueueMessage(tx, {
          channel: 'sms',
          recipient: d.phone,
          body: `【人大代表联络站】${text}${d.address ? `地址：${d.address}。` : ''}`,
          bodyId: d.bodyId,
        });
    }
    await repo.markReminded(tx, [...new Set(due.map((d) => d.rotaId))], clock.now());
    return due.length;
  });
}

// ---- reception sessions ----
async function presentSession(
  db: Executor,
  ctx: ActorContext,
  s: NonNullable<Awaited<ReturnType<typeof repo.getSession>>>,
  stationName: string,
): Promise<ReceptionSession> {
  const [signins, concerns] = await Promise.all([repo.signinsOf(db, s.id), repo.concernsOf(db, s.id)]);
  return {
    id: s.id,
    stationId: s.stationId,
    stationName,
    rotaId: s.rotaId,
    heldOn: s.heldOn,
    topic: s.topic,
    responsibleName: s.responsibleName,
    committee: s.committee,
    votersReceived: s.votersReceived,
    notes: s.notes,
    state: s.state as ReceptionState,
    allowedActions: allowedActions(s.state as ReceptionState, ctx.actor.role),
    signedIn: signins.map((x) => ({ id: x.id, name: x.name, signedAt: x.signedAt.toISOString() })),
    concerns: concerns.map((c) => ({
      id: c.id,
      content: c.content,
      visitorName: c.visitorName,
      visitorPhone: c.visitorPhone,
      resolvedOnSite: c.resolvedOnSite,
      opinionId: c.opinionId,
      createdAt: c.createdAt.toISOString(),
    })),
    dutyRecordId: s.dutyRecordId,
    createdAt: s.createdAt.toISOString(),
  };
}

async function requireSession(db: Executor, ctx: ActorContext, id: string) {
  const session = await repo.getSession(db, id);
  if (!session) throw notFound('接待记录', { id });
  const station = await repo.getStation(db, ctx.actor, session.stationId);
  if (!station) throw notFound('接待记录', { id });
  return { session, station };
}

export async function getSession(db: Executor, ctx: ActorContext, id: string) {
  const { session, station } = await requireSession(db, ctx, id);
  return presentSession(db, ctx, session, station.station.name);
}

export async function listSessions(db: Db, ctx: ActorContext, stationId: string) {
  const station = await requireStation(db, ctx, stationId);
  const rows = await repo.pageSessions(db, stationId, 100);
  return Promise.all(rows.map((s) => presentSession(db, ctx, s, station.station.name)));
}

export async function openSession(
  db: Db,
  ctx: ActorContext,
  stationId: string,
  input: { rotaId: string | null; heldOn: string; topic: string; responsibleName: string; committee: string | null },
) {
  return db.transaction(async (tx) => {
    const station = await requireStation(tx, ctx, stationId);
    if (input.heldOn > today())
      throw new DomainError('SESSION_DATE_FUTURE', '接待日期不能晚于今天', { fields: [{ path: 'heldOn', message: '不能晚于今天' }] });
    if (input.rotaId) {
      const r = await repo.getRota(tx, input.rotaId);
      if (!r || r.rota.stationId !== stationId) throw notFound('排班', { rotaId: input.rotaId });
      if (r.sessionId) throw new DomainError('ROTA_SESSION_EXISTS', '该排班已有接待记录', { sessionId: r.sessionId }, 409);
    }
    const id = await repo.insertSession(tx, { ...input, stationId, createdBy: ctx.actor.id, createdAt: clock.now() });
    const created = await getSession(tx, ctx, id);
    await recordAudit(tx, ctx, {
      entity: 'reception_session',
      entityId: id,
      bodyId: station.station.bodyId,
      action: 'open',
      after: created,
    });
    return created;
  });
}

function step(session: { state: string }, action: ReceptionAction, ctx: ActorContext) {
  const t = findTransition(session.state as ReceptionState, action, ctx.actor.role);
  if (!t)
    throw new DomainError(
      'SESSION_ACTION_NOT_ALLOWED',
      `接待当前为“${receptionStateLabel[session.state as ReceptionState]}”，不能${receptionActionLabel[action]}`,
      {
        state: session.state,
        action,
      },
    );
  return t;
}

/** Staff sign in any deputy; a deputy signs in only themself. */
export async function signIn(db: Db, ctx: ActorContext, sessionId: string, deputyId: string | null) {
  return db.transaction(async (tx) => {
    const { session, station } = await requireSession(tx, ctx, sessionId);
    step(session, 'signIn', ctx);
    let id = deputyId;
    if (ctx.actor.role === 'deputy') {
      const own = await getDeputyByUser(tx, ctx.actor.id);
      if (!own) throw new DomainError('DEPUTY_NOT_LINKED', '您的账号尚未关联代表名册，请联系人大机关工作人员', undefined, 404);
      if (deputyId && deputyId !== own.deputy.id) throw forbidden('代表只能为本人签到');
      id = own.deputy.id;
    }
    if (!id) throw new DomainError('DEPUTY_REQUIRED', '请选择签到的代表', { fields: [{ path: 'deputyId', message: '请选择代表' }] });
    const [found] = ctx.actor.role === 'deputy' ? [{ id, status: 'in_office', name: '' }] : await findDeputiesByIds(tx, ctx.actor, [id]);
    if (!found) throw notFound('代表', { deputyId: id });
    if (found.status !== 'in_office') throw new DomainError('DEPUTY_NOT_IN_OFFICE', `${found.name}已不在任，不能签到`);
    const added = await repo.insertSignin(tx, sessionId, id, clock.now());
    if (!added) throw new DomainError('ALREADY_SIGNED_IN', '该代表已签到', undefined, 409);
    await recordAudit(tx, ctx, {
      entity: 'reception_session',
      entityId: sessionId,
      bodyId: station.station.bodyId,
      action: 'sign_in',
      after: { deputyId: id },
    });
    return getSession(tx, ctx, sessionId);
  });
}

export async function addConcern(
  db: Db,
  ctx: ActorContext,
  sessionId: string,
  input: { content: string; visitorName: string | null; visitorPhone: string | null; resolvedOnSite: boolean },
) {
  return db.transaction(async (tx) => {
    const { session, station } = await requireSession(tx, ctx, sessionId);
    step(session, 'addConcern', ctx);
    // What was not settled on the spot becomes a public opinion, followed to a reply like any other.
    const opinion = input.resolvedOnSite
      ? null
      : await registerVisitConcern(tx, ctx, {
          bodyId: station.station.bodyId,
          stationId: station.station.id,
          content: input.content,
          citizenName: input.visitorName,
          citizenPhone: input.visitorPhone,
        });
    const id = await repo.insertConcern(tx, { ...input, sessionId, opinionId: opinion?.id ?? null, createdAt: clock.now() });
    await recordAudit(tx, ctx, {
      entity: 'reception_session',
      entityId: sessionId,
      bodyId: station.station.bodyId,
      action: 'add_concern',
      after: { id, ...input, opinionTrackingCode: opinion?.trackingCode ?? null },
    });
    return getSession(tx, ctx, sessionId);
  });
}

/**
 * Closing writes one duty record (接待选民) for every deputy signed in, so the reception counts in
 * each deputy's duty log, seven ones and assessment without anyone typing it again.
 */
export async function closeSession(db: Db, ctx: ActorContext, sessionId: string, input: { votersReceived: number; notes: string | null }) {
  return db.transaction(async (tx) => {
    const { session, station } = await requireSession(tx, ctx, sessionId);
    const t = step(session, 'close', ctx);
    const signins = await repo.signinsOf(tx, sessionId);
    if (signins.length === 0) throw new DomainError('SESSION_NO_DEPUTY', '还没有代表签到，不能结束接待');
    const concerns = await repo.concernsOf(tx, sessionId);
    if (input.votersReceived < concerns.length)
      throw new DomainError('VOTERS_FEWER_THAN_CONCERNS', `接待人数不能少于已登记的反映事项数（${concerns.length} 件）`, {
        fields: [{ path: 'votersReceived', message: '少于登记的反映事项数' }],
      });
    const s = station.station;
    const dutyId = await insertDuty(tx, {
      bodyId: s.bodyId,
      kind: 'voter_reception',
      occurredOn: session.heldOn,
      place: [s.name, s.address].filter(Boolean).join('，'),
      title: `${s.name}接待选民：${session.topic}`,
      description:
        [
          session.committee ? `${session.committee}进站听取意见。` : null,
          input.notes,
          concerns.length ? `登记群众反映 ${concerns.length} 件。` : null,
        ]
          .filter(Boolean)
          .join('\n') || null,
      votersReceived: input.votersReceived,
      source: 'station',
      recordedBy: ctx.actor.id,
      createdAt: clock.now(),
    });
    await setParticipants(
      tx,
      { id: dutyId, occurredOn: session.heldOn, kind: 'voter_reception', gridCellId: null },
      signins.map((x) => x.id),
    );
    await repo.updateSession(tx, sessionId, {
      state: t.to,
      votersReceived: input.votersReceived,
      notes: input.notes,
      dutyRecordId: dutyId,
      closedAt: clock.now(),
    });
    const after = await getSession(tx, ctx, sessionId);
    await recordAudit(tx, ctx, {
      entity: 'reception_session',
      entityId: sessionId,
      bodyId: s.bodyId,
      action: 'close',
      before: { state: session.state },
      after,
    });
    return after;
  });
}

export async function figures(
  db: Db,
  ctx: ActorContext,
  f: { stationId?: string | undefined; bodyId?: string | undefined; from: string; to: string },
): Promise<StationFigures> {
  if (f.stationId) await requireStation(db, ctx, f.stationId);
  const r = await repo.figures(db, ctx.actor, {
    from: f.from,
    to: f.to,
    ...(f.stationId ? { stationId: f.stationId } : {}),
    ...(f.bodyId ? { bodyId: f.bodyId } : {}),
  });
  return {
    sessions: r.sessions,
    deputyVisits: r.deputyVisits,
    votersReceived: r.voters,
    concerns: r.concerns,
    resolvedOnSite: r.resolved,
    registeredAsOpinions: r.opinions,
    opinionsCollected: r.opinionCounts.received,
    opinionsReplied: r.opinionCounts.replied,
    opinionsSolved: r.opinionCounts.solved,
  };
}

// ---- public card (no login) ----
export async function publicDeputyCard(db: Db, publicCode: string, origin: string): Promise<PublicDeputyCard> {
  const row = await findDeputyByPublicCode(db, publicCode);
  if (!row || row.deputy.status !== 'in_office') throw notFound('代表');
  const d = row.deputy;
  const year = clock.now().getFullYear();
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const [stationsOn, heard, received, activity] = await Promise.all([
    repo.stationsOfDeputy(db, d.id),
    repo.concernsHeardBy(db, d.id, from, to),
    opinionCountsOfDeputy(db, d.id, from, to),
    db
      .select({
        activities: sql<number>`count(*)::int`,
        voters: sql<number>`coalesce(sum((SELECT r.voters_received FROM duty_records r WHERE r.id = duty_participants.record_id)), 0)::int`,
      })
      .from(dutyParticipants)
      .where(and(eq(dutyParticipants.deputyId, d.id), sql`${dutyParticipants.occurredOn} BETWEEN ${from} AND ${to}`)),
  ]);
  const commitments = Array.isArray(d.commitments) ? (d.commitments as { year: number; text: string }[]) : [];
  return {
    name: d.name,
    bodyName: row.bodyName,
    term: d.term,
    post: d.post,
    constituency: d.constituency,
    publicContact: d.publicContact,
    // The photo's id in the address lets a phone cache it until the photo changes.
    photoUrl: d.photoAttachmentId
      ? `/api/public/deputies/${encodeURIComponent(d.publicCode)}/photo?v=${d.photoAttachmentId.slice(0, 8)}`
      : null,
    stations: stationsOn,
    commitments: commitments.filter((c) => c.year >= year - 1).sort((a, b) => b.year - a.year),
    thisYear: {
      year,
      activities: activity[0]?.activities ?? 0,
      votersReceived: activity[0]?.voters ?? 0,
      concernsHeard: heard.heard,
      resolvedOnSite: heard.resolved,
      opinionsReceived: received.received,
      opinionsReplied: received.replied,
      opinionsSolved: received.solved,
    },
    opinionLink: `${origin}/m/opinion?deputy=${encodeURIComponent(d.publicCode)}`,
  };
}

export async function publicStation(db: Db, publicCode: string) {
  const s = await repo.findStationByPublicCode(db, publicCode);
  if (!s || !s.active) throw notFound('联络站');
  return {
    name: s.name,
    kind: s.kind as StationKind,
    kindLabel: stationKindLabel[s.kind as StationKind],
    address: s.address,
    openingHours: s.openingHours,
    contactName: s.contactName,
    contactPhone: s.contactPhone,
  };
}

/** One row per concern (or per reception without any), with who was on duty: the register seed 002 asks for. */
export async function exportSessions(db: Db, ctx: ActorContext, stationId: string) {
  const sessions = await listSessions(db, ctx, stationId);
  const rows = sessions.flatMap((s) => (s.concerns.length ? s.concerns : [null]).map((c) => ({ s, c })));
  const data = await workbook<(typeof rows)[number]>(
    '接待记录',
    [
      { header: '接待日期', key: 'heldOn', width: 12, value: (r) => r.s.heldOn },
      { header: '活动主题', key: 'topic', width: 20, value: (r) => r.s.topic },
      { header: '办理责任人', key: 'responsible', width: 10, value: (r) => r.s.responsibleName },
      { header: '进站代表', key: 'deputies', width: 24, value: (r) => r.s.signedIn.map((d) => d.name).join('、') },
      { header: '接待人数', key: 'voters', width: 8, value: (r) => r.s.votersReceived },
      { header: '状态', key: 'state', width: 8, value: (r) => receptionStateLabel[r.s.state] },
      { header: '群众反映', key: 'content', width: 40, value: (r) => r.c?.content ?? null },
      { header: '反映人', key: 'visitor', width: 10, value: (r) => r.c?.visitorName ?? null },
      { header: '联系电话', key: 'phone', width: 14, value: (r) => r.c?.visitorPhone ?? null },
      { header: '当场解决', key: 'resolved', width: 8, value: (r) => (r.c ? (r.c.resolvedOnSite ? '是' : '否') : null) },
    ],
    rows,
  );
  return { name: sessions[0]?.stationName ?? (await requireStation(db, ctx, stationId)).station.name, data };
}
