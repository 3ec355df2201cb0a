/** What other modules may use from the admin module: creating a login with a one-time initial password. */
export { createInitialLogin, usernameTaken, type CreatedLogin, type InitialLogin } from './initial-login.js';
