/**
 * What other modules may call of supervision: nothing yet. Satisfaction votes run the other way: this
 * module creates them through `votes/index.ts` and hears of their closing through the handler it
 * registers there (`onVoteClosed('supervision', …)`, vote-outcome.ts).
 */
export {};
