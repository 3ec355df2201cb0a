import type { Executor } from '../../db/client.js';
import * as repo from './repository.js';

/**
 * Signs the user out everywhere: an account stopped, a role changed or a password reset by an
 * administrator must not keep working in a browser that was logged in before.
 */
export async function endSessionsOfUser(db: Executor, userId: string) {
  await repo.deleteSessionsOfUser(db, userId);
}
