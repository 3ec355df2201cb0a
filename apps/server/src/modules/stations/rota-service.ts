import { rotaRepeatMaxDays, type RotaEntry, type RotaInput, type RotaRepeatInput, type RotaRepeatResult } from '@renda/shared';
import type { Db, Executor } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import { clock } from '../../platform/clock.js';
import type { ActorContext } from '../../platform/context.js';
import { conflict, DomainError, notFound } from '../../platform/errors.js';
import type { Notifier } from '../../platform/notifications.js';
import { findDeputiesByIds } from '../deputies/index.js';
import { periodLength, today, weeklyDays } from './repeat.js';
import * as repo from './repository.js';
import { requireStation } from './stations-service.js';
import { chinaDate, officialDaysOff } from '../../platform/deadlines.js';
import { NoticeDigest, type DaysOffWatcher } from '../../platform/provisional-deadlines.js';
import { staffOfBody } from '../../platform/recipients.js';

/** 四定: who receives voters at a station when (进站定人), on what topic (活动定题) and who follows it up (办理定责). */
async function presentRota(db: Executor, rows: Awaited<ReturnType<typeof repo.rotaOf>>): Promise<RotaEntry[]> {
  const deputiesOf = await repo.rotaDeputies(
    db,
    rows.map((r) => r.rota.id),
  );
  const days = rows.map((r) => r.rota.day).sort();
  const off = days.length ? officialDaysOff(days[0]!, days.at(-1)!) : new Map<string, string>();
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
    holiday: off.get(r.day) ?? null,
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
  const tomorrow = chinaDate(new Date(clock.now().getTime() + 24 * 3600 * 1000));
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

/**
 * 录入节假日安排后: rota days already saved on a date the new arrangement makes an official day off stay
 * (staff decide whether to move or cancel them) and are flagged: the rota shows the holiday beside the day
 * (`holiday`, read from the calendar), each is audited, and the station's staff and the deputies on duty
 * are told, one notice each listing their days. Past days are history and left alone.
 */
export const rotaOnNewDaysOff: DaysOffWatcher = {
  name: 'stations-rota',
  async becameDaysOff(tx, notifier, ctx, year, days) {
    const rows = await repo.rotaOnDays(
      tx,
      [...days.keys()].filter((day) => day >= today()),
    );
    const entries = new Map<string, { row: (typeof rows)[number]; userIds: string[] }>();
    for (const row of rows) {
      const entry = entries.get(row.rota.id) ?? { row, userIds: [] };
      if (row.deputyUserId) entry.userIds.push(row.deputyUserId);
      entries.set(row.rota.id, entry);
    }
    const staffOf = new Map<string, string[]>();
    const digest = new NoticeDigest();
    for (const { row, userIds } of entries.values()) {
      const { rota: r, bodyId, stationName } = row;
      const holiday = days.get(r.day)!;
      await recordAudit(tx, ctx, {
        entity: 'station_rota',
        entityId: r.id,
        bodyId,
        action: 'fellOnHoliday',
        after: { day: r.day, holiday, calendarYear: year },
      });
      if (!staffOf.has(bodyId))
        staffOf.set(
          bodyId,
          (await staffOfBody(tx, bodyId)).map((u) => u.id),
        );
      digest.add(
        [...staffOf.get(bodyId)!, ...userIds],
        `${stationName} ${r.day}（${holiday}）${describeEntry(r)}`,
        `/stations/${r.stationId}`,
      );
    }
    await digest.send(
      tx,
      notifier,
      `${year}年法定节假日安排已录入，有排班落在放假日`,
      `按${year}年放假安排，以下已排定的进站接待落在法定节假日。排班仍保留，请确定改期或取消：`,
    );
  },
};
