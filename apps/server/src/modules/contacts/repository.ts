import { and, asc, count, desc, eq, gte, inArray, like, lte, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { AppointmentQuery, ContactLinkQuery } from '@renda/shared';
import type { Executor } from '../../db/client.js';
import { bodies, handlingUnits, regions, users } from '../../db/schema.js';
import { readPage } from '../../platform/pagination.js';
import { inScope, likeContains, likePrefix, type Scope } from '../../platform/scope.js';
import { deputies, deputyGroupMembers, deputyGroups } from '../deputies/tables.js';
import { appointments, contactLinks, contactRecords } from './tables.js';
import { titleColumn, type AuditTitleSource } from '../../platform/audit.js';
import { type AuditEntity } from '@renda/shared';

/** Narrows a list to what one person may see: a deputy their own links and requests, a unit its appointments. */
export interface Own {
  deputyId?: string | undefined;
  unitId?: string | undefined;
}

// ---- 双联系 ----
const members = alias(users, 'members');
const recordCount = sql<number>`(SELECT count(*)::int FROM ${contactRecords} WHERE ${contactRecords.linkId} = ${contactLinks.id})`;
const lastContactOn = sql<
  string | null
>`(SELECT max(${contactRecords.occurredOn})::text FROM ${contactRecords} WHERE ${contactRecords.linkId} = ${contactLinks.id})`;
const linkColumns = {
  link: contactLinks,
  bodyName: bodies.name,
  deputyName: deputies.name,
  memberName: members.displayName,
  regionName: regions.name,
  recordCount,
  lastContactOn,
};
export type LinkRow = {
  link: typeof contactLinks.$inferSelect;
  bodyName: string;
  deputyName: string;
  memberName: string | null;
  regionName: string | null;
  recordCount: number;
  lastContactOn: string | null;
};

const linkSelect = (db: Executor) =>
  db
    .select(linkColumns)
    .from(contactLinks)
    .innerJoin(bodies, eq(bodies.id, contactLinks.bodyId))
    .innerJoin(deputies, eq(deputies.id, contactLinks.deputyId))
    .leftJoin(members, eq(members.id, contactLinks.memberId))
    .leftJoin(regions, eq(regions.code, contactLinks.regionCode));

function linkWhere(scope: Scope, f: Omit<ContactLinkQuery, 'page' | 'pageSize'>, own: Own): SQL | undefined {
  return and(
    inScope(contactLinks.bodyId, scope),
    own.deputyId ? eq(contactLinks.deputyId, own.deputyId) : undefined,
    f.kind ? eq(contactLinks.kind, f.kind) : undefined,
    f.year ? eq(contactLinks.year, f.year) : undefined,
    f.deputyId ? eq(contactLinks.deputyId, f.deputyId) : undefined,
    f.memberId ? eq(contactLinks.memberId, f.memberId) : undefined,
    f.q
      ? or(like(deputies.name, likePrefix(f.q)), like(contactLinks.voterName, likePrefix(f.q)), like(members.displayName, likePrefix(f.q)))
      : undefined,
  );
}

export async function pageLinks(db: Executor, scope: Scope, f: ContactLinkQuery, own: Own) {
  const w = linkWhere(scope, f, own);
  const { rows, total } = await readPage(
    linkSelect(db).where(w).orderBy(desc(contactLinks.year), asc(deputies.name), asc(contactLinks.id)),
    db
      .select({ total: count() })
      .from(contactLinks)
      .innerJoin(deputies, eq(deputies.id, contactLinks.deputyId))
      .leftJoin(members, eq(members.id, contactLinks.memberId))
      .where(w),
    f,
  );
  return { rows: rows as LinkRow[], total };
}

/** Every link matching the filters, for the Excel export (a body has hundreds, not millions). */
export async function allLinks(db: Executor, scope: Scope, f: Omit<ContactLinkQuery, 'page' | 'pageSize'>, own: Own, limit: number) {
  return (await linkSelect(db)
    .where(linkWhere(scope, f, own))
    .orderBy(desc(contactLinks.year), asc(deputies.name), asc(contactLinks.id))
    .limit(limit)) as LinkRow[];
}

export async function getLink(db: Executor, scope: Scope, id: string): Promise<LinkRow | undefined> {
  const [row] = await linkSelect(db).where(and(eq(contactLinks.id, id), inScope(contactLinks.bodyId, scope)));
  return row as LinkRow | undefined;
}

export async function insertLink(db: Executor, row: typeof contactLinks.$inferInsert) {
  const [created] = await db.insert(contactLinks).values(row).returning({ id: contactLinks.id });
  return created!.id;
}

export async function deleteLink(db: Executor, id: string) {
  await db.delete(contactLinks).where(eq(contactLinks.id, id));
}

const recorders = alias(users, 'recorders');
export async function recordsOf(db: Executor, linkId: string) {
  return db
    .select({ record: contactRecords, recordedByName: recorders.displayName })
    .from(contactRecords)
    .leftJoin(recorders, eq(recorders.id, contactRecords.recordedBy))
    .where(eq(contactRecords.linkId, linkId))
    .orderBy(desc(contactRecords.occurredOn), desc(contactRecords.id));
}

export async function insertRecord(db: Executor, row: typeof contactRecords.$inferInsert) {
  const [created] = await db.insert(contactRecords).values(row).returning({ id: contactRecords.id });
  return created!.id;
}

/** 常委会组成人员 who may be assigned: active leader and staff accounts of the bodies in scope. */
export async function committeeMembers(db: Executor, scope: Scope) {
  return db
    .select({ id: users.id, name: users.displayName, bodyName: bodies.name, bodyId: users.bodyId, role: users.role })
    .from(users)
    .innerJoin(bodies, eq(bodies.id, users.bodyId))
    .where(and(inScope(users.bodyId, scope), inArray(users.role, ['leader', 'staff']), eq(users.active, true)))
    .orderBy(asc(users.displayName));
}

export async function findRegion(db: Executor, code: string) {
  const [row] = await db.select().from(regions).where(eq(regions.code, code));
  return row;
}

/** Committee members' contacts with a deputy in a period (for the performance file; the caller has checked scope). */
export async function memberContactsOfDeputy(db: Executor, deputyId: string, from: string, to: string) {
  return db
    .select({ record: contactRecords, memberName: members.displayName })
    .from(contactRecords)
    .innerJoin(contactLinks, eq(contactLinks.id, contactRecords.linkId))
    .leftJoin(members, eq(members.id, contactLinks.memberId))
    .where(
      and(
        eq(contactLinks.deputyId, deputyId),
        eq(contactLinks.kind, 'member_deputy'),
        gte(contactRecords.occurredOn, from),
        lte(contactRecords.occurredOn, to),
      ),
    )
    .orderBy(asc(contactRecords.occurredOn));
}

// ---- 约见 ----
const appointmentColumns = {
  appointment: appointments,
  bodyName: bodies.name,
  deputyName: deputies.name,
  deputyUserId: deputies.userId,
  unitName: handlingUnits.name,
  groupName: deputyGroups.name,
};
export type AppointmentRow = {
  appointment: typeof appointments.$inferSelect;
  bodyName: string;
  deputyName: string;
  deputyUserId: string | null;
  unitName: string;
  groupName: string | null;
};

const appointmentSelect = (db: Executor) =>
  db
    .select(appointmentColumns)
    .from(appointments)
    .innerJoin(bodies, eq(bodies.id, appointments.bodyId))
    .innerJoin(deputies, eq(deputies.id, appointments.deputyId))
    .innerJoin(handlingUnits, eq(handlingUnits.id, appointments.unitId))
    .leftJoin(deputyGroups, eq(deputyGroups.id, appointments.groupId));

/** A unit sees the appointments with it wherever they come from; everyone else by body. */
function appointmentScope(scope: Scope, own: Own): SQL | undefined {
  if (own.unitId) return eq(appointments.unitId, own.unitId);
  return and(inScope(appointments.bodyId, scope), own.deputyId ? eq(appointments.deputyId, own.deputyId) : undefined);
}

function appointmentWhere(scope: Scope, f: Omit<AppointmentQuery, 'page' | 'pageSize'>, own: Own): SQL | undefined {
  return and(
    appointmentScope(scope, own),
    f.state ? eq(appointments.state, f.state) : undefined,
    f.deputyId ? eq(appointments.deputyId, f.deputyId) : undefined,
    f.unitId ? eq(appointments.unitId, f.unitId) : undefined,
    f.q ? or(like(appointments.topic, likeContains(f.q)), like(deputies.name, likePrefix(f.q))) : undefined,
  );
}

/** Newest request first: the list's order, for the page and the export alike. */
const orderedAppointments = (db: Executor, w: SQL | undefined) =>
  appointmentSelect(db).where(w).orderBy(desc(appointments.createdAt), desc(appointments.id));

export async function pageAppointments(db: Executor, scope: Scope, f: AppointmentQuery, own: Own) {
  const w = appointmentWhere(scope, f, own);
  const { rows, total } = await readPage(
    orderedAppointments(db, w),
    db.select({ total: count() }).from(appointments).innerJoin(deputies, eq(deputies.id, appointments.deputyId)).where(w),
    f,
  );
  return { rows: rows as AppointmentRow[], total };
}

/** Every appointment matching the list's filters, in its order, for the Excel export (capped by the caller). */
export async function listAppointments(
  db: Executor,
  scope: Scope,
  f: Omit<AppointmentQuery, 'page' | 'pageSize'>,
  own: Own,
  limit: number,
) {
  return (await orderedAppointments(db, appointmentWhere(scope, f, own)).limit(limit)) as AppointmentRow[];
}

export async function getAppointment(db: Executor, scope: Scope, own: Own, id: string, forUpdate = false) {
  const query = appointmentSelect(db).where(and(eq(appointments.id, id), appointmentScope(scope, own)));
  const [row] = forUpdate ? await query.for('update', { of: appointments }) : await query;
  return row as AppointmentRow | undefined;
}

export async function insertAppointment(db: Executor, row: typeof appointments.$inferInsert) {
  const [created] = await db.insert(appointments).values(row).returning({ id: appointments.id });
  return created!.id;
}

export async function updateAppointment(db: Executor, id: string, patch: Partial<typeof appointments.$inferInsert>) {
  await db.update(appointments).set(patch).where(eq(appointments.id, id));
}

/** A unit the deputy may ask to meet: an active unit of a body in the actor's scope. */
export async function findUnit(db: Executor, scope: Scope, id: string) {
  const [row] = await db
    .select()
    .from(handlingUnits)
    .where(and(eq(handlingUnits.id, id), eq(handlingUnits.active, true), inScope(handlingUnits.bodyId, scope)));
  return row;
}

export async function groupOfDeputy(db: Executor, groupId: string, deputyId: string) {
  const [row] = await db
    .select({ id: deputyGroupMembers.groupId })
    .from(deputyGroupMembers)
    .where(and(eq(deputyGroupMembers.groupId, groupId), eq(deputyGroupMembers.deputyId, deputyId)));
  return row;
}

/** A deputy's appointments that took place in a period (for the performance file). */
export async function appointmentsOfDeputy(db: Executor, deputyId: string, from: string, to: string) {
  return db
    .select({ appointment: appointments, unitName: handlingUnits.name })
    .from(appointments)
    .innerJoin(handlingUnits, eq(handlingUnits.id, appointments.unitId))
    .where(and(eq(appointments.deputyId, deputyId), gte(appointments.heldOn, from), lte(appointments.heldOn, to)))
    .orderBy(asc(appointments.heldOn));
}

/** Opinions voters raised in a deputy's contacts with them (收集社情民意). */
export async function opinionsRaisedWith(db: Executor, deputyId: string, from: string, to: string) {
  const [row] = await db
    .select({ n: count() })
    .from(contactRecords)
    .innerJoin(contactLinks, eq(contactLinks.id, contactRecords.linkId))
    .where(
      and(
        eq(contactLinks.deputyId, deputyId),
        eq(contactLinks.kind, 'deputy_voter'),
        sql`coalesce(${contactRecords.raised}, '') <> ''`,
        gte(contactRecords.occurredOn, from),
        lte(contactRecords.occurredOn, to),
      ),
    );
  return Number(row?.n ?? 0);
}

/** Agencies a deputy may ask to meet: active units of the bodies in scope. */
export async function listUnits(db: Executor, scope: Scope) {
  return db
    .select({ id: handlingUnits.id, name: handlingUnits.name, bodyName: bodies.name })
    .from(handlingUnits)
    .innerJoin(bodies, eq(bodies.id, handlingUnits.bodyId))
    .where(and(eq(handlingUnits.active, true), inScope(handlingUnits.bodyId, scope)))
    .orderBy(asc(bodies.path), asc(handlingUnits.name));
}

/** What the audit log calls this module's records (platform/audit.ts `registerAuditTitles`). */
export const auditTitleSources: Partial<Record<AuditEntity, AuditTitleSource>> = {
  appointment: titleColumn(appointments.id, appointments.topic),
};
