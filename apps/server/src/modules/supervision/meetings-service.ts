import type { DecisionInput, JointMeeting, JointMeetingInput } from '@renda/shared';
import type { Db, Executor } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import { clock } from '../../platform/clock.js';
import type { ActorContext } from '../../platform/context.js';
import { chinaDate } from '../../platform/deadlines.js';
import { conflict, notFound } from '../../platform/errors.js';
import { requireBodyInScope } from '../../platform/scope.js';
import * as repo from './meetings-repository.js';

/**
 * 联席会议 (seed 000): the standing committee meets the “one government, one commission, two courts” to
 * arrange research before meetings and the reports to be heard; each decision is tracked as a task with
 * its owner and deadline until done.
 */
async function present(db: Executor, meetings: repo.MeetingRow[]): Promise<JointMeeting[]> {
  const decisions = await repo.decisionsOf(
    db,
    meetings.map((m) => m.id),
  );
  const today = chinaDate(clock.now());
  return meetings.map((m) => ({
    id: m.id,
    bodyId: m.bodyId,
    title: m.title,
    heldOn: m.heldOn,
    place: m.place,
    agenda: m.agenda,
    attendees: m.attendees,
    decisions: decisions
      .filter((d) => d.meetingId === m.id)
      .map((d) => ({
        id: d.id,
        content: d.content,
        owner: d.owner,
        dueOn: d.dueOn,
        done: d.done,
        doneAt: d.doneAt?.toISOString() ?? null,
        overdue: !d.done && d.dueOn < today,
      })),
  }));
}

async function requireMeeting(db: Executor, ctx: ActorContext, id: string, forUpdate = false) {
  const m = await repo.getMeeting(db, ctx.actor, id, forUpdate);
  if (!m) throw notFound('联席会议', { id });
  return m;
}

const one = async (db: Executor, ctx: ActorContext, id: string) => (await present(db, [await requireMeeting(db, ctx, id)]))[0]!;

export const listMeetings = async (db: Executor, ctx: ActorContext) => present(db, await repo.listMeetings(db, ctx.actor));

export const createMeeting = (db: Db, ctx: ActorContext, input: JointMeetingInput) =>
  db.transaction(async (tx) => {
    await requireBodyInScope(tx, ctx.actor, input.bodyId);
    const m = await repo.insertMeeting(tx, { ...input, createdAt: clock.now() });
    await recordAudit(tx, ctx, { entity: 'joint_meeting', entityId: m.id, bodyId: m.bodyId, action: 'create', after: input });
    return one(tx, ctx, m.id);
  });

export const addDecision = (db: Db, ctx: ActorContext, id: string, input: DecisionInput) =>
  db.transaction(async (tx) => {
    const m = await requireMeeting(tx, ctx, id, true);
    const d = await repo.insertDecision(tx, { meetingId: id, ...input, createdAt: clock.now() });
    await recordAudit(tx, ctx, {
      entity: 'joint_meeting',
      entityId: id,
      bodyId: m.bodyId,
      action: 'addDecision',
      after: { decisionId: d.id, ...input },
    });
    return one(tx, ctx, id);
  });

export const completeDecision = (db: Db, ctx: ActorContext, id: string, decisionId: string) =>
  db.transaction(async (tx) => {
    const m = await requireMeeting(tx, ctx, id, true);
    const d = await repo.completeDecision(tx, id, decisionId, clock.now());
    if (!d) throw conflict('DECISION_NOT_OPEN', '议定事项不存在或已完成');
    await recordAudit(tx, ctx, {
      entity: 'joint_meeting',
      entityId: id,
      bodyId: m.bodyId,
      action: 'completeDecision',
      after: { decisionId },
    });
    return one(tx, ctx, id);
  });
