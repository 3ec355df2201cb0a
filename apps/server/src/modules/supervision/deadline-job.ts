import type { Db } from '../../db/client.js';
import { clock } from '../../platform/clock.js';
import { chinaDate } from '../../platform/deadlines.js';
import type { Notifier } from '../../platform/notifications.js';
import { leadersOfBody, staffOfBody, usersOfUnit } from '../../platform/recipients.js';
import { sendNotices } from '../../platform/workflow.js';
import * as repo from './repository.js';
import { pointNumber } from './rules.js';

const ids = (people: { id: string }[]) => people.map((p) => p.id);

/**
 * Run by the `supervision-deadlines` job: a point of the list still open past its deadline is escalated
 * once, through the notification centre, to the organ, the committee's staff and the body's leaders
 * (清单式督办: 逾期未办结的问题报常委会领导). A point sent back clears the mark and may escalate again.
 */
export async function escalateOverduePoints(db: Db, notifier: Notifier) {
  const now = clock.now();
  let escalated = 0;
  for (const { point, subject, organName } of await repo.overduePoints(db, chinaDate(now))) {
    await db.transaction(async (tx) => {
      const number = pointNumber(point.seq, point.round);
      await sendNotices(
        tx,
        notifier,
        [
          {
            userIds: ids(await usersOfUnit(tx, point.organUnitId)),
            title: '督办问题已逾期',
            body: `《${subject}》第${number}号问题已超过整改期限（${point.dueOn}），请尽快报送整改情况`,
          },
          {
            userIds: [...ids(await staffOfBody(tx, point.bodyId)), ...ids(await leadersOfBody(tx, point.bodyId))],
            title: '督办问题逾期未整改',
            body: `${organName}未在期限（${point.dueOn}）内报送《${subject}》第${number}号问题的整改情况`,
          },
        ],
        `/supervision/items/${point.itemId}`,
      );
      await repo.updatePoint(tx, point.id, { escalatedAt: now });
    });
    escalated++;
  }
  return { escalated };
}
