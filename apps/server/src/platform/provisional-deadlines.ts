import type { AuditEntity } from '@renda/shared';
import type { Executor, Tx } from '../db/client.js';
import { recordAudit } from './audit.js';
import type { ActorContext } from './context.js';
import { ruleInForce } from './deadline-rules.js';
import { addCalendarDays, findWorkday, isWorkday, officialDaysOff } from './deadlines.js';
import type { Notifier } from './notifications.js';
import { usersOfUnit } from './recipients.js';
import { sendNotices } from './workflow.js';

/**
 * 录入节假日安排后重算期限: when an administrator enters (or corrects) a year of the official calendar,
 * every open deadline counted in working days that runs into that year is counted again under the new
 * calendar. One mechanism for every module: each module registers a source of its open working-day
 * deadlines (from its routes, at start-up); the calendar module runs them all inside the transaction
 * that changes the calendar.
 */
export interface WorkingDayDeadline {
  /** The audit entity of the record (opinion, follow_up_task). */
  entity: AuditEntity;
  id: string;
  bodyId: string | null;
  /** The China date the count started after (the start day itself is not counted). */
  from: string;
  /** The due date stored now. */
  due: string;
  /**
   * The number of working days, when the record keeps it. Otherwise it is counted again between `from`
   * and `due` under the calendar before the change (and the record is left alone when its due date is not
   * a working day under that calendar: it was not counted in working days).
   */
  workingDays?: number | null;
  /** Which of the record's deadlines this is, when it keeps several (a unit's 签收期限 or 答复期限); kept in the audit event. */
  what?: string;
  /** How the record is named in the notice (群众意见 ABCD-EFGH：…). */
  label: string;
  /** Where the notice leads. */
  link: string;
  /** Whom the module's own reminders of the record go to (a handling unit's id), for `recipients`. */
  owner: string | null;
}

/** `R` may carry what the module needs to store the new date (the row behind the record). */
export interface ProvisionalDeadlineSource<R extends WorkingDayDeadline = WorkingDayDeadline> {
  /** The module's name, for errors. */
  name: string;
  /** Open records whose working-day due date is on or after `from` (a China date). */
  open(tx: Executor, from: string): Promise<R[]>;
  /** Stores the new due date (and whatever the module derives from it: clears a reminder mark). */
  move(tx: Executor, record: R, due: string): Promise<void>;
  /** The users the module's own reminders of this record go to; by default the users of the owner unit. */
  recipients?(tx: Executor, record: R): Promise<string[]>;
}

const ownerUnitUsers = async (tx: Executor, record: WorkingDayDeadline) =>
  record.owner ? (await usersOfUnit(tx, record.owner)).map((u) => u.id) : [];

/**
 * For a table that keeps a due date but not the rule it was counted by: whether a body's rule `key` in
 * force counts in working days, looked up once per body path during one recount.
 */
export function countedInWorkingDays(tx: Executor, key: string): (bodyPath: string) => Promise<boolean> {
  const working = workingDaysInForce(tx);
  return async (bodyPath) => (await working(key, bodyPath)) !== null;
}

/** The working days of a body's rule `key` in force (null when it counts otherwise), looked up once per rule and body path. */
function workingDaysInForce(tx: Executor): (key: string, bodyPath: string) => Promise<number | null> {
  const known = new Map<string, Promise<number | null>>();
  return (key, bodyPath) => {
    const id = `${key} ${bodyPath}`;
    if (!known.has(id))
      known.set(
        id,
        ruleInForce(tx, bodyPath, key).then((rule) => (rule.unit === 'working_days' ? rule.amount : null)),
      );
    return known.get(id)!;
  };
}

/**
 * For a table whose due date may have been counted by a body's rule or set otherwise (named by hand,
 * moved by an extension of calendar months, counted from a start the row does not keep): the working days
 * of the rule `key` in force when counting them from `from` gives the stored `due` under the calendar
 * before the change (call it from `open`), else null and the record is left alone. A date set otherwise
 * that happens to fall on the rule's own day is recounted like it.
 */
export function ruledWorkingDays(tx: Executor): (key: string, bodyPath: string, from: string, due: string) => Promise<number | null> {
  const working = workingDaysInForce(tx);
  return async (key, bodyPath, from, due) => {
    const n = await working(key, bodyPath);
    return n !== null && findWorkday(n, from) === due ? n : null;
  };
}

/**
 * A module's records set on named calendar dates (a station's rota day), which no recount moves: it is
 * told of the dates the change makes official days off, to flag and announce its records on them.
 */
export interface DaysOffWatcher {
  /** The module's name, for errors. */
  name: string;
  /** `days`: each date that is an official day off after the change and was not before, with its holiday's name. */
  becameDaysOff(tx: Tx, notifier: Notifier, ctx: ActorContext, year: number, days: ReadonlyMap<string, string>): Promise<void>;
}

const sources = new Map<string, ProvisionalDeadlineSource>();
const watchers = new Map<string, DaysOffWatcher>();

/** Registers a module's dated records (idempotent by name, like `registerProvisionalDeadlines`). */
export function registerDaysOffWatcher(watcher: DaysOffWatcher) {
  watchers.set(watcher.name, watcher);
}

/**
 * One notice per person, listing each of their lines, linked to the page when all their lines lead to one:
 * what a change of the calendar tells each person responsible, however many of their records it touches.
 */
export class NoticeDigest {
  private readonly lines = new Map<string, string[]>();
  private readonly links = new Map<string, Set<string>>();

  add(userIds: Iterable<string>, line: string, link: string) {
    for (const userId of new Set(userIds)) {
      this.lines.set(userId, [...(this.lines.get(userId) ?? []), line]);
      this.links.set(userId, (this.links.get(userId) ?? new Set()).add(link));
    }
  }

  async send(tx: Tx, notifier: Notifier, title: string, intro: string) {
    for (const [userId, lines] of this.lines) {
      const only = this.links.get(userId)!;
      await sendNotices(tx, notifier, [
        { userIds: [userId], title, body: `${intro}\n${lines.join('\n')}`, link: only.size === 1 ? [...only][0] : undefined },
      ]);
    }
  }
}

/** Registers a module's working-day deadlines (idempotent by name: several apps in one process register again). */
export function registerProvisionalDeadlines<R extends WorkingDayDeadline>(source: ProvisionalDeadlineSource<R>) {
  sources.set(source.name, source);
}

/** The working days after `from` up to and including `due` (0 when `due` is not after `from`). */
export function workingDaysBetween(from: string, due: string): number {
  let count = 0;
  for (let day = addCalendarDays(from, 1); day <= due; day = addCalendarDays(day, 1)) if (isWorkday(day)) count += 1;
  return count;
}

export interface MovedDeadline {
  entity: string;
  id: string;
  before: string;
  after: string;
}

/**
 * Runs a change of the official calendar for `year` (`change` replaces the table and loads it into the
 * in-memory calendar, inside `tx`) and recomputes every registered open working-day deadline it touches:
 * the count of working days is taken under the old calendar, the new date under the new one. A record
 * whose date moves is updated and audited (dueRecomputed, before/after), and each person responsible is
 * told once, with every old and new date of theirs. Then every registered watcher of dated records hears
 * of the dates that became days off. Returns the moves.
 */
export async function recomputeAcrossCalendarChange(
  tx: Tx,
  notifier: Notifier,
  ctx: ActorContext,
  year: number,
  change: () => Promise<void>,
): Promise<MovedDeadline[]> {
  // A New Year make-up working day may fall in the December before the year.
  const window = `${year - 1}-12-01`;
  const counted: { source: ProvisionalDeadlineSource; record: WorkingDayDeadline; n: number }[] = [];
  for (const source of sources.values())
    for (const record of await source.open(tx, window)) {
      if (record.workingDays) counted.push({ source, record, n: record.workingDays });
      else if (isWorkday(record.due) && record.due > record.from)
        counted.push({ source, record, n: workingDaysBetween(record.from, record.due) });
    }
  const offBefore = officialDaysOff(`${year}-01-01`, `${year}-12-31`);
  await change();
  const moved: MovedDeadline[] = [];
  const digest = new NoticeDigest();
  for (const { source, record, n } of counted) {
    const due = findWorkday(n, record.from);
    if (due === record.due) continue;
    await source.move(tx, record, due);
    await recordAudit(tx, ctx, {
      entity: record.entity,
      entityId: record.id,
      bodyId: record.bodyId,
      action: 'dueRecomputed',
      before: { due: record.due },
      after: { due, workingDays: n, calendarYear: year, ...(record.what ? { what: record.what } : {}) },
    });
    moved.push({ entity: record.entity, id: record.id, before: record.due, after: due });
    digest.add(await (source.recipients ?? ownerUnitUsers)(tx, record), `${record.label}：期限由 ${record.due} 调整为 ${due}`, record.link);
  }
  await digest.send(tx, notifier, `${year}年法定节假日安排已录入，期限已重算`, `按${year}年放假和调休安排重新计算工作日，以下期限已调整：`);
  const offAfter = officialDaysOff(`${year}-01-01`, `${year}-12-31`);
  const newlyOff = new Map([...offAfter].filter(([day]) => !offBefore.has(day)));
  if (newlyOff.size) for (const watcher of watchers.values()) await watcher.becameDaysOff(tx, notifier, ctx, year, newlyOff);
  return moved;
}
