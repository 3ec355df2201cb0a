import { assignmentRoleLabel, type AssignmentRole } from '@renda/shared';
import type { Executor } from '../../db/client.js';
import { clock } from '../../platform/clock.js';
import { addCalendarDays, chinaDate, endOfChinaDay } from '../../platform/deadlines.js';
import { ruledWorkingDays, type ProvisionalDeadlineSource, type WorkingDayDeadline } from '../../platform/provisional-deadlines.js';
import { findOpenAssignmentsDueFrom, latestReopening } from './deadline-repository.js';
import { replyRuleOf, suggestionRules } from './deadlines.js';
import * as repo from './repository.js';
import { nearestDue } from './separate.js';

/**
 * A suggestion's stored working-day deadlines, for the calendar's recount (platform/provisional-deadlines.ts):
 * each unit's sign-for deadline (seven working days by default) and its reply deadline (a lead unit's, a
 * 分别办理 part's, a joint unit's opinion to the lead; calendar months by default, working days where a body
 * sets so). The deputy's rating deadline and the review deadline are not stored (counted when asked), so
 * they follow the new calendar by themselves.
 *
 * An assignment keeps its start (`assignedAt`) and its date, not how the date was reached, so the rule in
 * force must give the stored date from that start (`ruledWorkingDays`). That leaves alone a date moved by an
 * approved extension: it is the counted date plus calendar months, approved by staff and told to the deputy
 * in writing as that date (福建省办法第十九条), so it is a calendar date now. A round reopened for re-handling
 * (the lead's, or a 分别办理 part's) is counted from the reopening, which the row does not keep: its start is
 * the later of the assignment and the item's latest reopening of that unit (`roundStart`).
 */
interface AssignmentDeadline extends WorkingDayDeadline {
  assignmentId: string;
  role: AssignmentRole;
}

type Row = Awaited<ReturnType<typeof findOpenAssignmentsDueFrom>>[number];

/** The instant a unit's current round began: its assignment, or a later reopening (a reassignment within the round sets `assignedAt`). */
async function roundStart(tx: Executor, row: Row): Promise<Date> {
  if (row.a.round === 1) return row.a.assignedAt;
  const reopened = await latestReopening(tx, row.s.id, row.a.unitId);
  return reopened && reopened > row.a.assignedAt ? reopened : row.a.assignedAt;
}

function source(
  name: string,
  column: 'signForDueAt' | 'dueAt',
  ruleOf: (row: Row) => string,
  what: (row: Row) => string,
  moved: (tx: Executor, record: AssignmentDeadline, due: Date) => Promise<void>,
): ProvisionalDeadlineSource<AssignmentDeadline> {
  return {
    name,
    async open(tx, from) {
      const ruled = ruledWorkingDays(tx);
      const open: AssignmentDeadline[] = [];
      for (const row of await findOpenAssignmentsDueFrom(tx, column, endOfChinaDay(addCalendarDays(from, -1)))) {
        const start = chinaDate(column === 'dueAt' ? await roundStart(tx, row) : row.a.assignedAt);
        const due = chinaDate(row.a[column]);
        const workingDays = await ruled(ruleOf(row), row.path, start, due);
        if (workingDays === null) continue;
        open.push({
          entity: 'suggestion',
          id: row.s.id,
          bodyId: row.s.bodyId,
          from: start,
          due,
          workingDays,
          what: what(row),
          label: `代表建议《${row.s.title}》${what(row)}`,
          link: `/suggestions/${row.s.id}`,
          owner: row.a.unitId,
          assignmentId: row.a.id,
          role: row.a.role as AssignmentRole,
        });
      }
      return open;
    },
    move: (tx, record, due) => moved(tx, record, endOfChinaDay(due)),
  };
}

const unitAs = (row: Row) => `${row.unitName}（${assignmentRoleLabel[row.a.role as AssignmentRole]}）`;

export const suggestionSignForDeadlines = source(
  'suggestions-sign-for',
  'signForDueAt',
  () => suggestionRules.signFor.key,
  (row) => `${unitAs(row)}的签收期限`,
  async (tx, record, due) => void (await repo.updateAssignment(tx, record.assignmentId, { signForDueAt: due })),
);

/**
 * The reply deadlines. The reminder and overdue marks of the date go, so they come again for the new one;
 * the item's own date follows its lead unit's, or the nearest part still owed.
 */
export const suggestionReplyDeadlines = source(
  'suggestions-reply',
  'dueAt',
  (row) => replyRuleOf({ complex: row.s.complex, round: row.a.round, role: row.a.role }),
  (row) => `${unitAs(row)}的${row.a.role === 'joint' ? '会办意见期限' : '答复期限'}`,
  async (tx, record, due) => {
    const ahead = due >= clock.now();
    await repo.updateAssignment(tx, record.assignmentId, { dueAt: due, remindedAt: null, ...(ahead ? { overdueReportedAt: null } : {}) });
    if (record.role === 'lead')
      await repo.updateSuggestion(tx, record.id, { dueAt: due, lastRemindedAt: null, ...(ahead ? { escalatedAt: null } : {}) });
    if (record.role === 'separate') {
      const parts = (await repo.assignmentsOf(tx, record.id)).filter(({ a }) => a.role === 'separate').map(({ a }) => a);
      await repo.updateSuggestion(tx, record.id, { dueAt: nearestDue(parts) });
    }
  },
);
