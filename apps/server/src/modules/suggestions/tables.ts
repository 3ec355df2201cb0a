import { sql } from 'drizzle-orm';
import {
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { createdAtColumn, idColumn, timestampColumn } from '../../db/columns.js';
import { bodies, handlingUnits, users } from '../../db/platform-tables.js';
import { deputies } from '../deputies/tables.js';

/** A congress session (e.g. 嘉兴市第九届人民代表大会第三次会议): suggestions made during it are numbered within it. */
export const suggestionSessions = pgTable(
  'suggestion_sessions',
  {
    id: idColumn(),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => bodies.id),
    name: text('name').notNull(),
    year: integer('year').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [uniqueIndex('suggestion_sessions_body_name_unique').on(t.bodyId, t.name)],
);

/** A `tsvector` written and read as its literal text (platform/text.ts `searchTokens`). */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** A deputy's suggestion (建议、批评和意见) or motion (议案) and where it stands. */
export const suggestions = pgTable(
  'suggestions',
  {
    id: idColumn(),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => bodies.id),
    sessionId: uuid('session_id').references(() => suggestionSessions.id),
    kind: varchar('kind', { length: 12 }).notNull(),
    /** Set when a motion was turned into a suggestion at review. */
    convertedFromMotion: boolean('converted_from_motion').notNull().default(false),
    period: varchar('period', { length: 20 }).notNull(),
    year: integer('year').notNull(),
    /** Numbering series: the session id for in-session items, `between:<year>` otherwise. */
    numberSeries: varchar('number_series', { length: 64 }),
    number: integer('number'),
    title: text('title').notNull(),
    content: text('content').notNull(),
    field: varchar('field', { length: 16 }).notNull(),
    leadDeputyId: uuid('lead_deputy_id')
      .notNull()
      .references(() => deputies.id),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    state: varchar('state', { length: 24 }).notNull(),
    /** Handling round: 1, then +1 each time dissatisfaction or staff reopen it. */
    round: integer('round').notNull().default(1),
    complex: boolean('complex').notNull().default(false),
    disclose: boolean('disclose').notNull().default(true),
    /** The deputy asked that their identity be withheld from the handling units (保密); staff still see it. */
    confidential: boolean('confidential').notNull().default(false),
    returnReason: text('return_reason'),
    mergedIntoId: uuid('merged_into_id'),
    /** Citizens' opinions it grew from; on submission they are also marked escalated in the opinions module (`markEscalated`). */
    opinionIds: jsonb('opinion_ids').$type<string[]>().notNull().default([]),
    /** 主办、会办 (lead_joint) or 分别办理 (separate: no lead unit; each unit answers its own part). */
    handlingMode: varchar('handling_mode', { length: 12 }).notNull().default('lead_joint'),
    leadUnitId: uuid('lead_unit_id').references(() => handlingUnits.id),
    /** The lead unit's reply deadline for the current round (extensions move it). */
    dueAt: timestampColumn('due_at'),
    replyCategory: varchar('reply_category', { length: 1 }),
    rating: varchar('rating', { length: 24 }),
    isKey: boolean('is_key').notNull().default(false),
    submittedAt: timestampColumn('submitted_at'),
    acceptedAt: timestampColumn('accepted_at'),
    assignedAt: timestampColumn('assigned_at'),
    firstRepliedAt: timestampColumn('first_replied_at'),
    /** Whether the first reply came within its deadline: the on-time rate counts this. */
    repliedOnTime: boolean('replied_on_time'),
    releasedAt: timestampColumn('released_at'),
    closedAt: timestampColumn('closed_at'),
    lastRemindedAt: timestampColumn('last_reminded_at'),
    escalatedAt: timestampColumn('escalated_at'),
    /** jieba tokens of the title and content for the keyword search (repository.ts `keyword`); NULL until filled (search.ts). */
    searchTokens: tsvector('search_tokens'),
    createdAt: createdAtColumn(),
    updatedAt: timestampColumn('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('suggestions_number_unique').on(t.bodyId, t.numberSeries, t.number),
    index('suggestions_body_state_idx').on(t.bodyId, t.state, t.updatedAt),
    index('suggestions_body_session_idx').on(t.bodyId, t.sessionId, t.number),
    index('suggestions_lead_deputy_idx').on(t.leadDeputyId),
    // Items still owed an answer, by session and due date: the deadline job and the overdue lists and counts (index-only).
    index('suggestions_due_idx')
      .on(t.sessionId, t.dueAt, t.bodyId, t.state)
      .where(sql`${t.state} IN ('handling', 'rehandling', 'assigned', 'reassignment_requested')`),
    // A session's list newest first whatever the other filters, and its counts and rates, from the
    // index alone (index-only scans): the trailing columns are the list filters and the rate figures
    // (drizzle has no INCLUDE). The state is not second, so a filter by unit or kind keeps the order too.
    index('suggestions_session_updated_idx').on(
      t.sessionId,
      t.updatedAt.desc(),
      t.id.desc(),
      t.bodyId,
      t.state,
      t.kind,
      t.isKey,
      t.leadUnitId,
      t.dueAt,
      t.assignedAt,
      t.releasedAt,
      t.repliedOnTime,
      t.replyCategory,
      t.rating,
    ),
    // The keyword search: the words of titles and contents (jieba tokens), and for a keyword within one
    // session a narrow index on the session to AND with it (the wide session index costs ten times more to read).
    index('suggestions_search_tokens_idx').using('gin', t.searchTokens),
    index('suggestions_session_idx').on(t.sessionId),
    // The whole list of a body (and the bodies below it) newest first, without sorting every row.
    // NULLS FIRST here and NULLS LAST in the session index (the columns are NOT NULL, so the order is
    // the same): a query names the one that fits it in its ORDER BY (repository.ts, newestFirst), so
    // the planner never walks the whole table's dates for one session's items.
    index('suggestions_updated_all_idx').on(t.updatedAt.desc().nullsFirst(), t.id.desc().nullsFirst(), t.bodyId, t.state),
    // 按编号: the register order (repository.ts, byNumber) across sessions, walked in order with a LIMIT
    // instead of sorting every row of a body; within one session suggestions_body_session_idx serves.
    index('suggestions_number_order_idx').on(
      t.year.desc().nullsFirst(),
      t.period.desc().nullsFirst(),
      t.bodyId,
      t.number.asc().nullsLast(),
      t.id,
    ),
    index('suggestions_key_all_idx')
      .on(t.updatedAt.desc().nullsFirst(), t.id.desc().nullsFirst(), t.bodyId, t.state, t.sessionId)
      .where(sql`${t.isKey}`),
  ],
);

/** The suggestion a handling record belongs to; the record goes with it. */
const suggestionColumn = () =>
  uuid('suggestion_id')
    .notNull()
    .references(() => suggestions.id, { onDelete: 'cascade' });

/** The handling unit (承办单位) a record was made by or for. */
const unitColumn = () =>
  uuid('unit_id')
    .notNull()
    .references(() => handlingUnits.id);

/** 联名: deputies who co-sign; each confirms (or declines) on their own. */
export const suggestionCosigners = pgTable(
  'suggestion_cosigners',
  {
    suggestionId: suggestionColumn(),
    deputyId: uuid('deputy_id')
      .notNull()
      .references(() => deputies.id),
    invitedAt: createdAtColumn(),
    confirmedAt: timestampColumn('confirmed_at'),
    declinedAt: timestampColumn('declined_at'),
  },
  (t) => [primaryKey({ columns: [t.suggestionId, t.deputyId] }), index('suggestion_cosigners_deputy_idx').on(t.deputyId)],
);

/**
 * 交办: one lead unit (主办) and any joint units (会办), or several units handling their own parts
 * (分别办理, role `separate`), each with its own deadlines; a separate part is answered, released and
 * rated on its own (state replied → released → rated).
 */
export const suggestionAssignments = pgTable(
  'suggestion_assignments',
  {
    id: idColumn(),
    suggestionId: suggestionColumn(),
    unitId: unitColumn(),
    role: varchar('role', { length: 8 }).notNull(),
    state: varchar('state', { length: 24 }).notNull(),
    round: integer('round').notNull().default(1),
    assignedAt: timestampColumn('assigned_at').notNull(),
    signForDueAt: timestampColumn('sign_for_due_at').notNull(),
    signedForAt: timestampColumn('signed_for_at'),
    dueAt: timestampColumn('due_at').notNull(),
    reassignReason: text('reassign_reason'),
    decidedAt: timestampColumn('decided_at'),
    decisionNote: text('decision_note'),
    note: text('note'),
    /** When the deadline job reported a joint unit's missing opinion as overdue (once). */
    overdueReportedAt: timestampColumn('overdue_reported_at'),
    /** 分别办理: when the deadline job reminded this part's unit that its own reply is nearly due (once a round). */
    remindedAt: timestampColumn('reminded_at'),
    /** 分别办理: whether this unit's first answer on its part came within its own deadline (the per-unit rates). */
    repliedOnTime: boolean('replied_on_time'),
  },
  (t) => [
    index('suggestion_assignments_suggestion_idx').on(t.suggestionId),
    // A unit's items: the suggestion id rides in the index, so the list filter by unit reads no assignment rows.
    index('suggestion_assignments_unit_idx').on(t.unitId, t.role, t.state, t.suggestionId),
  ],
);

/** 三个面对面: the unit's contact with the deputy before, during and after handling. */
export const suggestionContacts = pgTable(
  'suggestion_contacts',
  {
    id: idColumn(),
    suggestionId: suggestionColumn(),
    unitId: unitColumn(),
    stage: varchar('stage', { length: 8 }).notNull(),
    method: varchar('method', { length: 16 }).notNull(),
    contactedOn: date('contacted_on').notNull(),
    summary: text('summary').notNull(),
    deputyView: text('deputy_view'),
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdAt: createdAtColumn(),
  },
  (t) => [index('suggestion_contacts_suggestion_idx').on(t.suggestionId)],
);

/** A joint unit's opinion sent to the lead unit (会办意见). */
export const suggestionJointOpinions = pgTable(
  'suggestion_joint_opinions',
  {
    id: idColumn(),
    suggestionId: suggestionColumn(),
    assignmentId: uuid('assignment_id')
      .notNull()
      .references(() => suggestionAssignments.id),
    unitId: unitColumn(),
    content: text('content').notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [index('suggestion_joint_opinions_suggestion_idx').on(t.suggestionId)],
);

/** The lead unit's reply (答复函) with its category, reviewed by staff before release. */
export const suggestionReplies = pgTable(
  'suggestion_replies',
  {
    id: idColumn(),
    suggestionId: suggestionColumn(),
    unitId: unitColumn(),
    round: integer('round').notNull(),
    category: varchar('category', { length: 1 }).notNull(),
    content: text('content').notNull(),
    signer: text('signer').notNull(),
    contactPerson: text('contact_person').notNull(),
    contactPhone: varchar('contact_phone', { length: 20 }).notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAtColumn(),
    releasedAt: timestampColumn('released_at'),
    releasedBy: uuid('released_by').references(() => users.id),
    rejectedReason: text('rejected_reason'),
  },
  (t) => [index('suggestion_replies_suggestion_idx').on(t.suggestionId, t.round)],
);

/** The lead deputy's rating of a released reply (满意度测评). */
export const suggestionRatings = pgTable(
  'suggestion_ratings',
  {
    id: idColumn(),
    suggestionId: suggestionColumn(),
    replyId: uuid('reply_id')
      .notNull()
      .references(() => suggestionReplies.id),
    deputyId: uuid('deputy_id')
      .notNull()
      .references(() => deputies.id),
    round: integer('round').notNull(),
    rating: varchar('rating', { length: 24 }).notNull(),
    comment: text('comment'),
    createdAt: createdAtColumn(),
  },
  (t) => [uniqueIndex('suggestion_ratings_reply_unique').on(t.replyId)],
);

/** A unit's request for more time, approved or refused by staff. */
export const suggestionExtensions = pgTable(
  'suggestion_extensions',
  {
    id: idColumn(),
    suggestionId: suggestionColumn(),
    assignmentId: uuid('assignment_id')
      .notNull()
      .references(() => suggestionAssignments.id),
    months: integer('months').notNull(),
    reason: text('reason').notNull(),
    state: varchar('state', { length: 12 }).notNull(),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestampColumn('decided_at'),
    decisionNote: text('decision_note'),
    createdAt: createdAtColumn(),
  },
  (t) => [index('suggestion_extensions_suggestion_idx').on(t.suggestionId)],
);

/** 重点建议: chosen by the chairpersons' meeting, led (领办) and supervised (督办); 双评 results. */
export const keySuggestions = pgTable(
  'key_suggestions',
  {
    suggestionId: uuid('suggestion_id')
      .primaryKey()
      .references(() => suggestions.id, { onDelete: 'cascade' }),
    leadOfficial: text('lead_official').notNull(),
    /** The supervising leader's name as it was when chosen (the account below may later change its name). */
    supervisor: text('supervisor').notNull(),
    supervisorUserId: uuid('supervisor_user_id').references(() => users.id),
    deputyComment: text('deputy_comment'),
    deputyCommentAt: timestampColumn('deputy_comment_at'),
    vote: jsonb('vote').$type<{ satisfied: number; basicallySatisfied: number; dissatisfied: number; votedOn: string }>(),
    createdAt: createdAtColumn(),
  },
  // A leader's 我督办的 list.
  (t) => [index('key_suggestions_supervisor_idx').on(t.supervisorUserId)],
);

/** 四方会审: deputy, unit, government and congress reviewing a key suggestion together. */
export const keySuggestionReviews = pgTable(
  'key_suggestion_reviews',
  {
    id: idColumn(),
    suggestionId: suggestionColumn(),
    heldOn: date('held_on').notNull(),
    place: text('place').notNull(),
    deputySide: text('deputy_side').notNull(),
    unitSide: text('unit_side').notNull(),
    governmentSide: text('government_side').notNull(),
    congressSide: text('congress_side').notNull(),
    conclusion: text('conclusion').notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [index('key_suggestion_reviews_suggestion_idx').on(t.suggestionId)],
);

/**
 * A body's rules for handling suggestions, inherited down the body tree (a body without its own row
 * follows the nearest body above it, then the platform default): how a co-signed item's reply letter
 * is addressed, and the result categories (办理结果分类) its units choose from.
 */
export const suggestionSettings = pgTable('suggestion_settings', {
  bodyId: uuid('body_id')
    .primaryKey()
    .references(() => bodies.id),
  replyLetterMode: varchar('reply_letter_mode', { length: 8 }).notNull(),
  replyCategories: jsonb('reply_categories').$type<{ code: 'A' | 'B' | 'C' | 'D'; label: string }[]>().notNull(),
  updatedAt: timestampColumn('updated_at').notNull(),
});
