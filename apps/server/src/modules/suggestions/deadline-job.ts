import type { Db, Tx } from '../../db/client.js';
import { clock } from '../../platform/clock.js';
import { ruleInForce } from '../../platform/deadline-rules.js';
import { workingDaysLeft } from '../../platform/deadlines.js';
import type { Notifier } from '../../platform/notifications.js';
import { staffOfBody, usersOfUnit } from '../../platform/recipients.js';
import { sendNotices } from '../../platform/workflow.js';
import { findItemsWithReplyDue, findLateJointOpinions, findSeparatePartsBeingHandled, findUnsignedPastDue } from './deadline-repository.js';
import { suggestionRules } from './deadlines.js';
import * as repo from './repository.js';

const ids = (people: { id: string }[]) => people.map((p) => p.id);

/** One reply owed to a deputy: a lead unit's for its item, or a 分别办理 unit's for its own part. */
interface OwedReply {
  s: { id: string; title: string; bodyId: string };
  path: string;
  supervisorUserId: string | null;
  unitId: string | null;
  /** How the item is named in the notices: 《title》, or 《title》中某单位分别办理的部分. */
  what: string;
  due: Date;
  remindedAt: Date | null;
  escalatedAt: Date | null;
}

/**
 * Escalates once to the body's staff (and the unit, and a key item's supervisor) when the reply is
 * overdue, or reminds the unit once when it falls due within the reminder window. Returns what it
 * did; `mark` records it so that it is not said twice.
 */
async function remindOrEscalate(
  tx: Tx,
  notifier: Notifier,
  owed: OwedReply,
  now: Date,
  mark: (patch: { escalatedAt?: Date; remindedAt?: Date }) => Promise<unknown>,
): Promise<'escalated' | 'reminded' | null> {
  const { s, due, what } = owed;
  const link = `/suggestions/${s.id}`;
  const unitUsers = owed.unitId ? ids(await usersOfUnit(tx, owed.unitId)) : [];
  if (due < now && !owed.escalatedAt) {
    await sendNotices(
      tx,
      notifier,
      [
        { userIds: ids(await staffOfBody(tx, s.bodyId)), title: '代表建议逾期未答复', body: `${what}已超过答复期限，请督办` },
        { userIds: unitUsers, title: '代表建议已逾期', body: `${what}已超过答复期限，请尽快答复` },
        // 督办: the congress leader who supervises a key suggestion hears of it too.
        { userIds: [owed.supervisorUserId], title: '督办的重点建议已逾期', body: `您督办的重点建议${what}已超过答复期限` },
      ],
      link,
    );
    await mark({ escalatedAt: now });
    return 'escalated';
  }
  const window = await ruleInForce(tx, owed.path, suggestionRules.reminder.key);
  const left = workingDaysLeft(due, now);
  if (due >= now && !owed.remindedAt && owed.unitId && left <= window.amount) {
    await sendNotices(
      tx,
      notifier,
      [{ userIds: unitUsers, title: '代表建议即将到期', body: `${what}距答复期限还有 ${left} 个工作日` }],
      link,
    );
    await mark({ remindedAt: now });
    return 'reminded';
  }
  return null;
}

/**
 * Run by the `suggestions-deadlines` job: reminds the lead unit once when its reply is due within
 * the reminder window, escalates once to the body's staff when the reply is overdue (for 分别办理,
 * each unit for its own part and its own deadline), and reports assignments not signed for in time
 * and joint opinions past their deadline. Each item is its own transaction; returns what it did,
 * for the job log and the tests.
 */
export async function scanDeadlines(db: Db, notifier: Notifier) {
  const now = clock.now();
  const done = { reminded: 0, escalated: 0, signForOverdue: 0, jointOverdue: 0 };
  const count = (r: 'escalated' | 'reminded' | null) => {
    if (r) done[r]++;
  };
  for (const { s, path, supervisorUserId } of await findItemsWithReplyDue(db)) {
    const owed = {
      s,
      path,
      supervisorUserId,
      unitId: s.leadUnitId,
      what: `《${s.title}》`,
      due: s.dueAt!,
      remindedAt: s.lastRemindedAt,
      escalatedAt: s.escalatedAt,
    };
    count(
      await db.transaction((tx) =>
        remindOrEscalate(tx, notifier, owed, now, (m) =>
          repo.updateSuggestion(tx, s.id, {
            ...(m.escalatedAt ? { escalatedAt: m.escalatedAt } : {}),
            ...(m.remindedAt ? { lastRemindedAt: m.remindedAt } : {}),
          }),
        ),
      ),
    );
  }
  // 分别办理: each unit is reminded of, and reported for, its own part's deadline.
  for (const { a, s, unitName, path, supervisorUserId } of await findSeparatePartsBeingHandled(db)) {
    const owed = {
      s,
      path,
      supervisorUserId,
      unitId: a.unitId,
      what: `《${s.title}》中${unitName}分别办理的部分`,
      due: a.dueAt,
      remindedAt: a.remindedAt,
      escalatedAt: a.overdueReportedAt,
    };
    count(
      await db.transaction((tx) =>
        remindOrEscalate(tx, notifier, owed, now, (m) =>
          repo.updateAssignment(tx, a.id, {
            ...(m.escalatedAt ? { overdueReportedAt: m.escalatedAt } : {}),
            ...(m.remindedAt ? { remindedAt: m.remindedAt } : {}),
          }),
        ),
      ),
    );
  }
  for (const { a, s, unitName } of await findUnsignedPastDue(db, now)) {
    await db.transaction(async (tx) => {
      await sendNotices(
        tx,
        notifier,
        [{ userIds: ids(await staffOfBody(tx, s.bodyId)), title: '承办单位逾期未签收', body: `${unitName}未在期限内签收《${s.title}》` }],
        `/suggestions/${s.id}`,
      );
      // Reported once: the note marks it.
      await repo.updateAssignment(tx, a.id, { decisionNote: '逾期未签收，已报告交办机关' });
    });
    done.signForOverdue++;
  }
  // 会办: a joint unit's opinion has its own, shorter deadline; the lead unit waits on it.
  for (const { a, s, unitName } of await findLateJointOpinions(db, now)) {
    await db.transaction(async (tx) => {
      const toldOf = `${unitName}未在期限内提交《${s.title}》的会办意见`;
      await sendNotices(
        tx,
        notifier,
        [
          {
            userIds: ids(await usersOfUnit(tx, a.unitId)),
            title: '会办意见已逾期',
            body: `《${s.title}》的会办意见已超过期限，请尽快提交`,
          },
          {
            userIds: [...ids(await staffOfBody(tx, s.bodyId)), ...(s.leadUnitId ? ids(await usersOfUnit(tx, s.leadUnitId)) : [])],
            title: '会办单位逾期',
            body: toldOf,
          },
        ],
        `/suggestions/${s.id}`,
      );
      await repo.updateAssignment(tx, a.id, { overdueReportedAt: now });
    });
    done.jointOverdue++;
  }
  return done;
}
