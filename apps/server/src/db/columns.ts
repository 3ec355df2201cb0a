import { bigserial, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { uuidv7 } from 'uuidv7';

/** Column helpers every module's tables use. Internal ids are UUIDv7 for index locality. */
export const idColumn = () =>
  uuid('id')
    .primaryKey()
    .$defaultFn(() => uuidv7());
export const createdAtColumn = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();
export const timestampColumn = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** A workflow's step log: who moved a record from one status to another, when and why. */
export const workflowEventColumns = () => ({
  id: bigserial('id', { mode: 'bigint' }).primaryKey(),
  at: createdAtColumn(),
  action: varchar('action', { length: 24 }).notNull(),
  fromStatus: varchar('from_status', { length: 16 }),
  toStatus: varchar('to_status', { length: 16 }),
  actorId: uuid('actor_id'),
  actorName: text('actor_name'),
  note: text('note'),
});
