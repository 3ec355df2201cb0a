/** What other modules may ask of auth. */
export { endSessionsOfUser } from './sessions.js';
