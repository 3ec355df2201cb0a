import {
  boolean,
  date,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { createdAtColumn, idColumn, timestampColumn } from '../../db/columns.js';
import { bodies, handlingUnits, regions, users } from '../../db/platform-tables.js';
import { deputies } from '../deputies/tables.js';
import { opinions } from '../opinions/tables.js';

/**
 * 民生实事项目人大代表票决制 (seeds 001, 002, 003): one cycle per body and year, county and township alike.
 * The votes themselves live in the votes module; a cycle keeps the ids of its votes.
 */
export const livelihoodCycles = pgTable(
  'livelihood_cycles',
  {
    id: idColumn(),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => bodies.id),
    year: integer('year').notNull(),
    places: smallint('places').notNull(),
    state: varchar('state', { length: 20 }).notNull().default('soliciting'),
    solicitUntil: date('solicit_until'),
    /** Random, in the solicitation QR code: the public page finds the cycle by it, never by its id. */
    publicCode: varchar('public_code', { length: 24 }).notNull(),
    voteId: uuid('vote_id'),
    runoffVoteId: uuid('runoff_vote_id'),
    evaluationVoteId: uuid('evaluation_vote_id'),
    electorateSize: integer('electorate_size'),
    ballotsCast: integer('ballots_cast'),
    midYearReport: text('mid_year_report'),
    midYearReportedOn: date('mid_year_reported_on'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAtColumn(),
    updatedAt: timestampColumn('updated_at'),
  },
  (t) => [
    uniqueIndex('livelihood_cycles_body_year_uq').on(t.bodyId, t.year),
    uniqueIndex('livelihood_cycles_public_code_uq').on(t.publicCode),
    index('livelihood_cycles_year_idx').on(t.year, t.state),
  ],
);

/** The body's 票决办法: the deciding thresholds and where they are written; inherited down the body tree. */
export const livelihoodSettings = pgTable('livelihood_settings', {
  bodyId: uuid('body_id')
    .primaryKey()
    .references(() => bodies.id),
  voteThreshold: varchar('vote_threshold', { length: 16 }).notNull(),
  voteSource: text('vote_source').notNull(),
  evaluationThreshold: varchar('evaluation_threshold', { length: 16 }).notNull(),
  evaluationSource: text('evaluation_source').notNull(),
  updatedAt: timestampColumn('updated_at').notNull(),
});

/** A candidate on the list, and once chosen, the project carried out. */
export const livelihoodProjects = pgTable(
  'livelihood_projects',
  {
    id: idColumn(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => livelihoodCycles.id),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => bodies.id),
    name: text('name').notNull(),
    content: text('content').notNull(),
    location: text('location').notNull(),
    regionCode: varchar('region_code', { length: 12 }).references(() => regions.code),
    /** 万元. */
    budget: numeric('budget', { precision: 12, scale: 2, mode: 'number' }).notNull(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => handlingUnits.id),
    target: text('target').notNull(),
    dueOn: date('due_on').notNull(),
    category: varchar('category', { length: 16 }).notNull(),
    state: varchar('state', { length: 16 }).notNull().default('candidate'),
    votes: integer('votes'),
    rank: smallint('rank'),
    progress: smallint('progress').notNull().default(0),
    satisfied: integer('satisfied'),
    basic: integer('basic'),
    dissatisfied: integer('dissatisfied'),
    /** 满意+基本满意 among the ballots cast, in percent with one decimal. */
    satisfaction: numeric('satisfaction', { precision: 5, scale: 1, mode: 'number' }),
    completionReport: text('completion_report'),
    completedOn: date('completed_on'),
    createdAt: createdAtColumn(),
    updatedAt: timestampColumn('updated_at'),
  },
  (t) => [
    index('livelihood_projects_cycle_idx').on(t.cycleId, t.state),
    index('livelihood_projects_unit_idx').on(t.unitId, t.state),
    index('livelihood_projects_body_idx').on(t.bodyId),
  ],
);

/** 征集: a proposal from a citizen (QR page, or an opinion carried over), a deputy, a department or staff. */
export const livelihoodProposals = pgTable(
  'livelihood_proposals',
  {
    id: idColumn(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => livelihoodCycles.id),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => bodies.id),
    source: varchar('source', { length: 12 }).notNull(),
    title: text('title').notNull(),
    content: text('content').notNull(),
    location: text('location'),
    category: varchar('category', { length: 16 }).notNull(),
    proposerName: text('proposer_name'),
    /** A citizen's phone, only to tell them by SMS when their proposal is chosen and when it is completed. */
    proposerPhone: varchar('proposer_phone', { length: 16 }),
    trackingCode: varchar('tracking_code', { length: 16 }),
    clientToken: varchar('client_token', { length: 64 }),
    opinionId: uuid('opinion_id').references(() => opinions.id),
    deputyId: uuid('deputy_id').references(() => deputies.id),
    unitId: uuid('unit_id').references(() => handlingUnits.id),
    submittedBy: uuid('submitted_by').references(() => users.id),
    state: varchar('state', { length: 12 }).notNull().default('submitted'),
    mergedIntoId: uuid('merged_into_id'),
    projectId: uuid('project_id').references(() => livelihoodProjects.id),
    declineReason: text('decline_reason'),
    createdAt: createdAtColumn(),
    updatedAt: timestampColumn('updated_at'),
  },
  (t) => [
    index('livelihood_proposals_cycle_idx').on(t.cycleId, t.state),
    index('livelihood_proposals_project_idx').on(t.projectId),
    uniqueIndex('livelihood_proposals_tracking_uq').on(t.trackingCode),
    uniqueIndex('livelihood_proposals_client_token_uq').on(t.cycleId, t.clientToken),
  ],
);

/** 一件一小组: the deputies who supervise one project, one of them leading. */
export const livelihoodGroupMembers = pgTable(
  'livelihood_group_members',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => livelihoodProjects.id),
    deputyId: uuid('deputy_id')
      .notNull()
      .references(() => deputies.id),
    leader: boolean('leader').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.deputyId] }), index('livelihood_group_deputy_idx').on(t.deputyId)],
);

export const livelihoodMilestones = pgTable(
  'livelihood_milestones',
  {
    id: idColumn(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => livelihoodProjects.id),
    title: text('title').notNull(),
    dueOn: date('due_on').notNull(),
    doneOn: date('done_on'),
    createdAt: createdAtColumn(),
  },
  (t) => [index('livelihood_milestones_project_idx').on(t.projectId, t.dueOn)],
);

/** 一季一督查: one inspection of a project, with its progress and the problems found. Photos are attachments. */
export const livelihoodInspections = pgTable(
  'livelihood_inspections',
  {
    id: idColumn(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => livelihoodProjects.id),
    quarter: smallint('quarter').notNull(),
    inspectedOn: date('inspected_on').notNull(),
    progress: smallint('progress').notNull(),
    findings: text('findings').notNull(),
    problems: text('problems'),
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdAt: createdAtColumn(),
  },
  (t) => [index('livelihood_inspections_project_idx').on(t.projectId, t.inspectedOn)],
);
