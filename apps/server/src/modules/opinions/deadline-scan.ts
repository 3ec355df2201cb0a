import type { Db } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import { clock } from '../../platform/clock.js';
import type { RequestContext } from '../../platform/context.js';
import { chinaDate, workingDaysLeft } from '../../platform/deadlines.js';
import type { Notifier } from '../../platform/notifications.js';
import { sendNotices } from '../../platform/workflow.js';
import { findDueForReminder, findNewlyOverdue } from './deadline-repository.js';
import { opinionLink, staffNotice, summaryOf, unitNotice } from './notify.js';
import * as repo from './opinion-repository.js';
import { REMINDER_WORKING_DAYS } from './rules.js';

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
        await unitNotice(tx, opinion, '群众意见已超期，请尽快答复', text),
        await staffNotice(tx, bodyPath, '群众意见超期未答复', text),
        await staffNotice(tx, bodyPath, '群众意见超期督办', text, 'leader'),
      ];
      await sendNotices(tx, notifier, notices, opinionLink(opinion.id));
    });
    overdue++;
  }
  return { reminded, overdue };
}
