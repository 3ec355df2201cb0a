import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { createdAtColumn, idColumn, timestampColumn, workflowEventColumns } from '../../db/columns.js';
import { bodies, handlingUnits } from '../../db/platform-tables.js';
import { deputies } from '../deputies/tables.js';
import { votes } from '../votes/tables.js';

/** The body a row belongs to (its tenant). */
const bodyColumn = () =>
  uuid('body_id')
    .notNull()
    .references(() => bodies.id);
/** The supervision item a row of stage work belongs to. */
const itemColumn = () =>
  uuid('item_id')
    .notNull()
    .references(() => supervisionItems.id);
/** What every row of an item's stage work starts with: its own id and its item. */
const itemChildColumns = () => ({ id: idColumn(), itemId: itemColumn() });

/** A standing committee's annual supervision plan (年度监督工作计划). */
export const supervisionPlans = pgTable(
  'supervision_plans',
  {
    id: idColumn(),
    bodyId: bodyColumn(),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    state: varchar('state', { length: 16 }).notNull(),
    adoptedAt: timestampColumn('adopted_at'),
    publishedAt: timestampColumn('published_at'),
    createdBy: uuid('created_by'),
    createdAt: createdAtColumn(),
  },
  (t) => [uniqueIndex('supervision_plans_body_year_unique').on(t.bodyId, t.year)],
);

/** One item of the plan, of one kind, moving through its kind's stages. */
export const supervisionItems = pgTable(
  'supervision_items',
  {
    id: idColumn(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => supervisionPlans.id),
    bodyId: bodyColumn(),
    year: integer('year').notNull(),
    kind: varchar('kind', { length: 16 }).notNull(),
    subject: text('subject').notNull(),
    committee: text('committee').notNull(),
    /** The organ under supervision: a government department, the supervision commission, a court or procuratorate. */
    organUnitId: uuid('organ_unit_id')
      .notNull()
      .references(() => handlingUnits.id),
    meeting: text('meeting'),
    meetingOn: date('meeting_on'),
    stage: varchar('stage', { length: 16 }).notNull(),
    stageStartedAt: timestampColumn('stage_started_at').notNull().defaultNow(),
    /** The current stage's due date: counted by its rule (`stageDeadlines`) when the item enters it, or set by staff. */
    stageDueOn: date('stage_due_on'),
    /** Why staff set the date (null: the rule counted it, so a calendar change may recount it). */
    stageDueReason: text('stage_due_reason'),
    /** 1, then 2 after the first re-review (再审)… */
    round: integer('round').notNull().default(1),
    nextPointSeq: integer('next_point_seq').notNull().default(1),
    createdAt: createdAtColumn(),
  },
  (t) => [
    index('supervision_items_body_year_idx').on(t.bodyId, t.year.desc(), t.id),
    // The list's own order (newest year first, read backwards) for a scope of many bodies: stop at the page.
    index('supervision_items_year_idx').on(t.year, t.id),
    index('supervision_items_plan_idx').on(t.planId),
    index('supervision_items_organ_idx').on(t.organUnitId),
    // Overdue stages (the to-do list, the items list's filter): only items with a date and not closed.
    index('supervision_items_stage_due_idx')
      .on(t.stageDueOn)
      .where(sql`${t.stageDueOn} IS NOT NULL AND ${t.stage} <> 'closed'`),
  ],
);

/** Deputies invited to take part (邀请代表参与). */
export const supervisionItemDeputies = pgTable(
  'supervision_item_deputies',
  {
    itemId: itemColumn(),
    deputyId: uuid('deputy_id')
      .notNull()
      .references(() => deputies.id),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.deputyId] }), index('supervision_item_deputies_deputy_idx').on(t.deputyId)],
);

/** What the organ reports: the draft report, the handling report, a quarterly report (季度专报). */
export const supervisionReports = pgTable(
  'supervision_reports',
  {
    ...itemChildColumns(),
    stage: varchar('stage', { length: 16 }).notNull(),
    title: text('title').notNull(),
    content: text('content').notNull(),
    period: varchar('period', { length: 8 }),
    submittedBy: uuid('submitted_by'),
    submittedByName: text('submitted_by_name').notNull(),
    submittedAt: createdAtColumn(),
  },
  (t) => [index('supervision_reports_item_idx').on(t.itemId, t.submittedAt)],
);

/**
 * 代表参与: deputies who took part in one stage of an item — out on a field inspection or visit, or at one of
 * its meetings (审议、协调会、专题询问、评议会); their duty record is written beside it. The table keeps its
 * first name (field inspections were the first participation recorded).
 */
export const supervisionVisits = pgTable(
  'supervision_visits',
  {
    ...itemChildColumns(),
    stage: varchar('stage', { length: 16 }).notNull(),
    visitedOn: date('visited_on').notNull(),
    place: text('place').notNull(),
    summary: text('summary'),
    deputyIds: jsonb('deputy_ids').$type<string[]>().notNull(),
    dutyRecordId: uuid('duty_record_id'),
    createdAt: createdAtColumn(),
  },
  (t) => [index('supervision_visits_item_idx').on(t.itemId, t.visitedOn)],
);

/**
 * What an item collects from deputies, members, the public and organisations: a question of a special
 * inquiry (专题询问) and, once asked, who answered and what; or an opinion gathered in a work evaluation's
 * investigation (评议调查意见, `kind` opinion, with the day it was gathered).
 */
export const supervisionQuestions = pgTable(
  'supervision_questions',
  {
    ...itemChildColumns(),
    /** question | opinion */
    kind: varchar('kind', { length: 12 }).notNull().default('question'),
    seq: integer('seq').notNull(),
    /** The question asked, or the opinion gathered. */
    question: text('question').notNull(),
    gatheredOn: date('gathered_on'),
    askerKind: varchar('asker_kind', { length: 16 }).notNull(),
    askerName: text('asker_name').notNull(),
    officialName: text('official_name'),
    answer: text('answer'),
    answeredAt: timestampColumn('answered_at'),
    createdAt: createdAtColumn(),
  },
  (t) => [uniqueIndex('supervision_questions_seq_unique').on(t.itemId, t.seq)],
);

/** One point of the issue list (清单式督办): an opinion, a commitment or a finding, followed to closure. */
export const supervisionPoints = pgTable(
  'supervision_points',
  {
    ...itemChildColumns(),
    bodyId: bodyColumn(),
    seq: integer('seq').notNull(),
    round: integer('round').notNull(),
    source: varchar('source', { length: 12 }).notNull(),
    content: text('content').notNull(),
    organUnitId: uuid('organ_unit_id')
      .notNull()
      .references(() => handlingUnits.id),
    dueOn: date('due_on').notNull(),
    state: varchar('state', { length: 16 }).notNull(),
    evidence: text('evidence'),
    answeredAt: timestampColumn('answered_at'),
    judgement: text('judgement'),
    judgedAt: timestampColumn('judged_at'),
    /** The point of the earlier round this one re-opens (再审). */
    previousPointId: uuid('previous_point_id'),
    escalatedAt: timestampColumn('escalated_at'),
    createdAt: createdAtColumn(),
  },
  (t) => [
    uniqueIndex('supervision_points_seq_unique').on(t.itemId, t.seq),
    index('supervision_points_body_idx').on(t.bodyId, t.state, t.dueOn),
    // The issue list's order (earliest deadline first) over all the bodies in scope: read in order, stop at the page.
    index('supervision_points_due_idx').on(t.dueOn, t.id),
    index('supervision_points_organ_idx').on(t.organUnitId, t.state),
    index('supervision_points_open_due_idx')
      .on(t.dueOn)
      .where(sql`${t.state} = 'open' AND ${t.escalatedAt} IS NULL`),
  ],
);

/**
 * A satisfaction vote (满意度测评) of an item, one per round: the vote on the vote component and, once it
 * closes, its result as the item keeps it (the verdict, the figures and the rule as the vote stated them).
 */
export const supervisionEvaluations = pgTable(
  'supervision_evaluations',
  {
    ...itemChildColumns(),
    round: integer('round').notNull(),
    voteId: uuid('vote_id')
      .notNull()
      .references(() => votes.id),
    electorate: varchar('electorate', { length: 24 }).notNull(),
    /** satisfied | dissatisfied, once the vote has closed. */
    verdict: varchar('verdict', { length: 16 }),
    satisfied: integer('satisfied'),
    basicallySatisfied: integer('basically_satisfied'),
    dissatisfied: integer('dissatisfied'),
    ballotsCast: integer('ballots_cast'),
    electorateSize: integer('electorate_size'),
    ruleText: text('rule_text'),
    figuresText: text('figures_text'),
    decidedAt: timestampColumn('decided_at'),
    createdAt: createdAtColumn(),
  },
  (t) => [
    uniqueIndex('supervision_evaluations_round_unique').on(t.itemId, t.round),
    uniqueIndex('supervision_evaluations_vote_unique').on(t.voteId),
  ],
);

/** The item's history: stage moves, plan changes with their reasons, points added. */
export const supervisionEvents = pgTable(
  'supervision_events',
  {
    ...workflowEventColumns(),
    itemId: itemColumn(),
  },
  (t) => [index('supervision_events_item_idx').on(t.itemId, t.at)],
);

/** 联席会议 with the “one government, one commission, two courts” (seed 000). */
export const jointMeetings = pgTable(
  'joint_meetings',
  {
    id: idColumn(),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => bodies.id),
    title: text('title').notNull(),
    heldOn: date('held_on').notNull(),
    place: text('place'),
    agenda: jsonb('agenda').$type<string[]>().notNull(),
    attendees: jsonb('attendees').$type<{ name: string; unit: string }[]>().notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [index('joint_meetings_body_idx').on(t.bodyId, t.heldOn.desc())],
);
