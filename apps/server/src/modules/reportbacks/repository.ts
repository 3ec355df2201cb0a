import { and, asc, count, desc, eq, gte, lte } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { bodies } from '../../db/schema.js';
import { readPage } from '../../platform/pagination.js';
import { inScope, type Scope } from '../../platform/scope.js';
import { deputies } from '../deputies/tables.js';
import { reportBacks, honourCampaigns } from './tables.js';
import { titleColumn, type AuditTitleSource } from '../../platform/audit.js';
import { type AuditEntity } from '@renda/shared';

const reportBackColumns = { reportBack: reportBacks, bodyName: bodies.name, deputyName: deputies.name };
export type ReportBackRecord = typeof reportBacks.$inferSelect;
export type ReportBackRow = { reportBack: ReportBackRecord; bodyName: string; deputyName: string };

const reportBackSelect = (db: Executor) =>
  db
    .select(reportBackColumns)
    .from(reportBacks)
    .innerJoin(bodies, eq(bodies.id, reportBacks.bodyId))
    .innerJoin(deputies, eq(deputies.id, reportBacks.deputyId));

export interface ReportBackFilters {
  deputyId?: string | undefined;
  bodyId?: string | undefined;
  state?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

const reportBackWhere = (scope: Scope, f: ReportBackFilters) =>
  and(
    inScope(reportBacks.bodyId, scope),
    f.deputyId ? eq(reportBacks.deputyId, f.deputyId) : undefined,
    f.bodyId ? eq(reportBacks.bodyId, f.bodyId) : undefined,
    f.state ? eq(reportBacks.state, f.state) : undefined,
    f.from ? gte(reportBacks.heldOn, f.from) : undefined,
    f.to ? lte(reportBacks.heldOn, f.to) : undefined,
  );

/** Every matching event (the export), newest first, capped. */
export async function listReportBacks(db: Executor, scope: Scope, f: ReportBackFilters, limit: number) {
  const rows = await reportBackSelect(db)
    .where(reportBackWhere(scope, f))
    .orderBy(desc(reportBacks.heldOn), desc(reportBacks.id))
    .limit(limit);
  return rows as ReportBackRow[];
}

export async function pageReportBacks(db: Executor, scope: Scope, f: ReportBackFilters & { page: number; pageSize: number }) {
  const where = reportBackWhere(scope, f);
  const { rows, total } = await readPage(
    reportBackSelect(db).where(where).orderBy(desc(reportBacks.heldOn), desc(reportBacks.id)),
    db.select({ total: count() }).from(reportBacks).where(where),
    f,
  );
  return { rows: rows as ReportBackRow[], total };
}

export async function getReportBack(db: Executor, scope: Scope, id: string, forUpdate = false): Promise<ReportBackRow | undefined> {
  const query = reportBackSelect(db).where(and(eq(reportBacks.id, id), inScope(reportBacks.bodyId, scope)));
  const [row] = forUpdate ? await query.for('update', { of: reportBacks }) : await query;
  return row as ReportBackRow | undefined;
}

/** Public data only: the event behind a QR code, whatever the caller. */
export async function findReportBackByPublicCode(db: Executor, publicCode: string, forUpdate = false): Promise<ReportBackRow | undefined> {
  const query = reportBackSelect(db).where(eq(reportBacks.publicCode, publicCode));
  const [row] = forUpdate ? await query.for('update', { of: reportBacks }) : await query;
  return row as ReportBackRow | undefined;
}

export async function insertReportBack(db: Executor, row: typeof reportBacks.$inferInsert) {
  const [created] = await db.insert(reportBacks).values(row).returning({ id: reportBacks.id });
  return created!.id;
}

export async function updateReportBack(db: Executor, id: string, patch: Partial<typeof reportBacks.$inferInsert>) {
  const [updated] = await db.update(reportBacks).set(patch).where(eq(reportBacks.id, id)).returning();
  return updated!;
}

/** A deputy's report-backs held in a period (for the performance file; the caller has checked scope). */
export async function reportBacksOfDeputy(db: Executor, deputyId: string, from: string, to: string) {
  return db
    .select()
    .from(reportBacks)
    .where(and(eq(reportBacks.deputyId, deputyId), gte(reportBacks.heldOn, from), lte(reportBacks.heldOn, to)))
    .orderBy(asc(reportBacks.heldOn));
}

/** What the audit log calls this module's records (platform/audit.ts `registerAuditTitles`). */
export const auditTitleSources: Partial<Record<AuditEntity, AuditTitleSource>> = {
  report_back: titleColumn(reportBacks.id, reportBacks.title),
  honour_campaign: titleColumn(honourCampaigns.id, honourCampaigns.title),
};
