import { boolean, date, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { createdAtColumn, idColumn, timestampColumn } from '../../db/columns.js';
import { bodies, users } from '../../db/platform-tables.js';

/** 法规草案: a draft regulation of one body, published for comment for a period. */
export const legislationDrafts = pgTable(
  'legislation_drafts',
  {
    id: idColumn(),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => bodies.id),
    title: text('title').notNull(),
    drafter: text('drafter').notNull().default(''),
    commentFrom: date('comment_from').notNull(),
    commentTo: date('comment_to').notNull(),
    state: varchar('state', { length: 16 }).notNull().default('drafting'),
    /** Random, unguessable id of the public comment page. */
    publicCode: varchar('public_code', { length: 24 }).notNull().unique(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAtColumn(),
    openedAt: timestampColumn('opened_at'),
    closedAt: timestampColumn('closed_at'),
    summarisedAt: timestampColumn('summarised_at'),
  },
  (t) => [index('legislation_drafts_body_idx').on(t.bodyId, t.createdAt)],
);

/** A version of the draft's text (征求意见稿, 修改稿); every version is kept. */
export const legislationVersions = pgTable(
  'legislation_versions',
  {
    id: idColumn(),
    draftId: uuid('draft_id')
      .notNull()
      .references(() => legislationDrafts.id),
    number: integer('number').notNull(),
    note: text('note').notNull().default(''),
    /** 起草说明 */
    explanation: text('explanation').notNull().default(''),
    preamble: text('preamble').notNull().default(''),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAtColumn(),
  },
  (t) => [uniqueIndex('legislation_versions_number_unique').on(t.draftId, t.number)],
);

/** One article (条) of a version, in order. */
export const legislationArticles = pgTable(
  'legislation_articles',
  {
    id: idColumn(),
    versionId: uuid('version_id')
      .notNull()
      .references(() => legislationVersions.id),
    position: integer('position').notNull(),
    number: integer('number').notNull(),
    label: varchar('label', { length: 24 }).notNull(),
    chapter: text('chapter').notNull().default(''),
    text: text('text').notNull(),
  },
  (t) => [uniqueIndex('legislation_articles_position_unique').on(t.versionId, t.position)],
);

/** 基层立法联系点: a grassroots place (township, community, company, law firm) that gathers comments for a body. */
export const legislationContactPoints = pgTable(
  'legislation_contact_points',
  {
    id: idColumn(),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => bodies.id),
    name: text('name').notNull(),
    address: text('address').notNull(),
    contactPerson: text('contact_person').notNull().default(''),
    contactPhone: varchar('contact_phone', { length: 20 }).notNull().default(''),
    createdAt: createdAtColumn(),
  },
  (t) => [uniqueIndex('legislation_contact_points_name_unique').on(t.bodyId, t.name)],
);

/** The accounts that enter a contact point's comments (staff of its body or a body below). */
export const legislationContactPointMembers = pgTable(
  'legislation_contact_point_members',
  {
    contactPointId: uuid('contact_point_id')
      .notNull()
      .references(() => legislationContactPoints.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.contactPointId, t.userId] }), index('legislation_cp_members_user_idx').on(t.userId)],
);

/** The contact points taking part in a draft's comment period. */
export const legislationDraftPoints = pgTable(
  'legislation_draft_points',
  {
    draftId: uuid('draft_id')
      .notNull()
      .references(() => legislationDrafts.id),
    contactPointId: uuid('contact_point_id')
      .notNull()
      .references(() => legislationContactPoints.id),
  },
  (t) => [primaryKey({ columns: [t.draftId, t.contactPointId] })],
);

/**
 * A comment on the draft as a whole, on an article, or on a passage of one (`quote`). A citizen's comes
 * from the public page and waits for moderation; a contact point's is entered by its member with the
 * number of people who took part. The phone is kept for the adoption SMS only with `notifyConsent`.
 */
export const legislationComments = pgTable(
  'legislation_comments',
  {
    id: idColumn(),
    draftId: uuid('draft_id')
      .notNull()
      .references(() => legislationDrafts.id),
    versionId: uuid('version_id')
      .notNull()
      .references(() => legislationVersions.id),
    articleId: uuid('article_id').references(() => legislationArticles.id),
    quote: text('quote'),
    content: text('content').notNull(),
    source: varchar('source', { length: 16 }).notNull(),
    contactPointId: uuid('contact_point_id').references(() => legislationContactPoints.id),
    participants: integer('participants').notNull().default(1),
    gatheredOn: date('gathered_on').notNull(),
    name: text('name'),
    phone: varchar('phone', { length: 11 }),
    notifyConsent: boolean('notify_consent').notNull().default(false),
    state: varchar('state', { length: 16 }).notNull().default('pending'),
    rejectReason: text('reject_reason'),
    adoption: varchar('adoption', { length: 16 }),
    adoptionReason: text('adoption_reason'),
    ip: varchar('ip', { length: 64 }),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAtColumn(),
    moderatedAt: timestampColumn('moderated_at'),
    markedAt: timestampColumn('marked_at'),
    notifiedAt: timestampColumn('notified_at'),
  },
  (t) => [
    index('legislation_comments_draft_idx').on(t.draftId, t.state),
    index('legislation_comments_article_idx').on(t.articleId),
    index('legislation_comments_phone_idx').on(t.phone, t.createdAt),
  ],
);
