import { DomainError } from '../platform/errors.js';

/** The refusal a call throws (code, status, Chinese message), for tests that assert what a user is told. */
export function refusal(fn: () => unknown) {
  try {
    fn();
  } catch (err) {
    if (err instanceof DomainError) return { code: err.code, status: err.status, message: err.message };
    throw err;
  }
  throw new Error('not refused');
}
