import { and, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import {
  replyCategoryLabel,
  ratingLabel,
  suggestionKindLabel,
  suggestionPeriodLabel,
  suggestionStateLabel,
  type Page,
  type PublicSuggestion,
  type PublicSuggestionQuery,
  type PublicSuggestionSession,
  type SuggestionQuery,
  type SuggestionRates,
} from '@renda/shared';
import type { Db, Executor } from '../../db/client.js';
import {
  bodies,
  deputies,
  handlingUnits,
  keySuggestions,
  suggestionAssignments,
  suggestionCosigners,
  suggestionReplies,
  suggestions,
  suggestionSessions,
} from '../../db/schema.js';
import { clock } from '../../platform/clock.js';
import type { ActorContext } from '../../platform/context.js';
import { ruleInForce } from '../../platform/deadline-rules.js';
import { workingDaysLeft } from '../../platform/deadlines.js';
import { workbook } from '../../platform/documents.js';
import type { Notifier } from '../../platform/notifications.js';
import { offsetOf, pageResult } from '../../platform/pagination.js';
import { inScope } from '../../platform/scope.js';
import { suggestionRules } from './deadlines.js';
import { numberLabel, presentListItem } from './presenters.js';
import * as repo from './repository.js';

// ---- rates (办复率, 按时办复率, 办结率, 解决率, 满意率) ----

export interface RatesFilter {
  sessionId?: string | undefined;
  bodyId?: string | undefined;
  year?: number | undefined;
}

/** Only items that went past review count: drafts, returned and merged items are not handled items. */
const counted = inArray(suggestions.state, [
  'accepted',
  'assigned',
  'reassignment_requested',
  'handling',
  'replied',
  'reply_released',
  'rated',
  'rehandling',
  'closed',
]);

const aggregates = {
  total: sql<number>`count(*)::int`,
  assigned: sql<number>`count(${suggestions.assignedAt})::int`,
  replied: sql<number>`count(${suggestions.releasedAt})::int`,
  repliedOnTime: sql<number>`count(*) FILTER (WHERE ${suggestions.releasedAt} IS NOT NULL AND ${suggestions.repliedOnTime})::int`,
  closed: sql<number>`count(*) FILTER (WHERE ${suggestions.state} = 'closed')::int`,
  categoryA: sql<number>`count(*) FILTER (WHERE ${suggestions.releasedAt} IS NOT NULL AND ${suggestions.replyCategory} = 'A')::int`,
  rated: sql<number>`count(${suggestions.rating})::int`,
  satisfiedOrBasically: sql<number>`count(*) FILTER (WHERE ${suggestions.rating} IN ('satisfied', 'basically_satisfied'))::int`,
};
type Counts = { [K in keyof typeof aggregates]: number };

const ratio = (n: number, d: number) => (d === 0 ? null : Math.round((n / d) * 1000) / 1000);

export function toRates(c: Counts): SuggestionRates {
  return {
    ...c,
    // 办复率: released replies over assigned items; the others over what they can apply to.
    replyRate: ratio(c.replied, c.assigned),
    onTimeRate: ratio(c.repliedOnTime, c.replied),
    closureRate: ratio(c.closed, c.assigned),
    solvedRate: ratio(c.categoryA, c.replied),
    satisfactionRate: ratio(c.satisfiedOrBasically, c.rated),
  };
}

function ratesWhere(ctx: ActorContext, f: RatesFilter): SQL {
  return and(
    inScope(suggestions.bodyId, ctx.actor),
    counted,
    f.sessionId ? eq(suggestions.sessionId, f.sessionId) : undefined,
    f.bodyId ? eq(suggestions.bodyId, f.bodyId) : undefined,
    f.year ? eq(suggestions.year, f.year) : undefined,
  )!;
}

export async function rates(db: Db, ctx: ActorContext, f: RatesFilter): Promise<SuggestionRates> {
  const [row] = await db.select(aggregates).from(suggestions).where(ratesWhere(ctx, f));
  return toRates(row!);
}

/** Rates per lead unit (主办单位): the unit answers for its items. */
export async function ratesByUnit(db: Db, ctx: ActorContext, f: RatesFilter) {
  const rows = await db
    .select({ unitId: suggestions.leadUnitId, unitName: handlingUnits.name, ...aggregates })
    .from(suggestions)
    .innerJoin(handlingUnits, eq(handlingUnits.id, suggestions.leadUnitId))
    .where(ratesWhere(ctx, f))
    .groupBy(suggestions.leadUnitId, handlingUnits.name)
    .orderBy(handlingUnits.name);
  return rows.map(({ unitId, unitName, ...c }) => ({ unitId: unitId!, unitName, ...toRates(c) }));
}

/** Rates per body below the actor's (an upper body sees the bodies under it). */
export async function ratesByBody(db: Db, ctx: ActorContext, f: RatesFilter) {
  const rows = await db
    .select({ bodyId: suggestions.bodyId, bodyName: bodies.name, ...aggregates })
    .from(suggestions)
    .innerJoin(bodies, eq(bodies.id, suggestions.bodyId))
    .where(ratesWhere(ctx, f))
    .groupBy(suggestions.bodyId, bodies.name)
    .orderBy(bodies.name);
  return rows.map(({ bodyId, bodyName, ...c }) => ({ bodyId, bodyName, ...toRates(c) }));
}

// ---- export ----

export async function exportXlsx(db: Db, ctx: ActorContext, q: Partial<SuggestionQuery>): Promise<Buffer> {
  const now = clock.now();
  const rows = (await repo.listForExport(db, ctx.actor, q, now)).map((r) => presentListItem(r, now));
  const date = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai' }) : '');
  return workbook(
    '代表建议',
    [
      { header: '编号', key: 'number', width: 16, value: (r) => r.numberLabel },
      { header: '会议', key: 'session', width: 36, value: (r) => r.sessionName ?? suggestionPeriodLabel[r.period] },
      { header: '类别', key: 'kind', width: 8, value: (r) => suggestionKindLabel[r.kind] },
      { header: '标题', key: 'title', width: 48, value: (r) => r.title },
      { header: '领衔代表', key: 'deputy', width: 12, value: (r) => r.leadDeputyName },
      { header: '联名人数', key: 'cosigners', width: 10, value: (r) => r.cosignerCount },
      { header: '主办单位', key: 'unit', width: 28, value: (r) => r.leadUnitName },
      { header: '状态', key: 'state', width: 12, value: (r) => suggestionStateLabel[r.state] },
      {
        header: '答复类别',
        key: 'category',
        width: 24,
        value: (r) => (r.replyCategory ? `${r.replyCategory}类（${replyCategoryLabel[r.replyCategory]}）` : ''),
      },
      { header: '测评', key: 'rating', width: 10, value: (r) => (r.rating ? ratingLabel[r.rating] : '') },
      { header: '答复期限', key: 'due', width: 14, value: (r) => date(r.dueAt) },
      { header: '是否逾期', key: 'overdue', width: 10, value: (r) => (r.overdue ? '逾期' : '') },
      { header: '重点建议', key: 'key', width: 10, value: (r) => (r.isKey ? '是' : '') },
    ],
    rows,
  );
}

// ---- public disclosure ----

/** Personal data a deputy or a unit may have written into the text: phone numbers, ID numbers, e-mail addresses. */
export function redactPersonal(text: string): string {
  return text
    .replace(/\b\d{17}[\dXx]\b/g, '[身份证号已隐去]')
    .replace(/(?<!\d)1[3-9]\d{9}(?!\d)/g, '[手机号已隐去]')
    .replace(/(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)/g, '[电话已隐去]')
    .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, '[邮箱已隐去]');
}

const publicColumns = {
  s: suggestions,
  bodyName: bodies.name,
  sessionName: suggestionSessions.name,
  deputyName: deputies.name,
  unitName: handlingUnits.name,
  // Co-signers who confirmed, by name only: deputies hold public office (docs/domain-rules.md).
  cosignerNames: sql<string[]>`COALESCE((SELECT json_agg(d.name ORDER BY d.name) FROM ${suggestionCosigners} c
    JOIN ${deputies} d ON d.id = c.deputy_id WHERE c.suggestion_id = ${suggestions.id} AND c.confirmed_at IS NOT NULL), '[]'::json)`,
  replyCategory: suggestionReplies.category,
  reply: suggestionReplies.content,
  releasedAt: suggestionReplies.releasedAt,
};

/** Public data only: disclosed items with a released reply, the latest released reply each. */
function findPublished(db: Executor) {
  return db
    .select(publicColumns)
    .from(suggestions)
    .innerJoin(bodies, eq(bodies.id, suggestions.bodyId))
    .innerJoin(deputies, eq(deputies.id, suggestions.leadDeputyId))
    .leftJoin(suggestionSessions, eq(suggestionSessions.id, suggestions.sessionId))
    .innerJoin(
      suggestionReplies,
      sql`${suggestionReplies.id} = (SELECT r.id FROM ${suggestionReplies} r WHERE r.suggestion_id = ${suggestions.id} AND r.released_at IS NOT NULL ORDER BY r.released_at DESC LIMIT 1)`,
    )
    .innerJoin(handlingUnits, eq(handlingUnits.id, suggestionReplies.unitId));
}

function presentPublic(r: Awaited<ReturnType<ReturnType<typeof findPublished>['execute']>>[number]): PublicSuggestion {
  return {
    id: r.s.id,
    bodyName: r.bodyName,
    sessionName: r.sessionName,
    numberLabel: numberLabel(r.s),
    kind: r.s.kind as PublicSuggestion['kind'],
    title: r.s.title,
    content: redactPersonal(r.s.content),
    field: r.s.field as PublicSuggestion['field'],
    leadDeputyName: r.deputyName,
    cosignerNames: r.cosignerNames,
    unitName: r.unitName,
    replyCategory: r.replyCategory as PublicSuggestion['replyCategory'],
    reply: redactPersonal(r.reply),
    releasedAt: r.releasedAt!.toISOString(),
  };
}

export async function pagePublished(db: Db, q: PublicSuggestionQuery): Promise<Page<PublicSuggestion>> {
  const where = and(
    eq(suggestions.disclose, true),
    q.bodyId ? eq(suggestions.bodyId, q.bodyId) : undefined,
    q.sessionId ? eq(suggestions.sessionId, q.sessionId) : undefined,
    q.field ? eq(suggestions.field, q.field) : undefined,
    // The item keeps the category of its latest released reply, the one shown.
    q.replyCategory ? eq(suggestions.replyCategory, q.replyCategory) : undefined,
    q.q ? repo.contains(suggestions.title, q.q) : undefined,
  );
  const rows = await findPublished(db)
    .where(where)
    .orderBy(sql`${suggestionReplies.releasedAt} DESC`)
    .limit(q.pageSize)
    .offset(offsetOf(q));
  const [total] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(suggestions)
    .where(and(where, sql`${suggestions.releasedAt} IS NOT NULL`));
  return pageResult(rows.map(presentPublic), total?.n ?? 0, q);
}

/** Sessions with at least one published item, newest first: the portal's session filter. */
export async function publishedSessions(db: Db): Promise<PublicSuggestionSession[]> {
  return db
    .select({ id: suggestionSessions.id, name: suggestionSessions.name, bodyName: bodies.name })
    .from(suggestionSessions)
    .innerJoin(bodies, eq(bodies.id, suggestionSessions.bodyId))
    .where(
      sql`EXISTS (SELECT 1 FROM ${suggestions} s WHERE s.session_id = ${suggestionSessions.id} AND s.disclose AND s.released_at IS NOT NULL)`,
    )
    .orderBy(sql`${suggestionSessions.startsOn} DESC`, suggestionSessions.name);
}

export async function getPublished(db: Db, id: string): Promise<PublicSuggestion | null> {
  const [row] = await findPublished(db).where(and(eq(suggestions.id, id), eq(suggestions.disclose, true)));
  return row ? presentPublic(row) : null;
}

// ---- reminders and overdue escalation (the scheduled job) ----

/**
 * Run by the `suggestions-deadlines` job: reminds the lead unit once when its reply is due within
 * the reminder window, escalates once to the body's staff when the reply is overdue, and reports
 * assignments not signed for in time. Returns what it did, for the job log and the tests.
 */
/** Assignments with their suggestion and unit name, for the deadline job's checks. */
function assignmentsWhere(db: Db, condition: SQL) {
  return db
    .select({ a: suggestionAssignments, s: suggestions, unitName: handlingUnits.name })
    .from(suggestionAssignments)
    .innerJoin(suggestions, eq(suggestions.id, suggestionAssignments.suggestionId))
    .innerJoin(handlingUnits, eq(handlingUnits.id, suggestionAssignments.unitId))
    .where(condition);
}

export async function scanDeadlines(db: Db, notifier: Notifier) {
  const now = clock.now();
  const done = { reminded: 0, escalated: 0, signForOverdue: 0, jointOverdue: 0 };
  const open = await db
    .select({ s: suggestions, path: bodies.path, supervisorUserId: keySuggestions.supervisorUserId })
    .from(suggestions)
    .innerJoin(bodies, eq(bodies.id, suggestions.bodyId))
    .leftJoin(keySuggestions, eq(keySuggestions.suggestionId, suggestions.id))
    .where(and(inArray(suggestions.state, ['handling', 'rehandling']), sql`${suggestions.dueAt} IS NOT NULL`));
  for (const { s, path, supervisorUserId } of open) {
    const due = s.dueAt!;
    const link = `/suggestions/${s.id}`;
    await db.transaction(async (tx) => {
      if (due < now && !s.escalatedAt) {
        for (const u of await repo.staffOfBody(tx, s.bodyId))
          await notifier.notify(tx, { userId: u.id, title: '代表建议逾期未答复', body: `《${s.title}》已超过答复期限，请督办`, link });
        if (s.leadUnitId)
          for (const u of await repo.usersOfUnit(tx, s.leadUnitId))
            await notifier.notify(tx, { userId: u.id, title: '代表建议已逾期', body: `《${s.title}》已超过答复期限，请尽快答复`, link });
        // 督办: the congress leader who supervises a key suggestion hears of it too.
        if (supervisorUserId)
          await notifier.notify(tx, {
            userId: supervisorUserId,
            title: '督办的重点建议已逾期',
            body: `您督办的重点建议《${s.title}》已超过答复期限`,
            link,
          });
        await repo.updateSuggestion(tx, s.id, { escalatedAt: now });
        done.escalated++;
        return;
      }
      const window = await ruleInForce(tx, path, suggestionRules.reminder.key);
      if (due >= now && !s.lastRemindedAt && s.leadUnitId && workingDaysLeft(due, now) <= window.amount) {
        const left = workingDaysLeft(due, now);
        for (const u of await repo.usersOfUnit(tx, s.leadUnitId))
          await notifier.notify(tx, {
            userId: u.id,
            title: '代表建议即将到期',
            body: `《${s.title}》距答复期限还有 ${left} 个工作日`,
            link,
          });
        await repo.updateSuggestion(tx, s.id, { lastRemindedAt: now });
        done.reminded++;
      }
    });
  }
  const unsigned = await assignmentsWhere(
    db,
    and(
      eq(suggestionAssignments.state, 'assigned'),
      sql`${suggestionAssignments.signForDueAt} < ${now}`,
      isNull(suggestionAssignments.decisionNote),
    )!,
  );
  for (const { a, s, unitName } of unsigned) {
    await db.transaction(async (tx) => {
      for (const u of await repo.staffOfBody(tx, s.bodyId))
        await notifier.notify(tx, {
          userId: u.id,
          title: '承办单位逾期未签收',
          body: `${unitName}未在期限内签收《${s.title}》`,
          link: `/suggestions/${s.id}`,
        });
      // Reported once: the note marks it.
      await repo.updateAssignment(tx, a.id, { decisionNote: '逾期未签收，已报告交办机关' });
    });
    done.signForOverdue++;
  }
  // 会办: a joint unit's opinion has its own, shorter deadline; the lead unit waits on it.
  const lateJoint = await assignmentsWhere(
    db,
    and(
      eq(suggestionAssignments.role, 'joint'),
      inArray(suggestionAssignments.state, ['assigned', 'signed_for']),
      inArray(suggestions.state, ['handling', 'rehandling']),
      sql`${suggestionAssignments.dueAt} < ${now}`,
      isNull(suggestionAssignments.overdueReportedAt),
    )!,
  );
  for (const { a, s, unitName } of lateJoint) {
    const link = `/suggestions/${s.id}`;
    await db.transaction(async (tx) => {
      for (const u of await repo.usersOfUnit(tx, a.unitId))
        await notifier.notify(tx, { userId: u.id, title: '会办意见已逾期', body: `《${s.title}》的会办意见已超过期限，请尽快提交`, link });
      const toldOf = `${unitName}未在期限内提交《${s.title}》的会办意见`;
      for (const u of await repo.staffOfBody(tx, s.bodyId))
        await notifier.notify(tx, { userId: u.id, title: '会办单位逾期', body: toldOf, link });
      if (s.leadUnitId)
        for (const u of await repo.usersOfUnit(tx, s.leadUnitId))
          await notifier.notify(tx, { userId: u.id, title: '会办单位逾期', body: toldOf, link });
      await repo.updateAssignment(tx, a.id, { overdueReportedAt: now });
    });
    done.jointOverdue++;
  }
  return done;
}

export async function overdueList(db: Db, ctx: ActorContext, q: SuggestionQuery) {
  return repo.pageSuggestions(db, ctx.actor, { ...q, overdue: 'true' }, clock.now());
}
