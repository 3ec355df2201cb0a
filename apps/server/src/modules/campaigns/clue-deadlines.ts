import type { Executor } from '../../db/client.js';
import { clock } from '../../platform/clock.js';
import { addCalendarDays, chinaDate, endOfChinaDay } from '../../platform/deadlines.js';
import { countedInWorkingDays, type ProvisionalDeadlineSource, type WorkingDayDeadline } from '../../platform/provisional-deadlines.js';
import * as repo from './repository.js';
import { rectifyDeadline } from './rules.js';

/**
 * The rectification deadlines of transferred clues, for the calendar's recount
 * (platform/provisional-deadlines.ts). The table keeps the transfer instant and the due date, not the
 * rule: a clue is counted in working days when its body's rule in force is (the default is a calendar
 * month, which never moves). The unit it is transferred to is told.
 */
export const clueDeadlines: ProvisionalDeadlineSource = {
  name: 'campaign-clues',
  async open(tx: Executor, from: string) {
    const counted = countedInWorkingDays(tx, rectifyDeadline.key);
    const open: WorkingDayDeadline[] = [];
    for (const { clue, bodyPath } of await repo.transferredDueFrom(tx, endOfChinaDay(addCalendarDays(from, -1)))) {
      if (!clue.transferredAt || !clue.dueAt || !(await counted(bodyPath))) continue;
      open.push({
        entity: 'campaign_clue',
        id: clue.id,
        bodyId: clue.bodyId,
        from: chinaDate(clue.transferredAt),
        due: chinaDate(clue.dueAt),
        label: `问题线索第${clue.seq}号（${clue.content.length > 30 ? `${clue.content.slice(0, 30)}…` : clue.content}）`,
        link: `/opinions/campaigns/${clue.campaignId}`,
        owner: clue.handlingUnitId,
      });
    }
    return open;
  },
  async move(tx, record, due) {
    await repo.updateClue(tx, record.id, { dueAt: endOfChinaDay(due), updatedAt: clock.now() });
  },
};
