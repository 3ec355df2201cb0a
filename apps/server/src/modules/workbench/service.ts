import type { Workbench, WorkbenchEntry, WorkbenchFigure } from '@renda/shared';
import type { Db } from '../../db/client.js';
import { clock } from '../../platform/clock.js';
import type { ActorContext } from '../../platform/context.js';
import { chinaDate } from '../../platform/deadlines.js';
import { monthSoFar, type ComparedPeriods } from '../../platform/periods.js';
import { dutyTodos } from '../deputies/index.js';
import { meetingTodos } from '../meetings/index.js';
import { opinionFigures, opinionTodos } from '../opinions/index.js';
import { stationTodos } from '../stations/index.js';
import { suggestionFigures, suggestionTodos } from '../suggestions/index.js';
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

/** The modules whose figures that moved (a leader's) the home page shows, in its order. */
const figureSources: readonly ((db: Db, ctx: ActorContext, periods: ComparedPeriods) => Promise<WorkbenchFigure[]>)[] = [
  opinionFigures,
  suggestionFigures,
];

/** The home page's to-do list (工作台) for the signed-in user, and the figures compared with last month's. */
export async function workbenchOf(db: Db, ctx: ActorContext): Promise<Workbench> {
  const periods = monthSoFar(chinaDate(clock.now()));
  const [entries, figures] = await Promise.all([
    Promise.all(sources.map((source) => source(db, ctx))),
    Promise.all(figureSources.map((source) => source(db, ctx, periods))),
  ]);
  return { entries: entries.flat(), figures: figures.flat() };
}
