import {
  appointmentActionLabel,
  appointmentStateLabel,
  type Appointment,
  type AppointmentAction,
  type AppointmentActionInput,
  type AppointmentInput,
  type AppointmentQuery,
  type AppointmentState,
  type Page,
  type VoterRating,
} from '@renda/shared';
import type { Db, Executor } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import { clock } from '../../platform/clock.js';
import type { ActorContext } from '../../platform/context.js';
import { conflict, DomainError, forbidden, notFound } from '../../platform/errors.js';
import type { Notifier } from '../../platform/notifications.js';
import { pageResult } from '../../platform/pagination.js';
import { findDeputiesByIds, insertDuty, setParticipants } from '../deputies/index.js';
import * as repo from './repository.js';
import { ownOf, today } from './service.js';
import { allowedActions, findTransition, missingFields } from './workflow.js';

function present(r: repo.AppointmentRow, ctx: ActorContext): Appointment {
  const a = r.appointment;
  const state = a.state as AppointmentState;
  return {
    id: a.id,
    bodyId: a.bodyId,
    bodyName: r.bodyName,
    deputyId: a.deputyId,
    deputyName: r.deputyName,
    groupId: a.groupId,
    groupName: r.groupName,
    unitId: a.unitId,
    unitName: r.unitName,
    official: a.official,
    topic: a.topic,
    reason: a.reason,
    state,
    stateLabel: appointmentStateLabel[state],
    declineReason: a.declineReason,
    scheduledAt: a.scheduledAt?.toISOString() ?? null,
    place: a.place,
    attendees: a.attendees,
    meetingNotes: a.meetingNotes,
    heldOn: a.heldOn,
    commitment: a.commitment,
    followUp: a.followUp,
    rating: (a.rating as VoterRating | null) ?? null,
    ratingComment: a.ratingComment,
    cancelReason: a.cancelReason,
    allowedActions: allowedActions(state, ctx.actor.role),
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt?.toISOString() ?? null,
  };
}

export async function pageAppointments(db: Db, ctx: ActorContext, q: AppointmentQuery): Promise<Page<Appointment>> {
  const { rows, total } = await repo.pageAppointments(db, ctx.actor, q, await ownOf(db, ctx));
  return pageResult(
    rows.map((r) => present(r, ctx)),
    total,
    q,
  );
}

async function requireAppointment(db: Executor, ctx: ActorContext, id: string, forUpdate = false) {
  const row = await repo.getAppointment(db, ctx.actor, await ownOf(db, ctx), id, forUpdate);
  if (!row) throw notFound('约见', { id });
  return row;
}

export async function getAppointment(db: Executor, ctx: ActorContext, id: string) {
  return present(await requireAppointment(db, ctx, id), ctx);
}

/** 提出约见: a deputy names the agency, the head to meet and the matter, alone or for their group. */
export async function requestAppointment(db: Db, ctx: ActorContext, input: AppointmentInput) {
  return db.transaction(async (tx) => {
    const { deputyId } = await ownOf(tx, ctx);
    if (!deputyId) throw forbidden('约见由代表本人提出');
    const [deputy] = await findDeputiesByIds(tx, ctx.actor, [deputyId]);
    if (!deputy || deputy.status !== 'in_office') throw new DomainError('DEPUTY_NOT_IN_OFFICE', '不在任的代表不能提出约见');
    const unit = await repo.findUnit(tx, ctx.actor, input.unitId);
    if (!unit) throw notFound('国家机关', { unitId: input.unitId });
    if (input.groupId && !(await repo.groupOfDeputy(tx, input.groupId, deputyId)))
      throw new DomainError('NOT_GROUP_MEMBER', '只能以本人所在的代表小组名义提出约见', {
        fields: [{ path: 'groupId', message: '不是本人所在的代表小组' }],
      });
    const id = await repo.insertAppointment(tx, {
      ...input,
      bodyId: deputy.bodyId,
      deputyId,
      state: 'requested',
      requestedBy: ctx.actor.id,
      createdAt: clock.now(),
    });
    await recordAudit(tx, ctx, { entity: 'appointment', entityId: id, bodyId: deputy.bodyId, action: 'request', after: input });
    return getAppointment(tx, ctx, id);
  });
}

/** What an action writes on the appointment, after its required fields have been checked. */
function effects(action: AppointmentAction, input: AppointmentActionInput) {
  switch (action) {
    case 'decline':
      return { declineReason: input.reason ?? null };
    case 'schedule':
      return { scheduledAt: new Date(input.scheduledAt!), place: input.place ?? null };
    case 'recordMeeting':
      return { heldOn: input.heldOn ?? null, attendees: input.attendees ?? null, meetingNotes: input.meetingNotes ?? null };
    case 'recordOutcome':
      return { commitment: input.commitment ?? null, followUp: input.followUp ?? null };
    case 'rate':
      return { rating: input.rating ?? null, ratingComment: input.comment ?? null };
    case 'cancel':
      return { cancelReason: input.reason ?? null };
    case 'approve':
      return {};
  }
}

function checkDates(action: AppointmentAction, input: AppointmentActionInput) {
  if (action === 'schedule' && new Date(input.scheduledAt!) < clock.now())
    throw new DomainError('APPOINTMENT_TIME_PAST', '约见时间不能早于现在', { fields: [{ path: 'scheduledAt', message: '不能早于现在' }] });
  if (action === 'recordMeeting' && input.heldOn! > today())
    throw new DomainError('APPOINTMENT_DATE_FUTURE', '约见日期不能晚于今天', { fields: [{ path: 'heldOn', message: '不能晚于今天' }] });
}

/** The meeting is part of the deputy's work: it enters the duty log once, when it is recorded. */
async function writeDuty(tx: Executor, r: repo.AppointmentRow, heldOn: string, actorId: string) {
  const a = r.appointment;
  const id = await insertDuty(tx, {
    bodyId: a.bodyId,
    kind: 'other',
    occurredOn: heldOn,
    place: a.place,
    title: `约见${r.unitName}${a.official}：${a.topic}`,
    description: null,
    votersReceived: 0,
    source: 'contact',
    recordedBy: actorId,
    createdAt: clock.now(),
  });
  await setParticipants(tx, { id, occurredOn: heldOn, kind: 'other', gridCellId: null }, [a.deputyId]);
  return id;
}

/** Times in messages as people there read them (Beijing time), e.g. 2026/12/01 10:00. */
const beijingTime = (at: Date) =>
  at.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short', hour12: false });

/** Who hears of a step: the deputy of what staff decided, the agency of what it must attend to. */
async function notifyStep(tx: Executor, notifier: Notifier, r: repo.AppointmentRow, action: AppointmentAction) {
  const a = r.appointment;
  const link = `/deputies/appointments/${a.id}`;
  const toDeputy = async (body: string) => {
    if (r.deputyUserId) await notifier.notify(tx, { userId: r.deputyUserId, title: '约见进展', body, link });
  };
  const toUnit = async (body: string) => {
    for (const u of await repo.unitUsers(tx, a.unitId)) await notifier.notify(tx, { userId: u.id, title: '代表约见', body, link });
  };
  if (action === 'approve') await toDeputy(`您提出的约见“${a.topic}”已同意，时间地点安排后另行通知。`);
  if (action === 'decline') await toDeputy(`您提出的约见“${a.topic}”未获同意：${a.declineReason ?? ''}`);
  if (action === 'schedule') {
    const when = `${a.scheduledAt ? beijingTime(a.scheduledAt) : ''}，${a.place ?? ''}`;
    await toDeputy(`约见“${a.topic}”已安排：${when}。`);
    await toUnit(`${r.deputyName}代表约见${a.official}，事项“${a.topic}”，时间地点：${when}。`);
  }
  if (action === 'recordMeeting') await toUnit(`${r.deputyName}代表约见事项“${a.topic}”已约见，请反馈办理承诺及结果。`);
  if (action === 'recordOutcome') await toDeputy(`${r.unitName}已反馈约见事项“${a.topic}”的办理结果，请评价。`);
}

export async function act(
  db: Db,
  notifier: Notifier,
  ctx: ActorContext,
  id: string,
  action: AppointmentAction,
  input: AppointmentActionInput,
) {
  return db.transaction(async (tx) => {
    const row = await requireAppointment(tx, ctx, id, true);
    const state = row.appointment.state as AppointmentState;
    const step = findTransition(state, action, ctx.actor.role);
    if (!step)
      throw conflict(
        'APPOINTMENT_ACTION_NOT_ALLOWED',
        `当前状态（${appointmentStateLabel[state]}）不能执行“${appointmentActionLabel[action]}”`,
        {
          state,
          action,
        },
      );
    const missing = missingFields(step, input);
    if (missing.length) throw new DomainError('APPOINTMENT_FIELDS_MISSING', `请填写${missing.join('、')}`, { missing });
    checkDates(action, input);
    const patch = { state: step.to, ...effects(action, input), updatedAt: clock.now() };
    const dutyRecordId = action === 'recordMeeting' ? await writeDuty(tx, row, input.heldOn!, ctx.actor.id) : undefined;
    await repo.updateAppointment(tx, id, { ...patch, ...(dutyRecordId ? { dutyRecordId } : {}) });
    const after = await requireAppointment(tx, ctx, id);
    await notifyStep(tx, notifier, after, action);
    await recordAudit(tx, ctx, {
      entity: 'appointment',
      entityId: id,
      bodyId: row.appointment.bodyId,
      action,
      before: { state },
      after: { ...patch, dutyRecordId },
    });
    return present(after, ctx);
  });
}
