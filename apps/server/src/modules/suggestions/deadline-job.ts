import type { Db } from '../../db/client.js';
import { clock } from '../../platform/clock.js';
import { ruleInForce } from '../../platform/deadline-rules.js';
import { workingDaysLeft } from '../../platform/deadlines.js';
import type { Notifier } from '../../platform/notifications.js';
import { staffOfBody, usersOfUnit } from '../../platform/recipients.js';
import { sendNotices } from '../../platform/workflow.js';
import { findItemsWithReplyDue, findLateJointOpinions, findUnsignedPastDue } from './deadline-repository.js';
import { suggestionRules } from './deadlines.js';
import * as repo from './repository.js';

const ids = (people: { id: string }[]) => people.map((p) => p.id);

/**
 * Run by the `suggestions-deadlines` job: reminds the lead unit once when its reply is due within
 * the reminder window, escalates once to the body's staff when the reply is overdue, and reports
 * assignments not signed for in time and joint opinions past their deadline. Each item is its own
 * transaction; returns what it did, for the job log and the tests.
 */
export async function scanDeadlines(db: Db, notifier: Notifier) {
  const now = clock.now();
  const done = { reminded: 0, escalated: 0, signForOverdue: 0, jointOverdue: 0 };
  for (const { s, path, supervisorUserId } of await findItemsWithReplyDue(db)) {
    const due = s.dueAt!;
    const link = `/suggestions/${s.id}`;
    await db.transaction(async (tx) => {
      if (due < now && !s.escalatedAt) {
        await sendNotices(
          tx,
          notifier,
          [
            { userIds: ids(await staffOfBody(tx, s.bodyId)), title: '代表建议逾期未答复', body: `《${s.title}》已超过答复期限，请督办` },
            {
              userIds: s.leadUnitId ? ids(await usersOfUnit(tx, s.leadUnitId)) : [],
              title: '代表建议已逾期',
              body: `《${s.title}》已超过答复期限，请尽快答复`,
            },
            // 督办: the congress leader who supervises a key suggestion hears of it too.
            { userIds: [supervisorUserId], title: '督办的重点建议已逾期', body: `您督办的重点建议《${s.title}》已超过答复期限` },
          ],
          link,
        );
        await repo.updateSuggestion(tx, s.id, { escalatedAt: now });
        done.escalated++;
        return;
      }
      const window = await ruleInForce(tx, path, suggestionRules.reminder.key);
      const left = workingDaysLeft(due, now);
      if (due >= now && !s.lastRemindedAt && s.leadUnitId && left <= window.amount) {
        await sendNotices(
          tx,
          notifier,
          [
            {
              userIds: ids(await usersOfUnit(tx, s.leadUnitId)),
              title: '代表建议即将到期',
              body: `《${s.title}》距答复期限还有 ${left} 个工作日`,
            },
          ],
          link,
        );
        await repo.updateSuggestion(tx, s.id, { lastRemindedAt: now });
        done.reminded++;
      }
    });
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
