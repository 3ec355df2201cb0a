import {
  appointmentStateLabel,
  voterRatingLabel,
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
import { refuseFutureDate } from '../../platform/deadlines.js';
import { DomainError, forbidden, notFound } from '../../platform/errors.js';
import type { Notifier } from '../../platform/notifications.js';
import { type Column, workbook } from '../../platform/documents.js';
import { EXPORT_LIMIT, pageResult } from '../../platform/pagination.js';
import { usersOfUnit } from '../../platform/recipients.js';
import { applyAction, type Effect, type Machine, type Notice } from '../../platform/workflow.js';
import { findDeputiesByIds, recordDuty } from '../deputies/index.js';
import * as repo from './repository.js';
import { ownOf } from './service.js';
import { appointmentWorkflow } from './workflow.js';

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
    allowedActions: appointmentWorkflow.allowedActions(state, { role: ctx.actor.role }),
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

/** Times as people there read them (Beijing time), e.g. 2026/12/01 10:00. */
const beijingTime = (at: Date) =>
  at.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short', hour12: false });
const beijingTimeOf = (iso: string | null) => (iso ? beijingTime(new Date(iso)) : null);

const exportColumns: Column<Appointment>[] = [
  { header: '约见事项', key: 'topic', width: 36, value: (a) => a.topic },
  { header: '代表', key: 'deputy', width: 10, value: (a) => a.deputyName },
  { header: '代表小组', key: 'group', width: 18, value: (a) => a.groupName },
  { header: '约见机关', key: 'unit', width: 26, value: (a) => a.unitName },
  { header: '约见负责人', key: 'official', width: 14, value: (a) => a.official },
  { header: '状态', key: 'state', width: 10, value: (a) => a.stateLabel },
  { header: '约见时间', key: 'scheduledAt', width: 18, value: (a) => beijingTimeOf(a.scheduledAt) },
  { header: '地点', key: 'place', width: 20, value: (a) => a.place },
  { header: '见面日期', key: 'heldOn', width: 12, value: (a) => a.heldOn },
  { header: '代表测评', key: 'rating', width: 10, value: (a) => (a.rating ? voterRatingLabel[a.rating] : null) },
  { header: '提出时间', key: 'createdAt', width: 18, value: (a) => beijingTimeOf(a.createdAt) },
  { header: '所属人大', key: 'body', width: 22, value: (a) => a.bodyName },
];

/** The list as filtered and as the actor may see it (a deputy their own, an agency those with it), as an Excel workbook. */
export async function exportAppointments(db: Db, ctx: ActorContext, q: Omit<AppointmentQuery, 'page' | 'pageSize'>): Promise<Buffer> {
  const rows = await repo.listAppointments(db, ctx.actor, q, await ownOf(db, ctx), EXPORT_LIMIT);
  return workbook(
    '代表约见',
    exportColumns,
    rows.map((r) => present(r, ctx)),
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

// ---- the steps of an appointment, on the shared workflow engine ----
/** An appointment with the names around it: the deputy (and their account), the agency, the group. */
type Item = repo.AppointmentRow['appointment'] & Omit<repo.AppointmentRow, 'appointment'>;
type Step = (typeof appointmentWorkflow.transitions)[number];
type AppointmentEffect = Effect<Item, Step, AppointmentAction, AppointmentActionInput>;

const itemOf = ({ appointment, ...names }: repo.AppointmentRow): Item => ({ ...appointment, ...names });

/** Who hears of a step: the deputy of what staff decided, the agency of what it must attend to. */
const toDeputy = (a: Item, body: string): Notice => ({ userIds: [a.deputyUserId], title: '约见进展', body });
const toUnit = async (tx: Executor, a: Item, body: string): Promise<Notice> => ({
  userIds: (await usersOfUnit(tx, a.unitId)).map((u) => u.id),
  title: '代表约见',
  body,
});

/** What each step writes beside the new state, recorded in the trail as written. */
const written = (patch: Partial<Item>, notices: Notice[] = []) => ({ patch, detail: patch, notices });

/** The meeting is part of the deputy's work: it enters the duty log once, when it is recorded. */
const writeDuty = (tx: Executor, a: Item, heldOn: string, actorId: string) =>
  recordDuty(
    tx,
    {
      bodyId: a.bodyId,
      kind: 'other',
      occurredOn: heldOn,
      place: a.place,
      title: `约见${a.unitName}${a.official}：${a.topic}`,
      description: null,
      votersReceived: 0,
      source: 'contact',
      recordedBy: actorId,
    },
    [a.deputyId],
  );

const effects: Partial<Record<AppointmentAction, AppointmentEffect>> = {
  approve: async ({ item: a }) => written({}, [toDeputy(a, `您提出的约见“${a.topic}”已同意，时间地点安排后另行通知。`)]),
  decline: async ({ item: a, input }) =>
    written({ declineReason: input.reason ?? null }, [toDeputy(a, `您提出的约见“${a.topic}”未获同意：${input.reason ?? ''}`)]),
  schedule: async ({ tx, item: a, input, now }) => {
    const scheduledAt = new Date(input.scheduledAt!);
    if (scheduledAt < now)
      throw new DomainError('APPOINTMENT_TIME_PAST', '约见时间不能早于现在', {
        fields: [{ path: 'scheduledAt', message: '不能早于现在' }],
      });
    const when = `${beijingTime(scheduledAt)}，${input.place ?? ''}`;
    return written({ scheduledAt, place: input.place ?? null }, [
      toDeputy(a, `约见“${a.topic}”已安排：${when}。`),
      await toUnit(tx, a, `${a.deputyName}代表约见${a.official}，事项“${a.topic}”，时间地点：${when}。`),
    ]);
  },
  recordMeeting: async ({ tx, ctx, item: a, input }) => {
    refuseFutureDate(input.heldOn!, { code: 'APPOINTMENT_DATE_FUTURE', message: '约见日期不能晚于今天', path: 'heldOn' });
    const dutyRecordId = await writeDuty(tx, a, input.heldOn!, ctx.actor.id);
    return written(
      { heldOn: input.heldOn ?? null, attendees: input.attendees ?? null, meetingNotes: input.meetingNotes ?? null, dutyRecordId },
      [await toUnit(tx, a, `${a.deputyName}代表约见事项“${a.topic}”已约见，请反馈办理承诺及结果。`)],
    );
  },
  recordOutcome: async ({ item: a, input }) =>
    written({ commitment: input.commitment ?? null, followUp: input.followUp ?? null }, [
      toDeputy(a, `${a.unitName}已反馈约见事项“${a.topic}”的办理结果，请评价。`),
    ]),
  rate: async ({ input }) => written({ rating: input.rating ?? null, ratingComment: input.comment ?? null }),
  cancel: async ({ input }) => written({ cancelReason: input.reason ?? null }),
};

const appointmentMachine: Machine<Item, AppointmentState, AppointmentAction, never, never, Step, AppointmentActionInput> = {
  workflow: appointmentWorkflow,
  entity: 'appointment',
  load: async (tx, ctx, id) => itemOf(await requireAppointment(tx, ctx, id, true)),
  stateOf: (a) => a.state as AppointmentState,
  bodyOf: (a) => a.bodyId,
  standing: async (_tx, ctx) => ({ role: ctx.actor.role }),
  effects,
  async save(tx, a, to, patch, now) {
    const columns = { ...patch, state: to, updatedAt: now };
    await repo.updateAppointment(tx, a.id, columns);
    return { ...a, ...columns };
  },
  link: (a) => `/deputies/appointments/${a.id}`,
};

export async function act(
  db: Db,
  notifier: Notifier,
  ctx: ActorContext,
  id: string,
  action: AppointmentAction,
  input: AppointmentActionInput,
) {
  return db.transaction(async (tx) => {
    await applyAction(tx, notifier, appointmentMachine, ctx, id, action, input);
    return getAppointment(tx, ctx, id);
  });
}
