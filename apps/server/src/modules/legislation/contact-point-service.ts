import type { ContactPoint, ContactPointInput, Draft } from '@renda/shared';
import type { Db, Executor } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import { clock } from '../../platform/clock.js';
import type { ActorContext } from '../../platform/context.js';
import { DomainError, notFound } from '../../platform/errors.js';
import { requireBodyInScope } from '../../platform/scope.js';
import * as repo from './contact-point-repository.js';
import * as draftsRepo from './draft-repository.js';

/**
 * 基层立法联系点 (seed 004: 设立10个基层立法联系点). A point belongs to the congress body it serves;
 * its members are staff accounts of that body or of a body below it (the township or street office that
 * runs the point), and membership alone lets them enter the point's comments for the drafts it takes part in.
 */

async function presentMany(db: Executor, rows: repo.ContactPointRow[]): Promise<ContactPoint[]> {
  const members = await repo.membersOf(
    db,
    rows.map((r) => r.point.id),
  );
  return rows.map(({ point: p, bodyName }) => ({
    id: p.id,
    bodyId: p.bodyId,
    bodyName,
    name: p.name,
    address: p.address,
    contactPerson: p.contactPerson,
    contactPhone: p.contactPhone,
    members: members
      .filter((m) => m.contactPointId === p.id)
      .map(({ id, displayName, bodyName: memberBody }) => ({ id, displayName, bodyName: memberBody })),
  }));
}

export const listPoints = async (db: Db, ctx: ActorContext) => presentMany(db, await repo.listPoints(db, ctx.actor));

async function requirePoint(db: Executor, ctx: ActorContext, id: string) {
  const row = await repo.getPoint(db, ctx.actor, id);
  if (!row) throw notFound('基层立法联系点', { id });
  return row;
}

async function checkMembers(tx: Executor, bodyPath: string, ids: string[]) {
  const unique = [...new Set(ids)];
  const eligible = await repo.eligibleMembers(tx, bodyPath, unique);
  if (eligible.length !== unique.length)
    throw new DomainError('LEGISLATION_MEMBER_INVALID', '联系点工作人员须为本机关或下级机关的工作人员账号', {
      fields: [{ path: 'memberIds', message: '请选择本机关或下级机关的工作人员' }],
    });
  return unique;
}

export async function createPoint(db: Db, ctx: ActorContext, input: ContactPointInput) {
  return db.transaction(async (tx) => {
    const body = await requireBodyInScope(tx, ctx.actor, input.bodyId ?? ctx.actor.bodyId);
    const members = await checkMembers(tx, body.path, input.memberIds);
    const { memberIds: _m, bodyId: _b, ...fields } = input;
    const id = await repo.insertPoint(tx, { ...fields, bodyId: body.id, createdAt: clock.now() });
    await repo.setMembers(tx, id, members);
    await recordAudit(tx, ctx, {
      entity: 'legislation_contact_point',
      entityId: id,
      bodyId: body.id,
      action: 'create',
      after: { ...fields, members },
    });
    return (await presentMany(tx, [(await repo.getPoint(tx, ctx.actor, id))!]))[0]!;
  });
}

export async function updatePoint(db: Db, ctx: ActorContext, id: string, input: ContactPointInput) {
  return db.transaction(async (tx) => {
    const row = await requirePoint(tx, ctx, id);
    const body = await requireBodyInScope(tx, ctx.actor, row.point.bodyId);
    const members = await checkMembers(tx, body.path, input.memberIds);
    const { memberIds: _m, bodyId: _b, ...fields } = input;
    await repo.updatePoint(tx, id, fields);
    await repo.setMembers(tx, id, members);
    await recordAudit(tx, ctx, {
      entity: 'legislation_contact_point',
      entityId: id,
      bodyId: row.point.bodyId,
      action: 'update',
      before: row.point,
      after: { ...fields, members },
    });
    return (await presentMany(tx, [(await repo.getPoint(tx, ctx.actor, id))!]))[0]!;
  });
}

/** The points the signed-in account works for, with the drafts each takes part in (not while drafting). */
export async function myPoints(db: Db, ctx: ActorContext) {
  const points = await repo.pointsOfMember(db, ctx.actor.id);
  const drafts = await draftsRepo.draftsOfPoints(
    db,
    points.map((p) => p.point.id),
  );
  const links = await draftsRepo.pointsOfDrafts(
    db,
    drafts.map((d) => d.draft.id),
  );
  return {
    items: (await presentMany(db, points)).map((p) => ({
      ...p,
      drafts: drafts
        .filter((d) => links.some((l) => l.draftId === d.draft.id && l.id === p.id))
        .map(({ draft: d }) => ({
          id: d.id,
          title: d.title,
          commentFrom: d.commentFrom,
          commentTo: d.commentTo,
          state: d.state as Draft['state'],
        })),
    })),
  };
}

/** The member's point, if the account works for it (a contact point's comments are entered only by its members or staff of the draft's body). */
export async function memberPoint(db: Executor, ctx: ActorContext, pointId: string) {
  const points = await repo.pointsOfMember(db, ctx.actor.id);
  return points.find((p) => p.point.id === pointId);
}

export const memberCandidates = async (db: Db, ctx: ActorContext) => ({ items: await repo.staffInScope(db, ctx.actor) });
