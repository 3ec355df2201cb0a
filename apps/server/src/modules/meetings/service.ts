import {
  meetingKindLabel,
  type AgendaItem,
  type AgendaItemInput,
  type MeetingAction,
  type MeetingDetail,
  type MeetingInput,
  type MeetingKind,
  type MeetingQuery,
  type MeetingState,
  type Page,
} from '@renda/shared';
import type { Db, Executor, Tx } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import { clock } from '../../platform/clock.js';
import type { ActorContext } from '../../platform/context.js';
import { DomainError, notFound } from '../../platform/errors.js';
import type { Notifier } from '../../platform/notifications.js';
import { pageResult } from '../../platform/pagination.js';
import { requireBodyInScope } from '../../platform/scope.js';
import { applyAction, type Machine } from '../../platform/workflow.js';
import { newPublicCode, recordDuty } from '../deputies/index.js';
import { electorateOf, getVote } from '../votes/index.js';
import { presentAttendee, presentItem, presentMeeting, quorumOfAttendees } from './presenters.js';
import * as repo from './repository.js';
import type { MeetingRecord, MeetingRow } from './repository.js';
import { meetingWorkflow, type Step } from './workflow.js';

const isStaff = (ctx: ActorContext) => ctx.actor.role === 'staff';

export async function requireMeeting(db: Executor, ctx: ActorContext, id: string, forUpdate = false): Promise<MeetingRow> {
  const row = await repo.getMeeting(db, ctx.actor, id, forUpdate);
  if (!row) throw notFound('会议', { id });
  return row;
}

/**
 * Each voted item's vote as the vote component shows it to this reader (stage, and whether they have
 * voted): the result is published (公布结果) on the vote panel, so the meeting reads the stage there.
 */
export async function itemVotes(db: Executor, ctx: ActorContext, items: repo.ItemRecord[]) {
  const out = new Map<string, NonNullable<AgendaItem['vote']>>();
  // One after another: inside a transaction the queries share one connection.
  for (const i of items) {
    if (!i.voteId) continue;
    const v = await getVote(db, ctx, i.voteId).catch((e: unknown) => {
      // An observer from a lower body cannot see the upper body's votes; the item then shows only its outcome.
      if (e instanceof DomainError && e.status === 404) return null;
      throw e;
    });
    if (v) out.set(i.id, { state: v.state, stateLabel: v.stateLabel, youVoted: v.youVoted ?? false });
  }
  return out;
}

export async function detailOf(db: Executor, ctx: ActorContext, row: MeetingRow): Promise<MeetingDetail> {
  const items = await repo.listItems(db, row.meeting.id);
  const attendees = await repo.listAttendees(db, row.meeting.id);
  const docs = await repo.documentsOf(
    db,
    items.map((i) => i.id),
  );
  const votes = await itemVotes(db, ctx, items);
  return {
    ...presentMeeting(row, attendees, isStaff(ctx)),
    agenda: items.map((i) => presentItem(i, docs.get(i.id) ?? [], votes.get(i.id))),
    attendees: attendees.map(presentAttendee),
    signInCode: isStaff(ctx) ? row.meeting.signInCode : null,
  };
}

export async function getMeeting(db: Executor, ctx: ActorContext, id: string) {
  return detailOf(db, ctx, await requireMeeting(db, ctx, id));
}

async function presentRows(db: Executor, ctx: ActorContext, rows: MeetingRow[]) {
  const out = [];
  // One after another: inside a transaction the queries share one connection.
  for (const row of rows) out.push(presentMeeting(row, await repo.listAttendees(db, row.meeting.id), isStaff(ctx)));
  return out;
}

export async function pageMeetings(db: Db, ctx: ActorContext, q: MeetingQuery): Promise<Page<ReturnType<typeof presentMeeting>>> {
  const { rows, total } = await repo.pageMeetings(db, ctx.actor, q);
  return pageResult(await presentRows(db, ctx, rows), total, q);
}

export const EXPORT_LIMIT = 2000;
export async function listForExport(db: Db, ctx: ActorContext, q: repo.MeetingFilters) {
  return presentRows(db, ctx, await repo.listMeetings(db, ctx.actor, q, EXPORT_LIMIT));
}

/**
 * The full membership a meeting of this kind expects, from the registry: all deputies in office for a
 * congress session, the standing committee's members for its meeting (the vote component's
 * electorates, so quorum and thresholds count the same people), the chairpersons for 主任会议 and 联席会议.
 */
export async function membersOf(db: Executor, bodyId: string, kind: MeetingKind) {
  if (kind === 'congress_session') return electorateOf(db, bodyId, { kind: 'congress' });
  if (kind === 'standing_committee') return electorateOf(db, bodyId, { kind: 'standing_committee' });
  return repo.chairpersons(db, bodyId);
}

const meetingColumns = (input: MeetingInput) => ({
  kind: input.kind,
  midYear: input.kind === 'congress_session' && input.midYear,
  number: input.number,
  term: input.term,
  title: input.title,
  startsOn: input.from,
  endsOn: input.to,
  place: input.place,
  note: input.note,
});

/**
 * A meeting takes its members from the registry when it is created (the full membership of the
 * congress or its standing committee): quorum and thresholds count every one of them.
 */
export async function createMeeting(db: Db, ctx: ActorContext, input: MeetingInput) {
  return db.transaction(async (tx) => {
    await requireBodyInScope(tx, ctx.actor, input.bodyId);
    const members = await membersOf(tx, input.bodyId, input.kind);
    if (!members.length)
      throw new DomainError('MEETING_NO_MEMBERS', `登记册中没有该机关的在任组成人员，不能安排${meetingKindLabel[input.kind]}`);
    const id = await repo.insertMeeting(tx, {
      ...meetingColumns(input),
      bodyId: input.bodyId,
      state: 'planned',
      signInCode: newPublicCode(),
      createdBy: ctx.actor.id,
      createdAt: clock.now(),
    });
    await repo.insertAttendees(
      tx,
      members.map((m) => ({ meetingId: id, role: 'member', deputyId: m.deputyId, name: m.name, createdAt: clock.now() })),
    );
    await recordAudit(tx, ctx, {
      entity: 'meeting',
      entityId: id,
      bodyId: input.bodyId,
      action: 'create',
      after: { ...input, members: members.length },
    });
    return getMeeting(tx, ctx, id);
  });
}

/** Details change until the meeting closes; the kind and body stay (the membership was taken for them). */
export async function updateMeeting(db: Db, ctx: ActorContext, id: string, input: MeetingInput) {
  return db.transaction(async (tx) => {
    const row = await requireMeeting(tx, ctx, id, true);
    requireOpenForChanges(row.meeting);
    if (input.kind !== row.meeting.kind || input.bodyId !== row.meeting.bodyId)
      throw new DomainError('MEETING_KIND_FIXED', '不能更改会议的机关或类型，请另行安排会议', {
        fields: [{ path: 'kind', message: '不能更改会议类型' }],
      });
    const patch = meetingColumns(input);
    await repo.updateMeeting(tx, id, patch);
    await recordAudit(tx, ctx, {
      entity: 'meeting',
      entityId: id,
      bodyId: row.meeting.bodyId,
      action: 'update',
      before: row.meeting,
      after: patch,
    });
    return getMeeting(tx, ctx, id);
  });
}

export function requireOpenForChanges(m: MeetingRecord) {
  if (m.state === 'closed') throw new DomainError('MEETING_CLOSED', '会议已闭会，不能再修改', { state: m.state }, 409);
}

/** 法定人数: refused in Chinese when fewer than more than half of all members are present. */
export async function requireQuorum(tx: Executor, m: MeetingRecord, what: string) {
  const q = quorumOfAttendees(await repo.listAttendees(tx, m.id));
  if (!q.reached)
    throw new DomainError('MEETING_NO_QUORUM', `出席人数不足全体组成人员的过半数（${q.text}），不能${what}`, { quorum: q }, 409);
  return q;
}

const meetingMachine: Machine<
  MeetingRecord,
  MeetingState,
  MeetingAction,
  never,
  never,
  Step<MeetingState, MeetingAction>,
  Record<string, unknown>
> = {
  workflow: meetingWorkflow,
  entity: 'meeting',
  load: async (tx, ctx, id) => (await requireMeeting(tx, ctx, id, true)).meeting,
  stateOf: (m) => m.state as MeetingState,
  bodyOf: (m) => m.bodyId,
  standing: async (_tx, ctx) => ({ role: ctx.actor.role }),
  effects: {
    notify: async ({ tx, item, now }) => {
      const contacts = await repo.attendeeContacts(tx, item.id);
      const when = item.startsOn === item.endsOn ? item.startsOn : `${item.startsOn} 至 ${item.endsOn}`;
      const body = `${item.title}定于 ${when} 在${item.place}召开，请按时出席；不能出席的请在平台上请假并说明事由。`;
      return {
        patch: { notifiedAt: now },
        detail: { notified: contacts.length },
        notices: [
          {
            userIds: contacts.map((c) => c.userId),
            title: `会议通知：${item.title}`,
            body,
            link: `/meetings/my/${item.id}`,
            sms: { phones: contacts.map((c) => c.phone), body: `【人大履职服务平台】${body}`, bodyId: item.bodyId },
          },
        ],
      };
    },
    open: async ({ tx, item, now }) => {
      const q = await requireQuorum(tx, item, '宣布开会');
      return { patch: { openedAt: now }, detail: { quorum: q.text } };
    },
    // 列席 counts in each observing deputy's duty log (seed 002/004: 邀请代表列席常委会会议).
    close: async ({ tx, ctx, item, now }) => {
      const open = (await repo.listItems(tx, item.id)).filter((i) => i.voteId && !i.outcome);
      if (open.length) throw new DomainError('MEETING_VOTE_OPEN', `“${open[0]!.title}”的表决尚未结束，不能闭会`, undefined, 409);
      const observers = (await repo.listAttendees(tx, item.id)).filter((a) => a.role === 'observer' && a.signedInAt && a.deputyId);
      const dutyRecordId = observers.length
        ? await recordDuty(
            tx,
            {
              bodyId: item.bodyId,
              kind: 'observing_meeting',
              occurredOn: item.startsOn,
              place: item.place,
              title: `列席${item.title}`,
              description: null,
              votersReceived: 0,
              source: 'meeting',
              recordedBy: ctx.actor.id,
            },
            observers.map((o) => o.deputyId!),
          )
        : null;
      return { patch: { closedAt: now, dutyRecordId }, detail: { observers: observers.length } };
    },
  },
  save: (tx, item, to, patch) => repo.updateMeeting(tx, item.id, { ...patch, state: to }),
  link: (m) => `/meetings/${m.id}`,
};

export async function act(db: Db, notifier: Notifier, ctx: ActorContext, id: string, action: MeetingAction) {
  return db.transaction(async (tx) => {
    await applyAction(tx, notifier, meetingMachine, ctx, id, action, {});
    return getMeeting(tx, ctx, id);
  });
}

/** Publishes the agenda's documents to the members and invitees (会前发送会议材料), to read on a phone. */
export async function publishMaterials(db: Db, notifier: Notifier, ctx: ActorContext, id: string) {
  return db.transaction(async (tx) => {
    const row = await requireMeeting(tx, ctx, id, true);
    requireOpenForChanges(row.meeting);
    const now = clock.now();
    await repo.updateMeeting(tx, id, { materialsPublishedAt: now });
    const contacts = await repo.attendeeContacts(tx, id);
    for (const userId of new Set(contacts.map((c) => c.userId).filter((u): u is string => !!u)))
      await notifier.notify(tx, {
        userId,
        title: `会议材料：${row.meeting.title}`,
        body: '会议材料已发布，请在会前阅读。',
        link: `/meetings/my/${id}`,
      });
    await recordAudit(tx, ctx, {
      entity: 'meeting',
      entityId: id,
      bodyId: row.meeting.bodyId,
      action: 'publishMaterials',
      after: { at: now },
    });
    return getMeeting(tx, ctx, id);
  });
}

// ---- agenda ----

/** The body of an agenda item's meeting, for its documents: staff and leaders in scope (deputies read them as members). */
export async function itemOwner(db: Executor, ctx: ActorContext, itemId: string) {
  if (ctx.actor.role === 'deputy' || ctx.actor.role === 'handling_unit') return null;
  const meetingId = await repo.meetingIdOfItem(db, itemId);
  const row = meetingId ? await repo.getMeeting(db, ctx.actor, meetingId) : undefined;
  return row ? { bodyId: row.meeting.bodyId } : null;
}

const itemColumns = (input: AgendaItemInput) => ({
  kind: input.kind,
  title: input.title,
  presenter: input.presenter,
  description: input.description,
  linkModule: input.link?.module ?? null,
  linkId: input.link?.id ?? null,
  linkTitle: input.link?.title ?? null,
  toVote: input.toVote,
  threshold: input.threshold,
});

export async function addItemInTx(tx: Tx, ctx: ActorContext, row: MeetingRow, input: AgendaItemInput) {
  requireOpenForChanges(row.meeting);
  const item = await repo.insertItem(tx, {
    ...itemColumns(input),
    meetingId: row.meeting.id,
    position: await repo.nextPosition(tx, row.meeting.id),
    createdAt: clock.now(),
  });
  await recordAudit(tx, ctx, { entity: 'meeting_item', entityId: item.id, bodyId: row.meeting.bodyId, action: 'create', after: input });
  return item;
}

export async function addItem(db: Db, ctx: ActorContext, meetingId: string, input: AgendaItemInput) {
  return db.transaction(async (tx) => {
    const row = await requireMeeting(tx, ctx, meetingId, true);
    await addItemInTx(tx, ctx, row, input);
    return getMeeting(tx, ctx, meetingId);
  });
}

async function requireItem(tx: Executor, meetingId: string, itemId: string) {
  const item = await repo.getItem(tx, meetingId, itemId);
  if (!item) throw notFound('议程', { itemId });
  return item;
}

/** An item is fixed once a vote has been taken on it: the ballots were cast on that text. */
function requireNoVote(item: repo.ItemRecord) {
  if (item.voteId) throw new DomainError('MEETING_ITEM_VOTED', '该议题已发起表决，不能再修改或删除', { itemId: item.id }, 409);
}

export async function updateItem(db: Db, ctx: ActorContext, meetingId: string, itemId: string, input: AgendaItemInput) {
  return db.transaction(async (tx) => {
    const row = await requireMeeting(tx, ctx, meetingId, true);
    requireOpenForChanges(row.meeting);
    const item = await requireItem(tx, meetingId, itemId);
    requireNoVote(item);
    const patch = itemColumns(input);
    await repo.updateItem(tx, itemId, patch);
    await recordAudit(tx, ctx, {
      entity: 'meeting_item',
      entityId: itemId,
      bodyId: row.meeting.bodyId,
      action: 'update',
      before: item,
      after: patch,
    });
    return getMeeting(tx, ctx, meetingId);
  });
}

export async function deleteItem(
  db: Db,
  ctx: ActorContext,
  meetingId: string,
  itemId: string,
  inUse: (tx: Tx, itemId: string) => Promise<boolean>,
) {
  return db.transaction(async (tx) => {
    const row = await requireMeeting(tx, ctx, meetingId, true);
    requireOpenForChanges(row.meeting);
    const item = await requireItem(tx, meetingId, itemId);
    requireNoVote(item);
    if (await inUse(tx, itemId)) throw new DomainError('MEETING_ITEM_IN_USE', '该议题是重大事项的表决议题，不能删除', { itemId }, 409);
    await repo.deleteItem(tx, itemId);
    await recordAudit(tx, ctx, { entity: 'meeting_item', entityId: itemId, bodyId: row.meeting.bodyId, action: 'delete', before: item });
    return getMeeting(tx, ctx, meetingId);
  });
}

/** Puts the agenda in the given order; the ids must be exactly the meeting's items. */
export async function reorderItems(db: Db, ctx: ActorContext, meetingId: string, itemIds: string[]) {
  return db.transaction(async (tx) => {
    const row = await requireMeeting(tx, ctx, meetingId, true);
    requireOpenForChanges(row.meeting);
    const items = await repo.listItems(tx, meetingId);
    const known = new Set(items.map((i) => i.id));
    if (itemIds.length !== items.length || new Set(itemIds).size !== itemIds.length || !itemIds.every((i) => known.has(i)))
      throw new DomainError('MEETING_AGENDA_MISMATCH', '议程顺序须包含本次会议的全部议题且不重复');
    for (const [i, id] of itemIds.entries()) await repo.updateItem(tx, id, { position: i + 1 });
    await recordAudit(tx, ctx, {
      entity: 'meeting',
      entityId: meetingId,
      bodyId: row.meeting.bodyId,
      action: 'update',
      after: { agendaOrder: itemIds },
    });
    return getMeeting(tx, ctx, meetingId);
  });
}
