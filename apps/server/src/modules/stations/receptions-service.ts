import { receptionStateLabel, type ReceptionAction, type ReceptionSession, type ReceptionState } from '@renda/shared';
import type { z } from 'zod';
import type { closeSessionInput, concernInput, signInInput } from '@renda/shared';
import type { Db, Executor } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import { clock } from '../../platform/clock.js';
import type { ActorContext } from '../../platform/context.js';
import { refuseFutureDate } from '../../platform/deadlines.js';
import { DomainError, forbidden, notFound } from '../../platform/errors.js';
import type { Notifier } from '../../platform/notifications.js';
import { workbook } from '../../platform/documents.js';
import { applyAction, type Effect, type Machine } from '../../platform/workflow.js';
import { findDeputiesByIds, getDeputyByUser, recordDuty } from '../deputies/index.js';
import { registerVisitConcern } from '../opinions/index.js';
import * as repo from './repository.js';
import { requireStation } from './stations-service.js';
import { receptionWorkflow } from './workflow.js';

// ---- reception sessions ----
async function presentSession(
  db: Executor,
  ctx: ActorContext,
  s: NonNullable<Awaited<ReturnType<typeof repo.getSession>>>,
  stationName: string,
): Promise<ReceptionSession> {
  const [signins, concerns] = await Promise.all([repo.signinsOf(db, s.id), repo.concernsOf(db, s.id)]);
  return {
    id: s.id,
    stationId: s.stationId,
    stationName,
    rotaId: s.rotaId,
    heldOn: s.heldOn,
    topic: s.topic,
    responsibleName: s.responsibleName,
    committee: s.committee,
    votersReceived: s.votersReceived,
    notes: s.notes,
    state: s.state as ReceptionState,
    allowedActions: receptionWorkflow.allowedActions(s.state as ReceptionState, { role: ctx.actor.role }),
    signedIn: signins.map((x) => ({ id: x.id, name: x.name, signedAt: x.signedAt.toISOString() })),
    concerns: concerns.map((c) => ({
      id: c.id,
      content: c.content,
      visitorName: c.visitorName,
      visitorPhone: c.visitorPhone,
      contactConsent: c.contactConsent,
      resolvedOnSite: c.resolvedOnSite,
      opinionId: c.opinionId,
      createdAt: c.createdAt.toISOString(),
    })),
    dutyRecordId: s.dutyRecordId,
    createdAt: s.createdAt.toISOString(),
  };
}

async function requireSession(db: Executor, ctx: ActorContext, id: string) {
  const session = await repo.getSession(db, id);
  if (!session) throw notFound('接待记录', { id });
  const station = await repo.getStation(db, ctx.actor, session.stationId);
  if (!station) throw notFound('接待记录', { id });
  return { session, station };
}

export async function getSession(db: Executor, ctx: ActorContext, id: string) {
  const { session, station } = await requireSession(db, ctx, id);
  return presentSession(db, ctx, session, station.station.name);
}

export async function listSessions(db: Db, ctx: ActorContext, stationId: string) {
  const station = await requireStation(db, ctx, stationId);
  const rows = await repo.pageSessions(db, stationId, 100);
  return Promise.all(rows.map((s) => presentSession(db, ctx, s, station.station.name)));
}

export async function openSession(
  db: Db,
  ctx: ActorContext,
  stationId: string,
  input: { rotaId: string | null; heldOn: string; topic: string; responsibleName: string; committee: string | null },
) {
  return db.transaction(async (tx) => {
    const station = await requireStation(tx, ctx, stationId);
    refuseFutureDate(input.heldOn, { code: 'SESSION_DATE_FUTURE', message: '接待日期不能晚于今天', path: 'heldOn' });
    if (input.rotaId) {
      const r = await repo.getRota(tx, input.rotaId);
      if (!r || r.rota.stationId !== stationId) throw notFound('排班', { rotaId: input.rotaId });
      if (r.sessionId) throw new DomainError('ROTA_SESSION_EXISTS', '该排班已有接待记录', { sessionId: r.sessionId }, 409);
    }
    const id = await repo.insertSession(tx, { ...input, stationId, createdBy: ctx.actor.id, createdAt: clock.now() });
    const created = await getSession(tx, ctx, id);
    await recordAudit(tx, ctx, {
      entity: 'reception_session',
      entityId: id,
      bodyId: station.station.bodyId,
      action: 'open',
      after: created,
    });
    return created;
  });
}

// ---- the steps of a reception, on the shared workflow engine ----
/** What any step may carry; each route validates its own part (receptionActions in packages/shared). */
type Input = Partial<z.infer<typeof signInInput> & z.infer<typeof concernInput> & z.infer<typeof closeSessionInput>>;
/** A session with the station it is held at (its body, name and address). */
type Reception = repo.SessionRow & { station: repo.StationRow['station'] };
type Step = (typeof receptionWorkflow.transitions)[number];
type ReceptionEffect = Effect<Reception, Step, ReceptionAction, Input>;

/** Staff sign in any deputy in office; a deputy signs in only themself. */
async function deputyToSignIn(tx: Executor, ctx: ActorContext, deputyId: string | null) {
  let id = deputyId;
  if (ctx.actor.role === 'deputy') {
    const own = await getDeputyByUser(tx, ctx.actor.id);
    if (!own) throw new DomainError('DEPUTY_NOT_LINKED', '您的账号尚未关联代表名册，请联系人大机关工作人员', undefined, 404);
    if (deputyId && deputyId !== own.deputy.id) throw forbidden('代表只能为本人签到');
    id = own.deputy.id;
  }
  if (!id) throw new DomainError('DEPUTY_REQUIRED', '请选择签到的代表', { fields: [{ path: 'deputyId', message: '请选择代表' }] });
  const [found] = ctx.actor.role === 'deputy' ? [{ id, status: 'in_office', name: '' }] : await findDeputiesByIds(tx, ctx.actor, [id]);
  if (!found) throw notFound('代表', { deputyId: id });
  if (found.status !== 'in_office') throw new DomainError('DEPUTY_NOT_IN_OFFICE', `${found.name}已不在任，不能签到`);
  return id;
}

const signIn: ReceptionEffect = async ({ tx, ctx, item, input, now }) => {
  const deputyId = await deputyToSignIn(tx, ctx, input.deputyId ?? null);
  if (!(await repo.insertSignin(tx, item.id, deputyId, now))) throw new DomainError('ALREADY_SIGNED_IN', '该代表已签到', undefined, 409);
  return { detail: { deputyId } };
};

/** What was not settled on the spot becomes a public opinion, followed to a reply like any other. */
const addConcern: ReceptionEffect = async ({ tx, ctx, item, input, now }) => {
  const concern = {
    content: input.content!,
    visitorName: input.visitorName ?? null,
    visitorPhone: input.visitorPhone ?? null,
    // Consent is to hand on a phone: none without one.
    contactConsent: Boolean(input.visitorPhone) && (input.contactConsent ?? false),
    resolvedOnSite: input.resolvedOnSite ?? false,
  };
  const opinion = concern.resolvedOnSite
    ? null
    : await registerVisitConcern(tx, ctx, {
        bodyId: item.station.bodyId,
        stationId: item.station.id,
        content: concern.content,
        citizenName: concern.visitorName,
        citizenPhone: concern.visitorPhone,
        contactConsent: concern.contactConsent,
      });
  const id = await repo.insertConcern(tx, { ...concern, sessionId: item.id, opinionId: opinion?.id ?? null, createdAt: now });
  return { detail: { id, ...concern, opinionTrackingCode: opinion?.trackingCode ?? null } };
};

/**
 * Closing writes one duty record (接待选民) for every deputy signed in, so the reception counts in
 * each deputy's duty log, seven ones and assessment without anyone typing it again.
 */
const close: ReceptionEffect = async ({ tx, ctx, item, input, now }) => {
  const votersReceived = input.votersReceived!;
  const notes = input.notes ?? null;
  const signins = await repo.signinsOf(tx, item.id);
  if (signins.length === 0) throw new DomainError('SESSION_NO_DEPUTY', '还没有代表签到，不能结束接待');
  const concerns = await repo.concernsOf(tx, item.id);
  if (votersReceived < concerns.length)
    throw new DomainError('VOTERS_FEWER_THAN_CONCERNS', `接待人数不能少于已登记的反映事项数（${concerns.length} 件）`, {
      fields: [{ path: 'votersReceived', message: '少于登记的反映事项数' }],
    });
  const s = item.station;
  const dutyRecordId = await recordDuty(
    tx,
    {
      bodyId: s.bodyId,
      kind: 'voter_reception',
      occurredOn: item.heldOn,
      place: [s.name, s.address].filter(Boolean).join('，'),
      title: `${s.name}接待选民：${item.topic}`,
      description:
        [item.committee ? `${item.committee}进站听取意见。` : null, notes, concerns.length ? `登记群众反映 ${concerns.length} 件。` : null]
          .filter(Boolean)
          .join('\n') || null,
      votersReceived,
      source: 'station',
      recordedBy: ctx.actor.id,
    },
    signins.map((x) => x.id),
  );
  return { patch: { votersReceived, notes, dutyRecordId, closedAt: now }, detail: { votersReceived, notes, dutyRecordId } };
};

const receptionMachine: Machine<Reception, ReceptionState, ReceptionAction, never, never, Step, Input> = {
  workflow: receptionWorkflow,
  entity: 'reception_session',
  async load(tx, ctx, id) {
    const session = await repo.lockSession(tx, id);
    const station = session && (await repo.getStation(tx, ctx.actor, session.stationId));
    if (!session || !station) throw notFound('接待记录', { id });
    return { ...session, station: station.station };
  },
  stateOf: (item) => item.state as ReceptionState,
  bodyOf: (item) => item.station.bodyId,
  standing: async (_tx, ctx) => ({ role: ctx.actor.role }),
  effects: { signIn, addConcern, close },
  async save(tx, item, to, patch) {
    const { station, ...columns } = { ...item, ...patch, state: to };
    await repo.updateSession(tx, item.id, { state: to, ...patch });
    return { ...columns, station };
  },
};

/** Signs a deputy in, records a concern or closes the reception; answers the session as it is now. */
export async function act(db: Db, notifier: Notifier, ctx: ActorContext, id: string, action: ReceptionAction, input: Input) {
  return db.transaction(async (tx) => {
    await applyAction(tx, notifier, receptionMachine, ctx, id, action, input);
    return getSession(tx, ctx, id);
  });
}

/** One row per concern (or per reception without any), with who was on duty: the register seed 002 asks for. */
export async function exportSessions(db: Db, ctx: ActorContext, stationId: string) {
  const sessions = await listSessions(db, ctx, stationId);
  const rows = sessions.flatMap((s) => (s.concerns.length ? s.concerns : [null]).map((c) => ({ s, c })));
  const data = await workbook<(typeof rows)[number]>(
    '接待记录',
    [
      { header: '接待日期', key: 'heldOn', width: 12, value: (r) => r.s.heldOn },
      { header: '活动主题', key: 'topic', width: 20, value: (r) => r.s.topic },
      { header: '办理责任人', key: 'responsible', width: 10, value: (r) => r.s.responsibleName },
      { header: '进站代表', key: 'deputies', width: 24, value: (r) => r.s.signedIn.map((d) => d.name).join('、') },
      { header: '接待人数', key: 'voters', width: 8, value: (r) => r.s.votersReceived },
      { header: '状态', key: 'state', width: 8, value: (r) => receptionStateLabel[r.s.state] },
      { header: '群众反映', key: 'content', width: 40, value: (r) => r.c?.content ?? null },
      { header: '反映人', key: 'visitor', width: 10, value: (r) => r.c?.visitorName ?? null },
      { header: '联系电话', key: 'phone', width: 14, value: (r) => r.c?.visitorPhone ?? null },
      { header: '当场解决', key: 'resolved', width: 8, value: (r) => (r.c ? (r.c.resolvedOnSite ? '是' : '否') : null) },
    ],
    rows,
  );
  return { name: sessions[0]?.stationName ?? (await requireStation(db, ctx, stationId)).station.name, data };
}
