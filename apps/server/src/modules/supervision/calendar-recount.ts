import type { Executor } from '../../db/client.js';
import { clock } from '../../platform/clock.js';
import { chinaDate } from '../../platform/deadlines.js';
import { ruledWorkingDays, type ProvisionalDeadlineSource, type WorkingDayDeadline } from '../../platform/provisional-deadlines.js';
import { stageDeadlineOf, supervisionStageLabel, type SupervisionKind, type SupervisionStage } from '@renda/shared';
import * as repo from './repository.js';
import { pointDeadline, pointNumber } from './rules.js';

/**
 * The answer deadlines of the issue list's points (督办清单), for the calendar's recount
 * (platform/provisional-deadlines.ts); a stage's tasks are follow-up tasks, recounted by that module.
 * A point keeps its date, not whether staff named it or the body's rule counted it (two calendar months by
 * default, working days where a body sets so), so only a date the rule in force gives from the day the point
 * was listed is recounted (`ruledWorkingDays`): a named date is a calendar date and stays. The organ is told;
 * its overdue escalation may come again once the new date passes.
 */
export const pointDeadlines: ProvisionalDeadlineSource = {
  name: 'supervision-points',
  async open(tx: Executor, from: string) {
    const ruled = ruledWorkingDays(tx);
    const open: WorkingDayDeadline[] = [];
    for (const { point, subject, bodyPath } of await repo.openPointsDueFrom(tx, from)) {
      const start = chinaDate(point.createdAt);
      const workingDays = await ruled(pointDeadline.key, bodyPath, start, point.dueOn);
      if (workingDays === null) continue;
      open.push({
        entity: 'supervision_point',
        id: point.id,
        bodyId: point.bodyId,
        from: start,
        due: point.dueOn,
        workingDays,
        label: `《${subject}》督办清单第${pointNumber(point.seq, point.round)}号问题`,
        link: `/supervision/items/${point.itemId}`,
        owner: point.organUnitId,
      });
    }
    return open;
  },
  async move(tx, record, due) {
    await repo.updatePoint(tx, record.id, { dueOn: due, ...(due >= chinaDate(clock.now()) ? { escalatedAt: null } : {}) });
  },
};

/**
 * The due dates of the stages items are in, for the same recount: only a date the rule in force counts in
 * working days from the day the item entered its stage (a date staff set keeps its reason and stays; a
 * date counted back from the meeting is a calendar date before a fixed day, and stays too).
 */
export const stageDues: ProvisionalDeadlineSource = {
  name: 'supervision-stages',
  async open(tx: Executor, from: string) {
    const ruled = ruledWorkingDays(tx);
    const open: WorkingDayDeadline[] = [];
    for (const { item, bodyPath } of await repo.itemsWithRuledStageDueFrom(tx, from)) {
      const stage = item.stage as SupervisionStage;
      const rule = stageDeadlineOf(item.kind as SupervisionKind, stage);
      if (rule?.from !== 'entered') continue;
      const start = chinaDate(item.stageStartedAt);
      const workingDays = await ruled(rule.key, bodyPath, start, item.stageDueOn!);
      if (workingDays === null) continue;
      open.push({
        entity: 'supervision_item',
        id: item.id,
        bodyId: item.bodyId,
        from: start,
        due: item.stageDueOn!,
        workingDays,
        label: `《${item.subject}》${supervisionStageLabel[stage]}阶段`,
        link: `/supervision/items/${item.id}`,
        owner: item.organUnitId,
      });
    }
    return open;
  },
  async move(tx, record, due) {
    await repo.updateItem(tx, record.id, { stageDueOn: due });
  },
};
