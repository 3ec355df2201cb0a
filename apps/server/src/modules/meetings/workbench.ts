import { meetingStateLabel, type WorkbenchEntry } from '@renda/shared';
import type { Db } from '../../db/client.js';
import type { ActorContext } from '../../platform/context.js';
import { endOfChinaDay } from '../../platform/deadlines.js';
import { getDeputyByUser } from '../deputies/index.js';
import { comingMeetingsOfDeputy } from './repository.js';

/**
 * 会议's line of a deputy's to-do list: the meetings they are notified of (as a member or invited to
 * observe) that still wait for their answer (出席 or 请假), or else those coming up or in session. It
 * opens the deputy's meeting page on the phone, where they answer and read the materials.
 */
export async function meetingTodos(db: Db, ctx: ActorContext): Promise<WorkbenchEntry[]> {
  if (ctx.actor.role !== 'deputy') return [];
  const found = await getDeputyByUser(db, ctx.actor.id);
  if (!found) return [];
  const rows = await comingMeetingsOfDeputy(db, found.deputy.id);
  const unanswered = rows.filter((m) => m.state === 'notified' && m.response === 'pending');
  return [
    {
      key: 'meetings.upcoming',
      module: 'meetings',
      // One line: it asks for an answer while a notice waits for one, and otherwise lists what comes up.
      label: unanswered.length ? '待确认出席的会议' : '近期会议',
      count: unanswered.length || rows.length,
      // The list filtered to exactly the meetings counted (each meeting of the line opens its own page).
      link: `/meetings/my?show=${unanswered.length ? 'awaiting' : 'coming'}`,
      tone: unanswered.length ? 'todo' : 'watch',
      items: (unanswered.length ? unanswered : rows).slice(0, 5).map((m) => ({
        id: m.id,
        title: m.title,
        state:
          m.response === 'pending' && m.state === 'notified' ? '待确认出席' : meetingStateLabel[m.state as keyof typeof meetingStateLabel],
        dueAt: endOfChinaDay(m.startsOn).toISOString(),
        dateKind: 'meeting' as const,
        link: `/meetings/my/${m.id}`,
      })),
    },
  ];
}
