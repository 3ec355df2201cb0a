/**
 * What other modules may call of supervision: its lines of the to-do list. Satisfaction votes run the
 * other way: this module creates them through `votes/index.ts` and hears of their closing through the
 * handler it registers there (`onVoteClosed('supervision', …)`, vote-outcome.ts).
 */
export { supervisionTodos } from './workbench.js';
