import type { FollowUpSubjectType } from '@renda/shared';
import type { Db, Executor } from '../../db/client.js';
import { clock } from '../../platform/clock.js';
import { chinaDate } from '../../platform/deadlines.js';
import type { Notifier } from '../../platform/notifications.js';
import { ruledWorkingDays, type ProvisionalDeadlineSource, type WorkingDayDeadline } from '../../platform/provisional-deadlines.js';
import { staffOfBody, usersOfUnit } from '../../platform/recipients.js';
import { sendNotices } from '../../platform/workflow.js';
import * as repo from './repository.js';
import { followUpDefaultDeadline } from './rules.js';
import { subjectSource } from './subjects.js';

const ids = (people: { id: string }[]) => people.map((p) => p.id);

/**
 * Run daily by the `follow-up-deadlines` job: a task still open after its deadline is reminded once to its
 * unit and to the staff of the item's body. The mark is set in the reminding transaction, only where no run
 * has set it, so two instances or a retried run remind once; a task sent back clears it and may be reminded
 * again.
 */
export async function remindOverdueTasks(db: Db, notifier: Notifier) {
  const now = clock.now();
  let reminded = 0;
  for (const task of await repo.overdueUnnotified(db, chinaDate(now))) {
    const sent = await db.transaction(async (tx) => {
      if (!(await repo.markNotified(tx, task.id, now))) return false;
      const info = await subjectSource(task.subjectType as FollowUpSubjectType).describe(tx, task.subjectId);
      const title = info?.title ?? '';
      await sendNotices(
        tx,
        notifier,
        [
          {
            userIds: task.unitId ? ids(await usersOfUnit(tx, task.unitId)) : [],
            title: '落实任务已逾期',
            body: `《${title}》的任务“${task.title}”已超过完成期限（${task.dueOn}），请尽快落实并报告。`,
          },
          {
            userIds: ids(await staffOfBody(tx, task.bodyId)),
            title: '落实任务逾期未落实',
            body: `${task.responsible}未在期限（${task.dueOn}）内落实《${title}》的任务“${task.title}”。`,
          },
        ],
        info?.link,
      );
      return true;
    });
    if (sent) reminded++;
  }
  return { reminded };
}

/**
 * The tasks counted in working days, for the calendar's recount (platform/provisional-deadlines.ts): the
 * unit is told (the staff of the item's body when no unit account holds it), and the overdue reminder may
 * come again once the new date passes. A task set before the table kept its working days (migration 0039)
 * or whether its date was named (0040) is recounted only when its subject's rule in force gives its date
 * from the day it was set: a named date is a calendar date and stays.
 */
export const followUpDeadlines: ProvisionalDeadlineSource = {
  name: 'followups',
  async open(tx: Executor, from: string) {
    const ruled = ruledWorkingDays(tx);
    const open: WorkingDayDeadline[] = [];
    for (const { task, bodyPath } of await repo.openWorkingDayTasks(tx, from)) {
      const start = chinaDate(task.createdAt);
      const subject = subjectSource(task.subjectType as FollowUpSubjectType);
      const workingDays =
        task.dueWorkingDays ?? (await ruled(subject.deadlineRule ?? followUpDefaultDeadline.key, bodyPath, start, task.dueOn));
      if (workingDays === null) continue;
      const info = await subject.describe(tx, task.subjectId);
      open.push({
        entity: 'follow_up_task',
        id: task.id,
        bodyId: task.bodyId,
        from: start,
        due: task.dueOn,
        workingDays,
        label: info ? `《${info.title}》的落实任务“${task.title}”` : `落实任务“${task.title}”`,
        link: info?.link ?? '/',
        owner: task.unitId,
      });
    }
    return open;
  },
  async move(tx, record, due) {
    await repo.updateTask(tx, record.id, { dueOn: due, ...(due >= chinaDate(clock.now()) ? { overdueNotifiedAt: null } : {}) });
  },
  async recipients(tx, record) {
    if (record.owner) return ids(await usersOfUnit(tx, record.owner));
    return record.bodyId ? ids(await staffOfBody(tx, record.bodyId)) : [];
  },
};
