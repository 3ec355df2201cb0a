import type { AttendanceInput, AttendanceRecord, InviteInput, MyMeeting, MeetingReplyInput, MyMeetingsShow } from '@renda/shared';
import type { Db, Executor } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import { clock } from '../../platform/clock.js';
import type { ActorContext } from '../../platform/context.js';
import { chinaDate } from '../../platform/deadlines.js';
import { DomainError, forbidden, notFound } from '../../platform/errors.js';
import { findUnitInScope, requireBodyInScope } from '../../platform/scope.js';
import { findDeputiesByIds, getDeputyByUser } from '../deputies/index.js';
import { presentAttendee, presentItem, presentMeeting } from './presenters.js';
import * as repo from './repository.js';
import type { AttendeeRecord, MeetingRecord } from './repository.js';
import { getMeeting, itemVotes, requireMeeting, requireOpenForChanges } from './service.js';

/** 邀请列席 (deputies invited to observe) or 邀请报告 (an organ invited to report), until the meeting closes. */
export async function invite(db: Db, ctx: ActorContext, meetingId: string, input: InviteInput) {
  return db.transaction(async (tx) => {
    const row = await requireMeeting(tx, ctx, meetingId, true);
    requireOpenForChanges(row.meeting);
    const now = clock.now();
    if (input.role === 'observer') {
      const found = await findDeputiesByIds(tx, ctx.actor, input.deputyIds);
      const missing = input.deputyIds.filter((id) => !found.some((d) => d.id === id));
      if (missing.length) throw notFound('代表', { deputyIds: missing });
      const notInOffice = found.filter((d) => d.status !== 'in_office');
      if (notInOffice.length)
        throw new DomainError('DEPUTY_NOT_IN_OFFICE', `${notInOffice.map((d) => d.name).join('、')}已不在任，不能邀请列席`);
      const added = await repo.insertAttendees(
        tx,
        found.map((d) => ({ meetingId, role: 'observer', deputyId: d.id, name: d.name, createdAt: now })),
      );
      await recordAudit(tx, ctx, {
        entity: 'meeting',
        entityId: meetingId,
        bodyId: row.meeting.bodyId,
        action: 'invite',
        after: { observers: added.map((a) => a.name) },
      });
    } else {
      const unit = await findUnitInScope(tx, ctx.actor, input.unitId);
      if (!unit) throw notFound('报告单位', { unitId: input.unitId });
      if (!unit.active) throw new DomainError('UNIT_INACTIVE', `${unit.name}已停用，不能邀请报告`);
      await repo.insertAttendees(tx, [
        { meetingId, role: 'reporter', unitId: unit.id, name: unit.name, reporter: input.reporter, createdAt: now },
      ]);
      await recordAudit(tx, ctx, {
        entity: 'meeting',
        entityId: meetingId,
        bodyId: row.meeting.bodyId,
        action: 'invite',
        after: { reporter: unit.name },
      });
    }
    return getMeeting(tx, ctx, meetingId);
  });
}

/** Sign-in happens on the meeting's days, once it has been notified and before it closes. */
function requireSignInOpen(m: MeetingRecord) {
  if (m.state !== 'notified' && m.state !== 'in_session')
    throw new DomainError(
      'MEETING_SIGN_IN_CLOSED',
      m.state === 'closed' ? '会议已闭会，不能签到' : '会议尚未通知，不能签到',
      { state: m.state },
      409,
    );
  const today = chinaDate(clock.now());
  if (today < m.startsOn || today > m.endsOn)
    throw new DomainError('MEETING_NOT_TODAY', `签到仅限会议期间（${m.startsOn} 至 ${m.endsOn}）`, { today }, 409);
}

/** Replies and leave requests are taken until the meeting closes, and not from one who has signed in. */
function requireCanReply(m: MeetingRecord, a: AttendeeRecord) {
  if (m.state === 'planned' || m.state === 'closed')
    throw new DomainError('MEETING_REPLY_CLOSED', m.state === 'closed' ? '会议已闭会' : '会议尚未通知', { state: m.state }, 409);
  if (a.signedInAt) throw new DomainError('MEETING_ALREADY_SIGNED_IN', `${a.name}已签到，不能再请假`, undefined, 409);
}

const replyPatch = (input: { response: 'confirmed' | 'leave'; leaveReason: string | null }, now: Date) => ({
  response: input.response,
  leaveReason: input.response === 'leave' ? input.leaveReason : null,
  respondedAt: now,
});

/** Staff sign a member in (代签) or out (离席), or record a reply brought by phone. */
export async function staffAttendance(db: Db, ctx: ActorContext, meetingId: string, attendeeId: string, input: AttendanceInput) {
  return db.transaction(async (tx) => {
    const row = await requireMeeting(tx, ctx, meetingId, true);
    const a = await repo.getAttendee(tx, meetingId, attendeeId);
    if (!a) throw notFound('参会人员', { attendeeId });
    const now = clock.now();
    let patch: Partial<AttendeeRecord>;
    if (input.action === 'signIn') {
      requireSignInOpen(row.meeting);
      patch = {
        signedInAt: a.signedInAt ?? now,
        signInWay: a.signInWay ?? 'staff',
        signedInBy: a.signedInBy ?? ctx.actor.id,
        leftAt: null,
      };
    } else if (input.action === 'signOut') {
      if (row.meeting.state !== 'in_session' || !a.signedInAt)
        throw new DomainError('MEETING_SIGN_OUT_REFUSED', '只有会议中已签到的人员可以登记离席', undefined, 409);
      patch = { leftAt: now };
    } else {
      requireCanReply(row.meeting, a);
      if (input.action === 'leave' && !input.leaveReason)
        throw new DomainError('MEETING_LEAVE_REASON', '请假请填写事由', { fields: [{ path: 'leaveReason', message: '请填写请假事由' }] });
      patch = replyPatch({ response: input.action === 'leave' ? 'leave' : 'confirmed', leaveReason: input.leaveReason }, now);
    }
    const after = await repo.updateAttendee(tx, a.id, patch);
    await recordAudit(tx, ctx, {
      entity: 'meeting_attendee',
      entityId: a.id,
      bodyId: row.meeting.bodyId,
      action: input.action === 'confirm' || input.action === 'leave' ? 'reply' : input.action,
      before: presentAttendee(a),
      after: presentAttendee(after),
    });
    return getMeeting(tx, ctx, meetingId);
  });
}

// ---- the deputy's own side: a phone page ----

async function actingDeputy(db: Executor, ctx: ActorContext) {
  const found = await getDeputyByUser(db, ctx.actor.id);
  if (!found) throw forbidden('您的账号没有关联代表信息');
  return found.deputy;
}

async function requireMine(db: Executor, ctx: ActorContext, meetingId: string) {
  const deputy = await actingDeputy(db, ctx);
  const row = await repo.getMeetingForAttendee(db, meetingId);
  const you = row && row.meeting.state !== 'planned' ? await repo.attendeeOfDeputy(db, meetingId, deputy.id) : undefined;
  if (!row || !you) throw notFound('会议', { id: meetingId });
  return { row, you };
}

export async function myMeetings(db: Db, ctx: ActorContext, show: MyMeetingsShow = 'all') {
  const deputy = await actingDeputy(db, ctx);
  const rows = await repo.meetingsOfDeputy(db, deputy.id, show);
  const out = [];
  for (const row of rows) out.push(presentMeeting(row, await repo.listAttendees(db, row.meeting.id), false));
  return out;
}

/** What a member or observer reads on the phone: the agenda, and its documents once published. */
export async function myMeeting(db: Executor, ctx: ActorContext, meetingId: string): Promise<MyMeeting> {
  const { row, you } = await requireMine(db, ctx, meetingId);
  const items = await repo.listItems(db, meetingId);
  const published = !!row.meeting.materialsPublishedAt;
  const docs = published
    ? await repo.documentsOf(
        db,
        items.map((i) => i.id),
      )
    : new Map();
  const votes = await itemVotes(db, ctx, items);
  return {
    ...presentMeeting(row, await repo.listAttendees(db, meetingId), false),
    agenda: items.map((i) => presentItem(i, docs.get(i.id) ?? [], votes.get(i.id))),
    you: presentAttendee(you),
  };
}

/** The owner of a published document the deputy may read: one of the meeting's agenda items. */
export async function myDocumentOwner(db: Executor, ctx: ActorContext, meetingId: string, itemId: string) {
  const { row } = await requireMine(db, ctx, meetingId);
  if (!row.meeting.materialsPublishedAt || !(await repo.getItem(db, meetingId, itemId))) throw notFound('会议材料');
  return { ownerEntity: 'meeting_item', ownerId: itemId };
}

export async function reply(db: Db, ctx: ActorContext, meetingId: string, input: MeetingReplyInput) {
  return db.transaction(async (tx) => {
    const { row, you } = await requireMine(tx, ctx, meetingId);
    requireCanReply(row.meeting, you);
    const after = await repo.updateAttendee(tx, you.id, replyPatch(input, clock.now()));
    await recordAudit(tx, ctx, {
      entity: 'meeting_attendee',
      entityId: you.id,
      bodyId: row.meeting.bodyId,
      action: 'reply',
      before: presentAttendee(you),
      after: presentAttendee(after),
    });
    return myMeeting(tx, ctx, meetingId);
  });
}

/** The member scans the hall's QR code, signed in on their phone: the code proves they are in the hall. */
export async function qrSignIn(db: Db, ctx: ActorContext, meetingId: string, code: string) {
  return db.transaction(async (tx) => {
    const { row, you } = await requireMine(tx, ctx, meetingId);
    if (code !== row.meeting.signInCode) throw new DomainError('MEETING_SIGN_IN_CODE', '签到码无效，请扫描会场的签到二维码');
    requireSignInOpen(row.meeting);
    if (you.signedInAt && !you.leftAt) return myMeeting(tx, ctx, meetingId);
    const after = await repo.updateAttendee(tx, you.id, {
      signedInAt: clock.now(),
      signInWay: 'qr',
      signedInBy: ctx.actor.id,
      leftAt: null,
    });
    await recordAudit(tx, ctx, {
      entity: 'meeting_attendee',
      entityId: you.id,
      bodyId: row.meeting.bodyId,
      action: 'signIn',
      before: presentAttendee(you),
      after: presentAttendee(after),
    });
    return myMeeting(tx, ctx, meetingId);
  });
}

/** 出席情况: each member's attendance at the body's meetings held in the year. */
export async function attendanceOfYear(db: Db, ctx: ActorContext, bodyId: string, year: number): Promise<AttendanceRecord[]> {
  await requireBodyInScope(db, ctx.actor, bodyId);
  const rows = await repo.attendanceOfYear(db, bodyId, year);
  return rows.map((r) => ({ ...r, deputyId: r.deputyId!, absent: r.expected - r.present - r.onLeave }));
}
