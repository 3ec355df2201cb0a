import type {
  Choice,
  ContactLink,
  ContactLinkDetail,
  ContactLinkInput,
  ContactLinkKind,
  ContactLinkQuery,
  ContactRecord,
  ContactRecordInput,
  ContactWay,
  Page,
} from '@renda/shared';
import { contactLinkKindLabel, contactWayLabel, maskPhone } from '@renda/shared';
import type { Db, Executor } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import { clock } from '../../platform/clock.js';
import type { ActorContext } from '../../platform/context.js';
import { DomainError, forbidden, notFound } from '../../platform/errors.js';
import { workbook } from '../../platform/documents.js';
import { EXPORT_LIMIT, pageResult } from '../../platform/pagination.js';
import { findDeputiesByIds, getDeputyByUser, recordDuty } from '../deputies/index.js';
import * as repo from './repository.js';
import { chinaDate, refuseFutureDate } from '../../platform/deadlines.js';

/** Today's China calendar date. */
export const today = () => chinaDate(clock.now());

/**
 * What narrows the actor's view below their bodies: a deputy sees only their own links and
 * appointments, a handling unit only the appointments with it.
 */
export async function ownOf(db: Executor, ctx: ActorContext): Promise<repo.Own> {
  if (ctx.actor.role === 'deputy') {
    const own = await getDeputyByUser(db, ctx.actor.id);
    if (!own) throw new DomainError('DEPUTY_NOT_LINKED', '您的账号尚未关联代表名册，请联系人大机关工作人员', undefined, 404);
    return { deputyId: own.deputy.id };
  }
  if (ctx.actor.role === 'handling_unit') {
    if (!ctx.actor.handlingUnitId) throw forbidden('您的账号尚未关联承办单位');
    return { unitId: ctx.actor.handlingUnitId };
  }
  return {};
}

function presentLink(r: repo.LinkRow): ContactLink {
  const l = r.link;
  return {
    id: l.id,
    bodyId: l.bodyId,
    bodyName: r.bodyName,
    kind: l.kind as ContactLinkKind,
    year: l.year,
    deputyId: l.deputyId,
    deputyName: r.deputyName,
    memberId: l.memberId,
    memberName: r.memberName,
    voterName: l.voterName,
    voterPhone: l.voterPhoneMasked,
    regionCode: l.regionCode,
    regionName: r.regionName,
    note: l.note,
    recordCount: Number(r.recordCount),
    lastContactOn: r.lastContactOn,
    createdAt: l.createdAt.toISOString(),
  };
}

export async function pageLinks(db: Db, ctx: ActorContext, q: ContactLinkQuery): Promise<Page<ContactLink>> {
  const { rows, total } = await repo.pageLinks(db, ctx.actor, q, await ownOf(db, ctx));
  return pageResult(rows.map(presentLink), total, q);
}

/** The filtered list as an Excel workbook (联系名单). */
export async function exportLinks(db: Db, ctx: ActorContext, q: Omit<ContactLinkQuery, 'page' | 'pageSize'>) {
  const rows = (await repo.allLinks(db, ctx.actor, q, await ownOf(db, ctx), EXPORT_LIMIT)).map(presentLink);
  return workbook(
    '双联系名单',
    [
      { header: '年度', key: 'year', width: 8, value: (l: ContactLink) => l.year },
      { header: '联系类型', key: 'kind', width: 24, value: (l) => contactLinkKindLabel[l.kind] },
      { header: '代表', key: 'deputy', width: 12, value: (l) => l.deputyName },
      { header: '常委会组成人员', key: 'member', width: 14, value: (l) => l.memberName },
      { header: '联系群众', key: 'voter', width: 12, value: (l) => l.voterName },
      { header: '电话', key: 'phone', width: 14, value: (l) => l.voterPhone },
      { header: '村（社区）', key: 'region', width: 20, value: (l) => l.regionName },
      { header: '联系次数', key: 'count', width: 10, value: (l) => l.recordCount },
      { header: '最近联系', key: 'last', width: 12, value: (l) => l.lastContactOn },
      { header: '所属人大', key: 'body', width: 20, value: (l) => l.bodyName },
      { header: '备注', key: 'note', width: 30, value: (l) => l.note },
    ],
    rows,
  );
}

async function requireLink(db: Executor, ctx: ActorContext, id: string) {
  const row = await repo.getLink(db, ctx.actor, id);
  const own = await ownOf(db, ctx);
  if (!row || (own.deputyId && row.link.deputyId !== own.deputyId)) throw notFound('联系关系', { id });
  return row;
}

function presentRecord(r: Awaited<ReturnType<typeof repo.recordsOf>>[number]): ContactRecord {
  const c = r.record;
  return {
    id: c.id,
    linkId: c.linkId,
    occurredOn: c.occurredOn,
    way: c.way as ContactWay,
    content: c.content,
    raised: c.raised,
    dutyRecordId: c.dutyRecordId,
    recordedByName: r.recordedByName,
    createdAt: c.createdAt.toISOString(),
  };
}

export async function getLink(db: Executor, ctx: ActorContext, id: string): Promise<ContactLinkDetail> {
  const row = await requireLink(db, ctx, id);
  const records = await repo.recordsOf(db, id);
  return { ...presentLink(row), records: records.map(presentRecord) };
}

/** Staff assign both kinds of link; a deputy may add the voters they keep in touch with themselves. */
async function checkLinkInput(db: Executor, ctx: ActorContext, input: ContactLinkInput) {
  if (ctx.actor.role === 'leader') throw forbidden('联系关系由机关工作人员安排');
  const own = await ownOf(db, ctx);
  if (own.deputyId && (input.kind !== 'deputy_voter' || input.deputyId !== own.deputyId))
    throw forbidden('代表只能登记本人联系的群众；常委会组成人员联系代表由机关工作人员安排');
  const [deputy] = await findDeputiesByIds(db, ctx.actor, [input.deputyId]);
  if (!deputy) throw notFound('代表', { deputyId: input.deputyId });
  if (deputy.status !== 'in_office') throw new DomainError('DEPUTY_NOT_IN_OFFICE', `${deputy.name}已不在任，不能建立联系关系`);
  if (input.kind === 'member_deputy') {
    const members = await repo.committeeMembers(db, ctx.actor);
    if (!members.some((m) => m.id === input.memberId)) throw notFound('常委会组成人员', { memberId: input.memberId });
  }
  if (input.kind === 'deputy_voter' && input.regionCode) {
    const region = await repo.findRegion(db, input.regionCode);
    if (!region || region.level !== 'village')
      throw new DomainError('REGION_NOT_VILLAGE', '请选择村（社区）', { fields: [{ path: 'regionCode', message: '请选择村（社区）' }] });
  }
  return deputy;
}

export async function createLink(db: Db, ctx: ActorContext, input: ContactLinkInput): Promise<ContactLinkDetail> {
  return db.transaction(async (tx) => {
    const deputy = await checkLinkInput(tx, ctx, input);
    const voter = input.kind === 'deputy_voter';
    const id = await repo.insertLink(tx, {
      bodyId: deputy.bodyId,
      kind: input.kind,
      year: input.year,
      deputyId: deputy.id,
      memberId: voter ? null : input.memberId,
      voterName: voter ? input.voterName : null,
      voterPhoneMasked: voter && input.voterPhone ? maskPhone(input.voterPhone) : null,
      regionCode: voter ? input.regionCode : null,
      note: input.note,
      createdBy: ctx.actor.id,
      createdAt: clock.now(),
    });
    const created = await getLink(tx, ctx, id);
    // The full phone number stays out of the trail, like out of the table.
    await recordAudit(tx, ctx, { entity: 'contact_link', entityId: id, bodyId: deputy.bodyId, action: 'create', after: created });
    return created;
  });
}

/** A link with contacts on it is history and stays; an assignment made by mistake can be removed. */
export async function deleteLink(db: Db, ctx: ActorContext, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await getLink(tx, ctx, id);
    if (before.records.length)
      throw new DomainError('CONTACT_LINK_HAS_RECORDS', `该联系关系已有 ${before.records.length} 条联系记录，不能删除`);
    await repo.deleteLink(tx, id);
    await recordAudit(tx, ctx, { entity: 'contact_link', entityId: id, bodyId: before.bodyId, action: 'delete', before });
  });
}

/** Who may write on a link: staff on any in their bodies, the member on their own, the deputy with their voters. */
function checkRecorder(ctx: ActorContext, link: repo.LinkRow['link'], own: repo.Own) {
  if (ctx.actor.role === 'leader' && link.memberId !== ctx.actor.id) throw forbidden('只能登记本人联系代表的记录');
  if (own.deputyId && link.kind !== 'deputy_voter') throw forbidden('常委会组成人员联系代表的记录由联系人登记');
}

/**
 * 联系记录. A deputy's contact with a voter is also a duty-log entry (联系群众, one voter), written
 * here so it counts in the duty log, the seven ones and the assessment without being typed again.
 */
export async function addRecord(db: Db, ctx: ActorContext, linkId: string, input: ContactRecordInput): Promise<ContactLinkDetail> {
  return db.transaction(async (tx) => {
    const row = await requireLink(tx, ctx, linkId);
    const link = row.link;
    checkRecorder(ctx, link, await ownOf(tx, ctx));
    refuseFutureDate(input.occurredOn, { code: 'CONTACT_DATE_IN_FUTURE', message: '联系日期不能晚于今天', path: 'occurredOn' });
    if (Number(input.occurredOn.slice(0, 4)) !== link.year)
      throw new DomainError('CONTACT_DATE_OUTSIDE_YEAR', `联系日期应在联系年度（${link.year} 年）内`, {
        fields: [{ path: 'occurredOn', message: `应在 ${link.year} 年内` }],
      });
    let dutyRecordId: string | null = null;
    if (link.kind === 'deputy_voter') {
      dutyRecordId = await recordDuty(
        tx,
        {
          bodyId: link.bodyId,
          kind: 'voter_reception',
          occurredOn: input.occurredOn,
          place: row.regionName,
          title: `联系群众（${contactWayLabel[input.way]}）：${link.voterName}`,
          description: [input.content, input.raised ? `反映：${input.raised}` : null].filter(Boolean).join('\n'),
          votersReceived: 1,
          source: 'contact',
          recordedBy: ctx.actor.id,
        },
        [link.deputyId],
      );
    }
    const id = await repo.insertRecord(tx, { ...input, linkId, dutyRecordId, recordedBy: ctx.actor.id, createdAt: clock.now() });
    await recordAudit(tx, ctx, {
      entity: 'contact_link',
      entityId: linkId,
      bodyId: link.bodyId,
      action: 'add_record',
      after: { id, ...input, dutyRecordId },
    });
    return getLink(tx, ctx, linkId);
  });
}

export async function committeeMembers(db: Db, ctx: ActorContext): Promise<Choice[]> {
  return (await repo.committeeMembers(db, ctx.actor)).map((m) => ({ id: m.id, name: m.name, bodyName: m.bodyName }));
}

export async function units(db: Db, ctx: ActorContext): Promise<Choice[]> {
  return repo.listUnits(db, ctx.actor);
}
