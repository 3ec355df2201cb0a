import type { WorkbenchEntry } from '@renda/shared';
import type { Db } from '../../db/client.js';
import type { ActorContext } from '../../platform/context.js';
import { openVotesAwaiting } from './repository.js';

/**
 * The vote component's line of the to-do list, for whoever is on a roll (deputies, committee members):
 * the open votes still waiting for their ballot, the one closing soonest first, each opening its phone
 * ballot. Nothing when none waits, so the line never invites a ballot that would be refused.
 */
export async function voteTodos(db: Db, ctx: ActorContext): Promise<WorkbenchEntry[]> {
  const waiting = await openVotesAwaiting(db, ctx.actor.id);
  if (!waiting.length) return [];
  return [
    {
      key: 'votes.waiting',
      module: 'meetings',
      label: '待投票的表决和测评',
      count: waiting.length,
      link: `/votes/${waiting[0]!.id}/ballot`,
      tone: 'todo',
      items: waiting.slice(0, 5).map((v) => ({
        id: v.id,
        title: v.title,
        state: '投票中',
        dueAt: v.closesAt?.toISOString() ?? null,
        link: `/votes/${v.id}/ballot`,
      })),
    },
  ];
}
