import type {
  DeputyGroup,
  DeputyGroupDetail,
  DeputyGroupInput,
  GridCell,
  GridCellInput,
  GroupKind,
  GroupMembersInput,
  Page,
  SpecialistField,
} from '@renda/shared';
import type { Db, Executor } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import { clock } from '../../platform/clock.js';
import type { ActorContext } from '../../platform/context.js';
import { conflict, DomainError, notFound } from '../../platform/errors.js';
import { pageResult } from '../../platform/pagination.js';
import { requireBodyInScope } from '../../platform/scope.js';
import * as repo from './groups-repository.js';
import { findDeputiesByIds } from './repository.js';

function presentGroup(r: repo.GroupRow): DeputyGroup {
  const g = r.group;
  return {
    id: g.id,
    bodyId: g.bodyId,
    bodyName: r.bodyName,
    term: g.term,
    kind: g.kind as GroupKind,
    name: g.name,
    field: (g.field as SpecialistField | null) ?? null,
    regionCode: g.regionCode,
    regionName: r.regionName,
    leader: g.leaderId && r.leaderName ? { id: g.leaderId, name: r.leaderName } : null,
    description: g.description,
    memberCount: r.memberCount,
  };
}

export async function pageGroups(db: Db, ctx: ActorContext, f: repo.GroupFilter): Promise<Page<DeputyGroup>> {
  const { rows, total } = await repo.pageGroups(db, ctx.actor, f);
  return pageResult(rows.map(presentGroup), total, f);
}

async function requireGroup(db: Executor, ctx: ActorContext, id: string) {
  const row = await repo.getGroup(db, ctx.actor, id);
  if (!row) throw notFound('代表小组', { id });
  return row;
}

export async function getGroup(db: Executor, ctx: ActorContext, id: string): Promise<DeputyGroupDetail> {
  const row = await requireGroup(db, ctx, id);
  return { ...presentGroup(row), members: await repo.groupMembers(db, id) };
}

async function checkGroupInput(db: Executor, ctx: ActorContext, input: DeputyGroupInput) {
  await requireBodyInScope(db, ctx.actor, input.bodyId);
  if (input.regionCode && !(await repo.findRegion(db, input.regionCode)))
    throw new DomainError('REGION_NOT_FOUND', `行政区划代码 ${input.regionCode} 不存在`, {
      fields: [{ path: 'regionCode', message: '区划代码不存在' }],
    });
}

export async function createGroup(db: Db, ctx: ActorContext, input: DeputyGroupInput): Promise<DeputyGroupDetail> {
  return db.transaction(async (tx) => {
    await checkGroupInput(tx, ctx, input);
    const id = await repo.insertGroup(tx, { ...input, field: input.kind === 'specialist' ? input.field : null, createdAt: clock.now() });
    const created = await getGroup(tx, ctx, id);
    await recordAudit(tx, ctx, { entity: 'deputy_group', entityId: id, bodyId: input.bodyId, action: 'create', after: created });
    return created;
  });
}

export async function updateGroup(db: Db, ctx: ActorContext, id: string, input: DeputyGroupInput): Promise<DeputyGroupDetail> {
  return db.transaction(async (tx) => {
    const before = await getGroup(tx, ctx, id);
    if (input.bodyId !== before.bodyId || input.term !== before.term || input.kind !== before.kind)
      throw new DomainError('GROUP_IDENTITY_FIXED', '小组的所属人大、届次和类型建立后不能修改，请新建小组');
    await checkGroupInput(tx, ctx, input);
    await repo.updateGroup(tx, id, { name: input.name, field: input.field, regionCode: input.regionCode, description: input.description });
    const after = await getGroup(tx, ctx, id);
    await recordAudit(tx, ctx, { entity: 'deputy_group', entityId: id, bodyId: before.bodyId, action: 'update', before, after });
    return after;
  });
}

/**
 * Sets the members and the leader in one step. Members must be in-office deputies of the group's
 * body and term; a deputy belongs to one region group (代表小组) but any number of specialist groups.
 */
export async function setMembers(db: Db, ctx: ActorContext, id: string, input: GroupMembersInput): Promise<DeputyGroupDetail> {
  return db.transaction(async (tx) => {
    const before = await getGroup(tx, ctx, id);
    const ids = [...new Set(input.deputyIds)];
    const found = await findDeputiesByIds(tx, ctx.actor, ids);
    const missing = ids.filter((i) => !found.some((d) => d.id === i));
    if (missing.length) throw notFound('代表', { missing });
    const wrong = found.filter((d) => d.bodyId !== before.bodyId || d.term !== before.term);
    if (wrong.length)
      throw new DomainError(
        'GROUP_MEMBER_OTHER_BODY',
        `${wrong.map((d) => d.name).join('、')}不是本机关${before.term}代表，不能编入本小组`,
        {
          deputyIds: wrong.map((d) => d.id),
        },
      );
    const inactive = found.filter((d) => d.status !== 'in_office');
    if (inactive.length)
      throw new DomainError('GROUP_MEMBER_NOT_IN_OFFICE', `${inactive.map((d) => d.name).join('、')}已不在任，不能编入小组`, {
        deputyIds: inactive.map((d) => d.id),
      });
    if (before.kind === 'region') {
      const taken = await repo.inOtherRegionGroup(tx, id, ids);
      if (taken.length)
        throw conflict(
          'DEPUTY_IN_OTHER_GROUP',
          `${taken.map((t) => `${t.name}（已在${t.groupName}）`).join('、')}：每名代表只能编入一个代表小组`,
          {
            deputyIds: taken.map((t) => t.deputyId),
          },
        );
    }
    if (input.leaderId && !ids.includes(input.leaderId))
      throw new DomainError('LEADER_NOT_MEMBER', '组长须是本小组成员', { fields: [{ path: 'leaderId', message: '组长须是小组成员' }] });
    await repo.replaceMembers(tx, id, before.kind, ids);
    await repo.updateGroup(tx, id, { leaderId: input.leaderId });
    const after = await getGroup(tx, ctx, id);
    await recordAudit(tx, ctx, {
      entity: 'deputy_group',
      entityId: id,
      bodyId: before.bodyId,
      action: 'set_members',
      before: { leader: before.leader, members: before.members.map((m) => m.id) },
      after: { leader: after.leader, members: after.members.map((m) => m.id) },
    });
    return after;
  });
}

export async function deleteGroup(db: Db, ctx: ActorContext, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await getGroup(tx, ctx, id);
    await repo.deleteGroup(tx, id);
    await recordAudit(tx, ctx, { entity: 'deputy_group', entityId: id, bodyId: before.bodyId, action: 'delete', before });
  });
}

// ---- grid cells (网格化履职) ----
async function presentCells(
  db: Executor,
  rows: { cell: { id: string; bodyId: string; regionCode: string; name: string }; townshipName: string | null }[],
): Promise<GridCell[]> {
  const members = await repo.cellDeputies(
    db,
    rows.map((r) => r.cell.id),
  );
  return rows.map((r) => ({
    id: r.cell.id,
    bodyId: r.cell.bodyId,
    regionCode: r.cell.regionCode,
    name: r.cell.name,
    townshipName: r.townshipName,
    deputies: members.get(r.cell.id) ?? [],
  }));
}

export async function pageGridCells(
  db: Db,
  ctx: ActorContext,
  f: { page: number; pageSize: number; bodyId?: string | undefined; townshipCode?: string | undefined },
) {
  const { rows, total } = await repo.pageGridCells(db, ctx.actor, f);
  return pageResult(await presentCells(db, rows), total, f);
}

async function requireCell(db: Executor, ctx: ActorContext, id: string): Promise<GridCell> {
  const row = await repo.getGridCell(db, ctx.actor, id);
  if (!row) throw notFound('网格', { id });
  return (await presentCells(db, [row]))[0]!;
}

async function checkCellDeputies(db: Executor, ctx: ActorContext, deputyIds: string[]) {
  const found = await findDeputiesByIds(db, ctx.actor, deputyIds);
  const missing = deputyIds.filter((i) => !found.some((d) => d.id === i));
  if (missing.length) throw notFound('代表', { missing });
  const inactive = found.filter((d) => d.status !== 'in_office');
  if (inactive.length) throw new DomainError('GRID_DEPUTY_NOT_IN_OFFICE', `${inactive.map((d) => d.name).join('、')}已不在任，不能入格`);
}

/** A grid cell is a village or community (12-digit code) inside the body's own region. */
export async function createGridCell(db: Db, ctx: ActorContext, input: GridCellInput): Promise<GridCell> {
  return db.transaction(async (tx) => {
    const body = await requireBodyInScope(tx, ctx.actor, input.bodyId);
    const region = await repo.findRegion(tx, input.regionCode);
    if (!region || region.level !== 'village')
      throw new DomainError('GRID_REGION_INVALID', '网格须是村（社区）一级的行政区划', {
        fields: [{ path: 'regionCode', message: '请选择村或社区' }],
      });
    const prefix = body.regionCode.replace(/0+$/, '');
    if (!input.regionCode.startsWith(prefix))
      throw new DomainError('GRID_REGION_OUTSIDE', `${region.name}不在${body.name}的行政区域内`, {
        fields: [{ path: 'regionCode', message: '不在本行政区域内' }],
      });
    const ids = [...new Set(input.deputyIds)];
    await checkCellDeputies(tx, ctx, ids);
    const id = await repo.insertGridCell(tx, {
      bodyId: input.bodyId,
      regionCode: input.regionCode,
      name: region.name,
      createdAt: clock.now(),
    });
    await repo.replaceCellDeputies(tx, id, ids);
    const created = await requireCell(tx, ctx, id);
    await recordAudit(tx, ctx, { entity: 'grid_cell', entityId: id, bodyId: input.bodyId, action: 'create', after: created });
    return created;
  });
}

export async function setCellDeputies(db: Db, ctx: ActorContext, id: string, deputyIds: string[]): Promise<GridCell> {
  return db.transaction(async (tx) => {
    const before = await requireCell(tx, ctx, id);
    const ids = [...new Set(deputyIds)];
    await checkCellDeputies(tx, ctx, ids);
    await repo.replaceCellDeputies(tx, id, ids);
    const after = await requireCell(tx, ctx, id);
    await recordAudit(tx, ctx, { entity: 'grid_cell', entityId: id, bodyId: before.bodyId, action: 'set_deputies', before, after });
    return after;
  });
}
