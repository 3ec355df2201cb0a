import type { Db, Executor } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import { clock } from '../../platform/clock.js';
import type { RequestContext } from '../../platform/context.js';
import { addCalendarDays, chinaDate, endOfChinaDay, workingDaysLeft } from '../../platform/deadlines.js';
import type { Notifier } from '../../platform/notifications.js';
import { countedInWorkingDays, type ProvisionalDeadlineSource, type WorkingDayDeadline } from '../../platform/provisional-deadlines.js';
import { sendNotices } from '../../platform/workflow.js';
import { findDueForReminder, findNewlyOverdue, findRunningDueFrom } from './deadline-repository.js';
import { opinionLink, staffNotice, summaryOf, unitNotice } from './notify.js';
import * as repo from './opinion-repository.js';
import { REMINDER_WORKING_DAYS, replyDeadline } from './rules.js';
import { formatTrackingCode } from './tracking-code.js';

const jobCtx: RequestContext = { actor: null, requestId: 'job:opinions-deadlines', ip: null };
const BATCH = 500;

/**
 * Run by the scheduled job: remind handling units of items due within a few working days, and mark
 * items past their due date as overdue, telling the unit, the staff and the supervising leaders
 * (逾期督办). Each item is marked once, so running the scan again changes nothing.
 */
export async function scanDeadlines(db: Db, notifier: Notifier): Promise<{ reminded: number; overdue: number }> {
  const now = clock.now();
  let reminded = 0;
  // Working days are at most a few calendar weeks away; the exact count is checked per item.
  const horizon = new Date(now.getTime() + (REMINDER_WORKING_DAYS + 14) * 86_400_000);
  for (const { opinion } of await findDueForReminder(db, now, horizon, BATCH)) {
    if (!opinion.dueAt || workingDaysLeft(opinion.dueAt, now) > REMINDER_WORKING_DAYS) continue;
    await db.transaction(async (tx) => {
      await repo.updateOpinion(tx, opinion.id, { remindedAt: now });
      await repo.insertEvent(tx, {
        opinionId: opinion.id,
        at: now,
        action: 'remind',
        actorName: '系统',
        note: `答复期限 ${chinaDate(opinion.dueAt!)}`,
        public: false,
      });
      const text = `${summaryOf(opinion)}；请于 ${chinaDate(opinion.dueAt!)} 前答复`;
      await sendNotices(tx, notifier, [await unitNotice(tx, opinion, '群众意见即将到期', text)], opinionLink(opinion.id));
    });
    reminded++;
  }
  let overdue = 0;
  for (const { opinion, bodyPath } of await findNewlyOverdue(db, now, BATCH)) {
    await db.transaction(async (tx) => {
      await repo.updateOpinion(tx, opinion.id, { overdueAt: now });
      const due = chinaDate(opinion.dueAt!);
      await repo.insertEvent(tx, {
        opinionId: opinion.id,
        at: now,
        action: 'overdue',
        actorName: '系统',
        note: `已超过答复期限 ${due}`,
        public: false,
      });
      await recordAudit(tx, jobCtx, {
        entity: 'opinion',
        entityId: opinion.id,
        bodyId: opinion.bodyId,
        action: 'overdue',
        after: { dueAt: opinion.dueAt },
      });
      const text = `${summaryOf(opinion)}；答复期限 ${due}`;
      const notices = [
        await unitNotice(tx, opinion, '群众意见已逾期，请尽快答复', text),
        await staffNotice(tx, bodyPath, '群众意见逾期未答复', text),
        await staffNotice(tx, bodyPath, '群众意见逾期督办', text, 'leader'),
      ];
      await sendNotices(tx, notifier, notices, opinionLink(opinion.id));
    });
    overdue++;
  }
  return { reminded, overdue };
}

/**
 * The reply deadlines of routed items, for the calendar's recount (platform/provisional-deadlines.ts).
 * The table keeps the routing instant and the due date, not the rule: an item is counted in working days
 * when its body's reply rule in force is (the recount then takes the number of working days between the
 * two under the old calendar). The unit it is routed to is told; its reminder may come again.
 */
export const opinionDeadlines: ProvisionalDeadlineSource = {
  name: 'opinions',
  async open(tx: Executor, from: string) {
    const rows = await findRunningDueFrom(tx, endOfChinaDay(addCalendarDays(from, -1)));
    const counted = countedInWorkingDays(tx, replyDeadline.key);
    const open: WorkingDayDeadline[] = [];
    for (const { opinion, bodyPath } of rows)
      if (opinion.routedAt && opinion.dueAt && (await counted(bodyPath)))
        open.push({
          entity: 'opinion',
          id: opinion.id,
          bodyId: opinion.bodyId,
          from: chinaDate(opinion.routedAt),
          due: chinaDate(opinion.dueAt),
          label: `群众意见 ${formatTrackingCode(opinion.trackingCode)}（${summaryOf(opinion)}）`,
          link: opinionLink(opinion.id),
          owner: opinion.handlingUnitId,
        });
    return open;
  },
  async move(tx, record, due) {
    const dueAt = endOfChinaDay(due);
    const now = clock.now();
    await repo.updateOpinion(tx, record.id, {
      dueAt,
      remindedAt: null,
      ...(dueAt.getTime() >= now.getTime() ? { overdueAt: null } : {}),
      updatedAt: now,
    });
    await repo.insertEvent(tx, {
      opinionId: record.id,
      at: now,
      action: 'dueRecomputed',
      actorName: '系统',
      note: `按法定节假日安排，答复期限由 ${record.due} 调整为 ${due}`,
      public: false,
    });
  },
};
