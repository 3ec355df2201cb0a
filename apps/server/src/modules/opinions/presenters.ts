import {
  opinionActionLabel,
  opinionPublicStatusLabel,
  opinionRatingLabel,
  type OpinionAction,
  type OpinionChannel,
  type OpinionDetail,
  type OpinionListItem,
  type OpinionRating,
  type OpinionStatus,
  type PublicOpinionView,
  type Role,
  type RouteKind,
} from '@renda/shared';
import { chinaDate, isOverdue } from '../../platform/deadlines.js';
import type { OpinionListRow } from './inbox-repository.js';
import type { OpinionDetailRow, OpinionEventRow, OpinionRow } from './opinion-repository.js';
import { mayReadContact } from './rules.js';
import { formatTrackingCode } from './tracking-code.js';
import { runningStatuses } from './workflow.js';

type EventRow = OpinionEventRow;

const iso = (d: Date | null) => d?.toISOString() ?? null;

function overdue(status: string, dueAt: Date | null, now: Date) {
  return Boolean(dueAt && runningStatuses.includes(status as OpinionStatus) && isOverdue(dueAt, now));
}

/** Labels of steps as the citizen reads them on the tracking page. */
export const publicStepLabel: Record<string, string> = {
  submit: '意见已提交',
  accept: '已受理',
  decline: '不予受理',
  merge: '与相同问题合并办理',
  route: '已转交承办单位办理',
  signFor: '承办单位已签收，正在办理',
  approveReply: '已答复',
  rate: '您已评价',
  rateDissatisfied: '您评价不满意，已转回复核',
  close: '已办结',
  escalate: '已由人大代表转为代表建议',
  propose: '已作为民生实事项目建议征集',
};

/** Steps only staff and the unit see that no action of the workflow names. */
const internalStepLabel: Record<string, string> = {
  remind: '到期提醒',
  overdue: '超过答复期限',
  mergedIn: '并入其他意见',
  dueRecomputed: '按法定节假日安排重算答复期限',
};

export function presentListItem(r: OpinionListRow, now: Date): OpinionListItem {
  const o = r.opinion;
  return {
    id: o.id,
    trackingCode: formatTrackingCode(o.trackingCode),
    bodyId: o.bodyId,
    bodyName: r.bodyName,
    status: o.status as OpinionStatus,
    channel: o.channel as OpinionChannel,
    categoryCode: o.categoryCode,
    categoryLabel: o.categoryLabel,
    summary: o.summary,
    stationId: o.stationId,
    stationName: r.stationName,
    deputyId: o.deputyId,
    deputyName: r.deputyName,
    handlingUnitId: o.handlingUnitId,
    handlingUnitName: r.unitName,
    dueAt: iso(o.dueAt),
    overdue: overdue(o.status, o.dueAt, now),
    createdAt: o.createdAt.toISOString(),
  };
}

export function presentEvent(e: EventRow) {
  return {
    at: e.at.toISOString(),
    action: e.action,
    label: opinionActionLabel[e.action as OpinionAction] ?? publicStepLabel[e.action] ?? internalStepLabel[e.action] ?? e.action,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    actorName: e.actorName,
    note: e.note,
    public: e.public,
  };
}

/** The citizen's name and phone as `viewer` may read them (rules.ts `mayReadContact`), and whether any were withheld. */
export function contactFor(o: Pick<OpinionRow, 'citizenName' | 'citizenPhone' | 'contactConsent'>, viewer: Role) {
  const left = Boolean(o.citizenName || o.citizenPhone);
  return mayReadContact(viewer, o.contactConsent)
    ? { citizenName: o.citizenName, citizenPhone: o.citizenPhone, contactWithheld: false }
    : { citizenName: null, citizenPhone: null, contactWithheld: left };
}

export function presentDetail(r: OpinionDetailRow, events: EventRow[], actions: OpinionAction[], now: Date, viewer: Role): OpinionDetail {
  const o = r.opinion;
  return {
    ...presentListItem(
      {
        opinion: { ...o, summary: o.content.slice(0, 80) },
        bodyName: r.bodyName,
        stationName: r.stationName,
        deputyName: r.deputyName,
        unitName: r.unitName,
      },
      now,
    ),
    content: o.content,
    location: o.location,
    latitude: o.latitude,
    longitude: o.longitude,
    ...contactFor(o, viewer),
    contactConsent: o.contactConsent,
    declineReason: o.declineReason,
    mergedIntoId: o.mergedIntoId,
    takenByDeputyId: o.takenByDeputyId,
    takenByDeputyName: r.takenByName,
    routeKind: o.routeKind as RouteKind | null,
    routeNote: o.routeNote,
    routedAt: iso(o.routedAt),
    signedAt: iso(o.signedAt),
    returnReason: o.returnReason,
    replyText: o.replyText,
    repliedAt: iso(o.repliedAt),
    replyApprovedAt: iso(o.replyApprovedAt),
    rating: o.rating as OpinionRating | null,
    ratingComment: o.ratingComment,
    ratedAt: iso(o.ratedAt),
    closedAt: iso(o.closedAt),
    escalatedAt: iso(o.escalatedAt),
    suggestionId: o.suggestionId,
    photoCount: r.photoCount,
    timeline: events.map(presentEvent),
    actions,
  };
}

/**
 * What the citizen sees: no internal notes, no handler's names, the reply only once staff approved
 * it. A merged opinion shows the progress and reply of the one it was merged into.
 */
export function presentPublic(
  own: OpinionRow,
  targetName: string | null,
  events: EventRow[],
  handling: { opinion: OpinionRow; unitName: string | null },
): PublicOpinionView {
  const h = handling.opinion;
  const replyVisible = Boolean(
    h.replyApprovedAt && h.replyText && ['reply_approved', 'rated', 'closed', 'dissatisfied'].includes(h.status),
  );
  const status = own.status as OpinionStatus;
  return {
    trackingCode: formatTrackingCode(own.trackingCode),
    status,
    statusLabel: opinionPublicStatusLabel[status],
    categoryLabel: own.categoryLabel,
    content: own.content,
    targetName,
    submittedAt: own.createdAt.toISOString(),
    declineReason: own.status === 'declined' ? own.declineReason : null,
    handlingUnitName: h.handlingUnitId ? handling.unitName : null,
    dueDate: h.dueAt && runningStatuses.includes(h.status as OpinionStatus) ? chinaDate(h.dueAt) : null,
    reply: replyVisible ? { text: h.replyText!, unitName: handling.unitName, at: h.replyApprovedAt!.toISOString() } : null,
    rating:
      own.rating && own.ratedAt
        ? {
            value: own.rating as OpinionRating,
            label: opinionRatingLabel[own.rating as OpinionRating],
            comment: own.ratingComment,
            at: own.ratedAt.toISOString(),
          }
        : null,
    canRate: own.status === 'reply_approved',
    timeline: events.map((e) => ({ at: e.at.toISOString(), label: publicStepLabel[e.action] ?? e.action, note: e.note })),
  };
}
