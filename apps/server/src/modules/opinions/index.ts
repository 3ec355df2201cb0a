/**
 * What other modules may call. The suggestions module (module 4) links the opinions a deputy turns
 * into a suggestion through `markEscalated`, inside its own transaction.
 */
import type { Executor } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import { clock } from '../../platform/clock.js';
import type { ActorContext } from '../../platform/context.js';
import { DomainError, notFound } from '../../platform/errors.js';
import * as repo from './opinion-repository.js';
import type { OpinionRow } from './opinion-repository.js';
import { formatTrackingCode, newTrackingCode } from './tracking-code.js';

export interface LinkedOpinion {
  id: string;
  trackingCode: string;
  categoryLabel: string;
  summary: string;
  status: string;
}

/**
 * Links opinions to the suggestion they became (意见转建议). Every opinion must lie in the actor's
 * scope and be neither declined nor merged, nor already linked to another suggestion.
 */
export async function markEscalated(tx: Executor, ctx: ActorContext, opinionIds: string[], suggestionId: string): Promise<LinkedOpinion[]> {
  const ids = [...new Set(opinionIds)];
  if (!ids.length) return [];
  const rows = await repo.lockInScope(tx, ctx.actor, ids);
  if (rows.length !== ids.length) throw notFound('群众意见', { ids: ids.filter((id) => !rows.some((r) => r.id === id)) });
  const now = clock.now();
  for (const row of rows) {
    if (row.status === 'declined' || row.status === 'merged')
      throw new DomainError('OPINION_NOT_ESCALATABLE', `意见 ${formatTrackingCode(row.trackingCode)} 已不予受理或已合并，不能转为建议`);
    if (row.suggestionId && row.suggestionId !== suggestionId)
      throw new DomainError('OPINION_ALREADY_ESCALATED', `意见 ${formatTrackingCode(row.trackingCode)} 已转为其他建议`);
    await repo.updateOpinion(tx, row.id, { suggestionId, escalatedAt: now, updatedAt: now });
    await repo.insertEvent(tx, {
      opinionId: row.id,
      at: now,
      action: 'escalate',
      actorId: ctx.actor.id,
      actorName: ctx.actor.displayName,
      note: null,
      public: true,
    });
    await recordAudit(tx, ctx, { entity: 'opinion', entityId: row.id, bodyId: row.bodyId, action: 'escalate', after: { suggestionId } });
  }
  return rows.map(present);
}

/** The opinions a suggestion came from, within the actor's scope. */
export async function opinionsOfSuggestion(db: Executor, ctx: ActorContext, suggestionId: string): Promise<LinkedOpinion[]> {
  return (await repo.opinionsOfSuggestion(db, ctx.actor, suggestionId)).map(present);
}

function present(r: OpinionRow): LinkedOpinion {
  return {
    id: r.id,
    trackingCode: formatTrackingCode(r.trackingCode),
    categoryLabel: r.categoryLabel,
    summary: r.content.slice(0, 80),
    status: r.status,
  };
}

export interface VisitConcern {
  bodyId: string;
  stationId: string;
  content: string;
  citizenName: string | null;
  citizenPhone: string | null;
  /**
   * 同意承办单位联系我, asked by the staff who register the concern. A phone left with the station is not
   * consent to hand it on (个人信息保护法第二十三条): without the visitor's yes, the unit does not see it.
   */
  contactConsent?: boolean;
}

/**
 * A concern a voter raised in person at a station reception (进站接待), registered as an opinion so
 * it is triaged, routed and answered like any other (seed 002: 有登记、有处理、有反馈). Staff pick the
 * category at triage; it starts as 其他.
 */
export async function registerVisitConcern(tx: Executor, ctx: ActorContext, concern: VisitConcern): Promise<LinkedOpinion> {
  const now = clock.now();
  const created = await repo.insertOpinion(tx, {
    bodyId: concern.bodyId,
    trackingCode: newTrackingCode(),
    channel: 'visit',
    stationId: concern.stationId,
    deputyId: null,
    categoryCode: 'other',
    categoryLabel: '其他',
    content: concern.content,
    location: null,
    latitude: null,
    longitude: null,
    citizenName: concern.citizenName,
    citizenPhone: concern.citizenPhone,
    contactConsent: Boolean(concern.citizenPhone) && (concern.contactConsent ?? false),
    status: 'submitted',
    submitIp: null,
    clientToken: null,
    createdAt: now,
    updatedAt: now,
  });
  await repo.insertEvent(tx, {
    opinionId: created.id,
    at: now,
    action: 'submit',
    toStatus: 'submitted',
    actorId: ctx.actor.id,
    actorName: ctx.actor.displayName,
    public: true,
  });
  await recordAudit(tx, ctx, {
    entity: 'opinion',
    entityId: created.id,
    bodyId: concern.bodyId,
    action: 'submit',
    after: { status: 'submitted', channel: 'visit' },
  });
  return present(created);
}

export interface OpinionForProposal {
  id: string;
  bodyId: string;
  content: string;
  location: string | null;
  citizenName: string | null;
  /** Kept by the proposal only to tell the citizen by SMS when it is chosen and completed. */
  citizenPhone: string | null;
  status: string;
}

/**
 * An opinion a staff member proposes as a livelihood project candidate (module 5: 群众意见转为民生实事项目建议).
 * Declined or merged opinions are refused; the step is written in the opinion's public timeline.
 */
export async function opinionForProposal(tx: Executor, ctx: ActorContext, opinionId: string): Promise<OpinionForProposal> {
  const row = await repo.getVisible(tx, ctx.actor, opinionId);
  if (!row) throw notFound('群众意见', { opinionId });
  const o = row.opinion;
  if (o.status === 'declined' || o.status === 'merged')
    throw new DomainError(
      'OPINION_NOT_PROPOSABLE',
      `意见 ${formatTrackingCode(o.trackingCode)} 已不予受理或已合并，不能作为民生实事项目建议`,
    );
  await repo.insertEvent(tx, {
    opinionId: o.id,
    at: clock.now(),
    action: 'propose',
    actorId: ctx.actor.id,
    actorName: ctx.actor.displayName,
    note: '已作为民生实事项目建议征集',
    public: true,
  });
  return {
    id: o.id,
    bodyId: o.bodyId,
    content: o.content,
    location: o.location,
    citizenName: o.citizenName,
    citizenPhone: o.citizenPhone,
    status: o.status,
  };
}

/** The random, unguessable codes citizens hold (opinions, livelihood proposals), one format for all. */
export { formatTrackingCode, newTrackingCode, normalizeTrackingCode } from './tracking-code.js';

/** For the stations' figures and the deputy's public card (seed 002: 收集、办理、反馈): collected, replied to, solved. */
export { countOfStations as opinionCountsOfStations, countReceivedByDeputy as opinionCountsOfDeputy } from './figures-repository.js';

/** The public pages' per-address abuse limits, shared by other modules' public forms (立法征求意见). */
export { abuseLimits } from './rules.js';
export { opinionFigures, opinionTodos } from './workbench.js';
