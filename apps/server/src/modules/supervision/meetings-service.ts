import { can, type JointMeeting, type JointMeetingInput } from '@renda/shared';
import type { Db, Executor } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import { clock } from '../../platform/clock.js';
import type { ActorContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { requireBodyInScope } from '../../platform/scope.js';
import { followUpsOf, type FollowUpSubjectSource } from '../followups/index.js';
import type { MeetingLine } from './documents.js';
import * as repo from './meetings-repository.js';

/**
 * 联席会议 (seed 000): the standing committee meets the “one government, one commission, two courts” to
 * arrange research before meetings and the reports to be heard; each decision (议定事项) is a follow-up task
 * with its owner and deadline until done (`meetingFollowUps`).
 */
function present(meetings: repo.MeetingRow[]): JointMeeting[] {
  return meetings.map((m) => ({
    id: m.id,
    bodyId: m.bodyId,
    title: m.title,
    heldOn: m.heldOn,
    place: m.place,
    agenda: m.agenda,
    attendees: m.attendees,
  }));
}

async function requireMeeting(db: Executor, ctx: ActorContext, id: string, forUpdate = false) {
  const m = await repo.getMeeting(db, ctx.actor, id, forUpdate);
  if (!m) throw notFound('联席会议', { id });
  return m;
}

const one = async (db: Executor, ctx: ActorContext, id: string) => present([await requireMeeting(db, ctx, id)])[0]!;

export const listMeetings = async (db: Executor, ctx: ActorContext) => present(await repo.listMeetings(db, ctx.actor));

/** The meetings of the list, each with its decisions (the follow-up tasks), for the Excel export. */
export async function meetingLines(db: Executor, ctx: ActorContext): Promise<MeetingLine[]> {
  const meetings = await listMeetings(db, ctx);
  const decisions = await Promise.all(meetings.map((m) => followUpsOf(db, { subjectType: 'joint_meeting', subjectId: m.id })));
  return meetings.flatMap((meeting, i): MeetingLine[] => {
    const tasks = decisions[i]!;
    return tasks.length ? tasks.map((decision) => ({ meeting, decision })) : [{ meeting, decision: null }];
  });
}

export const createMeeting = (db: Db, ctx: ActorContext, input: JointMeetingInput) =>
  db.transaction(async (tx) => {
    await requireBodyInScope(tx, ctx.actor, input.bodyId);
    const m = await repo.insertMeeting(tx, { ...input, createdAt: clock.now() });
    await recordAudit(tx, ctx, { entity: 'joint_meeting', entityId: m.id, bodyId: m.bodyId, action: 'create', after: input });
    return one(tx, ctx, m.id);
  });

/** A joint meeting's decisions are its follow-up tasks: the staff who run supervision see and manage them. */
export const meetingFollowUps: FollowUpSubjectSource = {
  async describe(db, id) {
    const m = await repo.getMeeting(db, { bodyPath: '/' }, id);
    return m && { bodyId: m.bodyId, title: m.title, link: '/supervision/joint-meetings' };
  },
  async access(db, ctx, id) {
    if (!can(ctx.actor.role, 'supervision.manage')) return null;
    return (await repo.getMeeting(db, ctx.actor, id)) ? { manage: true } : null;
  },
};
