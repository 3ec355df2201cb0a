import type { Workbench, WorkbenchEntry } from '@renda/shared';
import type { Db } from '../../db/client.js';
import type { ActorContext } from '../../platform/context.js';
import { dutyTodos } from '../deputies/index.js';
import { meetingTodos } from '../meetings/index.js';
import { opinionTodos } from '../opinions/index.js';
import { stationTodos } from '../stations/index.js';
import { suggestionTodos } from '../suggestions/index.js';
import { supervisionTodos } from '../supervision/index.js';
import { voteTodos } from '../votes/index.js';

/**
 * The modules that put lines on the to-do list, in the order the home page shows them. Each answers
 * for the actor's role from its own index.ts (an empty list when it has nothing for that role); a new
 * module adds its function here.
 */
const sources: readonly ((db: Db, ctx: ActorContext) => Promise<WorkbenchEntry[]>)[] = [
  opinionTodos,
  suggestionTodos,
  supervisionTodos,
  voteTodos,
  meetingTodos,
  stationTodos,
  dutyTodos,
];

/** The home page's to-do list (工作台) for the signed-in user. */
export async function workbenchOf(db: Db, ctx: ActorContext): Promise<Workbench> {
  const parts = await Promise.all(sources.map((source) => source(db, ctx)));
  return { entries: parts.flat() };
}
