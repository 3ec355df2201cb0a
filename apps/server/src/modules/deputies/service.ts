import type {
  Deputy,
  DeputyImportPreview,
  DeputyImportResult,
  DeputyInput,
  DeputyListItem,
  DeputyQuery,
  DeputyUpdateInput,
  Page,
} from '@renda/shared';
import { committeeRoleLabel, deputyStatusLabel, genderLabel, MAX_LOGINS_AT_ONCE } from '@renda/shared';
import type { Db, Executor } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import { clock } from '../../platform/clock.js';
import type { ActorContext } from '../../platform/context.js';
import { workbook, type Column } from '../../platform/documents.js';
import { DomainError, notFound } from '../../platform/errors.js';
import type { Notifier } from '../../platform/notifications.js';
import { EXPORT_LIMIT, pageResult } from '../../platform/pagination.js';
import { requireBodyInScope } from '../../platform/scope.js';
import { personKeyOf, isValidIdNumber } from './id-number.js';
import { previewOf, readImportSheet, validateImportRows } from './import.js';
import { openDeputyLogins } from './logins-service.js';
import { presentDeputy, presentDeputyListItem } from './presenters.js';
import { newPublicCode } from './public-code.js';
import * as repo from './repository.js';

export async function pageDeputies(db: Db, ctx: ActorContext, q: DeputyQuery): Promise<Page<DeputyListItem>> {
  const { rows, total } = await repo.pageDeputies(db, ctx.actor, q);
  const groups = await repo.regionGroupNames(
    db,
    rows.map((r) => r.deputy.id),
  );
  return pageResult(
    rows.map((r) => presentDeputyListItem(r, groups.get(r.deputy.id) ?? null)),
    total,
    q,
  );
}

export async function requireDeputy(db: Executor, ctx: ActorContext, id: string) {
  const row = await repo.getDeputy(db, ctx.actor, id);
  if (!row) throw notFound('代表', { id });
  return row;
}

export async function getDeputy(db: Executor, ctx: ActorContext, id: string): Promise<Deputy> {
  const row = await requireDeputy(db, ctx, id);
  const others = await repo.otherLevels(db, ctx.actor, row.deputy);
  return presentDeputy(
    row,
    others.map((o) => ({ ...o, level: o.level as Deputy['level'] })),
  );
}

/** A deputy's own record, shown to them whatever body it sits in. */
export async function ownDeputyView(db: Executor, ctx: ActorContext): Promise<Deputy> {
  const row = await ownDeputy(db, ctx);
  const others = await repo.otherLevels(db, ctx.actor, row.deputy);
  return presentDeputy(
    row,
    others.map((o) => ({ ...o, level: o.level as Deputy['level'] })),
  );
}

/** The deputy record linked to a deputy's own login (role deputy). */
export async function ownDeputy(db: Executor, ctx: ActorContext) {
  const row = await repo.getDeputyByUser(db, ctx.actor.id);
  if (!row) throw new DomainError('DEPUTY_NOT_LINKED', '您的账号尚未关联代表名册，请联系人大机关工作人员', undefined, 404);
  return row;
}

const checkBody = (db: Executor, ctx: ActorContext, bodyId: string) => requireBodyInScope(db, ctx.actor, bodyId);

async function checkUser(db: Executor, ctx: ActorContext, userId: string | null | undefined) {
  if (!userId) return;
  const user = await repo.findDeputyUser(db, ctx.actor, userId);
  if (!user) throw notFound('用户', { userId });
  if (user.role !== 'deputy')
    throw new DomainError('USER_NOT_DEPUTY', '只能关联角色为“人大代表”的账号', {
      fields: [{ path: 'userId', message: '该账号不是代表账号' }],
    });
}

function personKeyFromInput(idNumber: string | null | undefined): string | null | undefined {
  if (idNumber === undefined) return undefined;
  if (idNumber === null) return null;
  if (!isValidIdNumber(idNumber))
    throw new DomainError('ID_NUMBER_INVALID', '身份证号不正确（位数或校验位有误）', {
      fields: [{ path: 'idNumber', message: '身份证号不正确' }],
    });
  return personKeyOf(idNumber);
}

export async function createDeputy(db: Db, ctx: ActorContext, input: DeputyInput): Promise<Deputy> {
  return db.transaction(async (tx) => {
    await checkBody(tx, ctx, input.bodyId);
    await checkUser(tx, ctx, input.userId);
    const { idNumber, ...fields } = input;
    const personKey = personKeyFromInput(idNumber) ?? null;
    if (personKey && (await repo.existingPersonKeys(tx, input.bodyId, input.term, [personKey])).size)
      throw new DomainError('DEPUTY_DUPLICATE', '该代表已在本届名册中', { fields: [{ path: 'idNumber', message: '同一人已登记' }] }, 409);
    const [id] = await repo.insertDeputies(tx, [{ ...fields, personKey, publicCode: newPublicCode(), createdAt: clock.now() }]);
    const created = await getDeputy(tx, ctx, id!);
    await recordAudit(tx, ctx, { entity: 'deputy', entityId: id!, bodyId: input.bodyId, action: 'create', after: created });
    return created;
  });
}

export async function updateDeputy(db: Db, ctx: ActorContext, id: string, input: DeputyUpdateInput): Promise<Deputy> {
  return db.transaction(async (tx) => {
    const before = await getDeputy(tx, ctx, id);
    await checkUser(tx, ctx, input.userId);
    const { idNumber, ...fields } = input;
    const personKey = personKeyFromInput(idNumber);
    if (personKey && (await repo.existingPersonKeys(tx, before.bodyId, before.term, [personKey])).size) {
      const same = await repo.getDeputy(tx, ctx.actor, id);
      if (same?.deputy.personKey !== personKey)
        throw new DomainError(
          'DEPUTY_DUPLICATE',
          '该身份证号已属于本届另一名代表',
          { fields: [{ path: 'idNumber', message: '同一人已登记' }] },
          409,
        );
    }
    await repo.updateDeputy(tx, id, { ...fields, ...(personKey === undefined ? {} : { personKey }), updatedAt: clock.now() });
    const after = await getDeputy(tx, ctx, id);
    await recordAudit(tx, ctx, { entity: 'deputy', entityId: id, bodyId: before.bodyId, action: 'update', before, after });
    return after;
  });
}

// ---- Excel import (all or nothing) and export ----
interface ImportTarget {
  bodyId: string;
  term: string;
  /** Also open logins for the imported deputies (开通登录账号, same initial password and SMS path). */
  openLogins?: boolean;
}

async function checkedImport(db: Executor, ctx: ActorContext, target: ImportTarget, data: Buffer) {
  await checkBody(db, ctx, target.bodyId);
  const rows = await readImportSheet(data);
  const idKeys = rows.flatMap((r) => (r.idNumber && isValidIdNumber(r.idNumber) ? [personKeyOf(r.idNumber)] : []));
  const taken = await repo.existingPersonKeys(db, target.bodyId, target.term, idKeys);
  return { rows, ...validateImportRows(rows, taken) };
}

export async function previewImport(db: Db, ctx: ActorContext, target: ImportTarget, data: Buffer): Promise<DeputyImportPreview> {
  const { rows, deputies, errors } = await checkedImport(db, ctx, target, data);
  return previewOf(rows, errors, deputies.length);
}

/** Writes every row or none: one bad row refuses the whole file with every row's problem listed. */
export async function importDeputies(
  db: Db,
  ctx: ActorContext,
  notifier: Notifier,
  target: ImportTarget,
  data: Buffer,
): Promise<DeputyImportResult> {
  return db.transaction(async (tx) => {
    const { deputies, errors } = await checkedImport(tx, ctx, target, data);
    if (errors.length)
      throw new DomainError(
        'IMPORT_ROWS_INVALID',
        `有 ${new Set(errors.map((e) => e.row)).size} 行数据有误，未导入任何代表：${errors[0]!.message}`,
        {
          errors,
        },
      );
    if (target.openLogins && deputies.length > MAX_LOGINS_AT_ONCE)
      throw new DomainError(
        'TOO_MANY_LOGINS',
        `一次导入同时开通账号最多 ${MAX_LOGINS_AT_ONCE} 名代表，本文件有 ${deputies.length} 名：请分批导入，或导入后在名册中分批开通`,
      );
    const now = clock.now();
    const ids = await repo.insertDeputies(
      tx,
      deputies.map(({ row: _row, ...d }) => ({
        ...d,
        bodyId: target.bodyId,
        term: target.term,
        publicCode: newPublicCode(),
        createdAt: now,
      })),
    );
    await recordAudit(tx, ctx, {
      entity: 'deputy',
      entityId: null,
      bodyId: target.bodyId,
      action: 'import',
      after: { term: target.term, count: ids.length, ids, openLogins: !!target.openLogins },
    });
    if (!target.openLogins) return { imported: ids.length };
    return { imported: ids.length, logins: await openDeputyLogins(tx, ctx, notifier, ids) };
  });
}

const exportColumns: Column<DeputyListItem>[] = [
  { header: '姓名', key: 'name', width: 10, value: (d) => d.name },
  { header: '性别', key: 'gender', width: 6, value: (d) => (d.gender ? genderLabel[d.gender] : null) },
  { header: '民族', key: 'ethnicity', width: 8, value: (d) => d.ethnicity },
  { header: '出生日期', key: 'birthDate', width: 12, value: (d) => d.birthDate },
  { header: '政治面貌', key: 'party', width: 12, value: (d) => d.party },
  { header: '职业', key: 'occupation', width: 12, value: (d) => d.occupation },
  { header: '工作单位', key: 'employer', width: 24, value: (d) => d.employer },
  { header: '职务', key: 'post', width: 20, value: (d) => d.post },
  { header: '选区（选举单位）', key: 'constituency', width: 20, value: (d) => d.constituency },
  { header: '手机号', key: 'phone', width: 14, value: (d) => d.phone },
  { header: '所属人大', key: 'bodyName', width: 24, value: (d) => d.bodyName },
  { header: '届次', key: 'term', width: 8, value: (d) => d.term },
  { header: '常委会职务', key: 'committeeRole', width: 10, value: (d) => (d.committeeRole ? committeeRoleLabel[d.committeeRole] : null) },
  { header: '代表小组', key: 'group', width: 16, value: (d) => d.regionGroupName },
  { header: '状态', key: 'status', width: 8, value: (d) => deputyStatusLabel[d.status] },
  { header: '状态日期', key: 'statusDate', width: 12, value: (d) => d.statusDate },
];

export async function exportDeputies(db: Db, ctx: ActorContext, q: DeputyQuery): Promise<Buffer> {
  const rows = await repo.listDeputies(db, ctx.actor, q, EXPORT_LIMIT);
  const groups = await repo.regionGroupNames(
    db,
    rows.map((r) => r.deputy.id),
  );
  return workbook(
    '代表名册',
    exportColumns,
    rows.map((r) => presentDeputyListItem(r, groups.get(r.deputy.id) ?? null)),
  );
}
