import { clock } from './clock.js';
import type { AppDeps } from './http.js';
import { sessions } from '../db/schema.js';
import { lt } from 'drizzle-orm';

/** Jobs every deployment runs, whatever modules it has. */
export function registerPlatformJobs({ jobs, notifier, database: { db } }: AppDeps) {
  jobs.define({ name: 'outbox-deliver', cron: '* * * * *', handler: async () => void (await notifier.deliverPending()) });
  jobs.define({
    name: 'sessions-purge',
    cron: '17 3 * * *',
    handler: async () => void (await db.delete(sessions).where(lt(sessions.expiresAt, clock.now()))),
  });
}
