import { and, asc, count, desc, eq, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { bodies, users } from '../../db/schema.js';
import { inScope, type Scope } from '../../platform/scope.js';
import { deputies } from '../deputies/tables.js';
import { honourCampaigns, honourNominations, honourVoters, honourVotes } from './tables.js';

export type CampaignRecord = typeof honourCampaigns.$inferSelect;
export type CampaignRow = { campaign: CampaignRecord; bodyName: string };

export async function listCampaigns(db: Executor, scope: Scope, limit: number): Promise<CampaignRow[]> {
  return db
    .select({ campaign: honourCampaigns, bodyName: bodies.name })
    .from(honourCampaigns)
    .innerJoin(bodies, eq(bodies.id, honourCampaigns.bodyId))
    .where(inScope(honourCampaigns.bodyId, scope))
    .orderBy(desc(honourCampaigns.createdAt))
    .limit(limit);
}

export async function getCampaign(db: Executor, scope: Scope, id: string, forUpdate = false): Promise<CampaignRow | undefined> {
  const query = db
    .select({ campaign: honourCampaigns, bodyName: bodies.name })
    .from(honourCampaigns)
    .innerJoin(bodies, eq(bodies.id, honourCampaigns.bodyId))
    .where(and(eq(honourCampaigns.id, id), inScope(honourCampaigns.bodyId, scope)));
  const [row] = forUpdate ? await query.for('update', { of: honourCampaigns }) : await query;
  return row;
}

export async function insertCampaign(db: Executor, row: typeof honourCampaigns.$inferInsert) {
  const [created] = await db.insert(honourCampaigns).values(row).returning({ id: honourCampaigns.id });
  return created!.id;
}

export async function updateCampaign(db: Executor, id: string, patch: Partial<typeof honourCampaigns.$inferInsert>) {
  const [updated] = await db.update(honourCampaigns).set(patch).where(eq(honourCampaigns.id, id)).returning();
  return updated!;
}

export async function nomineesOf(db: Executor, campaignId: string) {
  return db
    .select({
      id: honourNominations.id,
      deputyId: honourNominations.deputyId,
      deputyName: deputies.name,
      reason: honourNominations.reason,
      nominatedBy: users.displayName,
    })
    .from(honourNominations)
    .innerJoin(deputies, eq(deputies.id, honourNominations.deputyId))
    .leftJoin(users, eq(users.id, honourNominations.nominatedBy))
    .where(eq(honourNominations.campaignId, campaignId))
    .orderBy(asc(honourNominations.createdAt), asc(honourNominations.id));
}

/** Inserts a nomination unless the deputy is already nominated; false when they were. */
export async function insertNomination(db: Executor, row: typeof honourNominations.$inferInsert): Promise<boolean> {
  const inserted = await db.insert(honourNominations).values(row).onConflictDoNothing().returning({ id: honourNominations.id });
  return inserted.length === 1;
}

/** Removes a nomination of the campaign; false when there was none. */
export async function deleteNomination(db: Executor, campaignId: string, nominationId: string) {
  const deleted = await db
    .delete(honourNominations)
    .where(and(eq(honourNominations.campaignId, campaignId), eq(honourNominations.id, nominationId)))
    .returning({ deputyId: honourNominations.deputyId, reason: honourNominations.reason });
  return deleted[0];
}

export async function hasVoted(db: Executor, campaignId: string, userId: string) {
  const [row] = await db
    .select({ userId: honourVoters.userId })
    .from(honourVoters)
    .where(and(eq(honourVoters.campaignId, campaignId), eq(honourVoters.userId, userId)));
  return !!row;
}

export async function ballotsCast(db: Executor, campaignId: string) {
  const [row] = await db.select({ n: count() }).from(honourVoters).where(eq(honourVoters.campaignId, campaignId));
  return Number(row?.n ?? 0);
}

/** Registers the voter (one ballot per voter: the primary key) and stores the choices apart; false when they had voted. */
export async function castBallot(db: Executor, campaignId: string, userId: string, nominationIds: string[], at: Date): Promise<boolean> {
  const registered = await db
    .insert(honourVoters)
    .values({ campaignId, userId, votedAt: at })
    .onConflictDoNothing()
    .returning({ userId: honourVoters.userId });
  if (registered.length === 0) return false;
  await db.insert(honourVotes).values(nominationIds.map((nominationId) => ({ campaignId, nominationId })));
  return true;
}

/**
 * The campaign's electorate (seed 003): active staff accounts of the body and the accounts of its
 * deputies in office, with whether each has voted.
 */
export async function eligibleVoters(db: Executor, campaignId: string, bodyId: string) {
  return db
    .select({
      userId: users.id,
      name: users.displayName,
      role: users.role,
      voted: sql<boolean>`${honourVoters.userId} is not null`,
    })
    .from(users)
    .leftJoin(deputies, eq(deputies.userId, users.id))
    .leftJoin(honourVoters, and(eq(honourVoters.campaignId, campaignId), eq(honourVoters.userId, users.id)))
    .where(
      and(
        eq(users.active, true),
        or(
          and(eq(users.role, 'staff'), eq(users.bodyId, bodyId)),
          and(eq(users.role, 'deputy'), eq(deputies.bodyId, bodyId), eq(deputies.status, 'in_office')),
        ),
      ),
    )
    .orderBy(asc(users.role), asc(users.displayName));
}

export async function voteCounts(db: Executor, campaignId: string) {
  const rows = await db
    .select({ nominationId: honourVotes.nominationId, n: count() })
    .from(honourVotes)
    .where(eq(honourVotes.campaignId, campaignId))
    .groupBy(honourVotes.nominationId);
  return new Map(rows.map((r) => [r.nominationId, Number(r.n)]));
}
