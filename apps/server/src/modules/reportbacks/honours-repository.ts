import { and, asc, desc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { bodies, users } from '../../db/schema.js';
import { inScope, type Scope } from '../../platform/scope.js';
import { deputies } from '../deputies/tables.js';
import { honourCampaigns, honourNominations } from './tables.js';

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
