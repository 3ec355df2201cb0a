import { date, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { createdAtColumn, idColumn, timestampColumn, workflowEventColumns } from '../../db/columns.js';
import { bodies, handlingUnits } from '../../db/platform-tables.js';
import { suggestions } from '../suggestions/tables.js';
import { deputies } from '../deputies/tables.js';

/** A themed campaign (专项监督) of a congress body, with its period. */
export const campaigns = pgTable(
  'campaigns',
  {
    id: idColumn(),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => bodies.id),
    title: text('title').notNull(),
    theme: text('theme').notNull(),
    description: text('description'),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    createdBy: uuid('created_by'),
    createdAt: createdAtColumn(),
    updatedAt: timestampColumn('updated_at'),
  },
  (t) => [index('campaigns_body_idx').on(t.bodyId, t.startsOn.desc())],
);

/** A deputies' supervision team (监督组) of a campaign. */
export const campaignTeams = pgTable(
  'campaign_teams',
  {
    id: idColumn(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    name: text('name').notNull(),
    area: text('area'),
    createdAt: createdAtColumn(),
  },
  (t) => [uniqueIndex('campaign_teams_name_unique').on(t.campaignId, t.name)],
);

export const campaignTeamMembers = pgTable(
  'campaign_team_members',
  {
    teamId: uuid('team_id')
      .notNull()
      .references(() => campaignTeams.id),
    deputyId: uuid('deputy_id')
      .notNull()
      .references(() => deputies.id),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.deputyId] })],
);

/** A field visit (实地监督); each deputy on it is one person-time (人次). */
export const campaignVisits = pgTable(
  'campaign_visits',
  {
    id: idColumn(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    teamId: uuid('team_id').references(() => campaignTeams.id),
    visitedOn: date('visited_on').notNull(),
    place: text('place').notNull(),
    summary: text('summary'),
    recordedBy: uuid('recorded_by'),
    createdAt: createdAtColumn(),
  },
  (t) => [index('campaign_visits_campaign_idx').on(t.campaignId, t.visitedOn)],
);

export const campaignVisitDeputies = pgTable(
  'campaign_visit_deputies',
  {
    visitId: uuid('visit_id')
      .notNull()
      .references(() => campaignVisits.id),
    deputyId: uuid('deputy_id')
      .notNull()
      .references(() => deputies.id),
  },
  (t) => [primaryKey({ columns: [t.visitId, t.deputyId] })],
);

/** One row of the problem-clue ledger (问题线索台账): a problem clue or a suggestion, and what became of it. */
export const campaignClues = pgTable(
  'campaign_clues',
  {
    id: idColumn(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => bodies.id),
    /** Order within the campaign: the ledger number. */
    seq: integer('seq').notNull(),
    kind: varchar('kind', { length: 16 }).notNull(),
    content: text('content').notNull(),
    location: text('location'),
    visitId: uuid('visit_id').references(() => campaignVisits.id),
    foundOn: date('found_on').notNull(),
    status: varchar('status', { length: 16 }).notNull(),
    handlingUnitId: uuid('handling_unit_id').references(() => handlingUnits.id),
    transferLevel: varchar('transfer_level', { length: 16 }),
    transferNote: text('transfer_note'),
    /** The first transfer, for the month it is counted in; a re-transfer keeps it. */
    firstTransferredAt: timestampColumn('first_transferred_at'),
    transferredAt: timestampColumn('transferred_at'),
    dueAt: timestampColumn('due_at'),
    rectificationNote: text('rectification_note'),
    rectifiedAt: timestampColumn('rectified_at'),
    /** When it left the open ledger: 销号 (closed) or 不予立项 (dismissed). */
    closedAt: timestampColumn('closed_at'),
    reason: text('reason'),
    /** The deputy's suggestion (module 4) the clue became or was linked to. */
    suggestionId: uuid('suggestion_id').references(() => suggestions.id),
    createdBy: uuid('created_by'),
    createdAt: createdAtColumn(),
    updatedAt: timestampColumn('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('campaign_clues_seq_unique').on(t.campaignId, t.seq),
    index('campaign_clues_found_idx').on(t.campaignId, t.foundOn),
    index('campaign_clues_suggestion_idx')
      .on(t.suggestionId)
      .where(sql`${t.suggestionId} IS NOT NULL`),
    index('campaign_clues_unit_idx')
      .on(t.handlingUnitId, t.status)
      .where(sql`${t.handlingUnitId} IS NOT NULL`),
  ],
);

/** Each step of a clue, for its history and the audit of who did what. */
export const campaignClueEvents = pgTable(
  'campaign_clue_events',
  {
    ...workflowEventColumns(),
    clueId: uuid('clue_id')
      .notNull()
      .references(() => campaignClues.id),
  },
  (t) => [index('campaign_clue_events_clue_idx').on(t.clueId, t.at)],
);
