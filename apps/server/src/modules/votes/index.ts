/**
 * The one vote component: what other modules may use. They create a vote for their subject, embed
 * the web VotePanel, and read the result; they never keep ballots of their own.
 */
export {
  applyVoteAction,
  castBallot,
  createVote,
  electorateOf,
  getVote,
  membersOf,
  onVoteClosed,
  rollOf,
  storeAnnouncedVote,
  voteResult,
  type ClosedVote,
  type VoteClosedHandler,
} from './service.js';
export { decide as decideVote } from './rules.js';
export { voteTodos } from './workbench.js';
