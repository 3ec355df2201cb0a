import {
  clueActionLabel,
  type CampaignClue,
  type CampaignClueDetail,
  type CampaignListItem,
  type CampaignStatus,
  type CampaignVisit,
  type ClueSuggestionRef,
  type ClueAction,
  type ClueKind,
  type ClueStatus,
  type TransferLevel,
} from '@renda/shared';
import { chinaDate } from '../../platform/deadlines.js';
import type { CampaignRow, ClueListRow } from './repository.js';
import type { campaignClueEvents, campaignVisits } from './tables.js';

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function campaignStatusOn(c: Pick<CampaignRow, 'startsOn' | 'endsOn'>, today: string): CampaignStatus {
  if (today < c.startsOn) return 'planned';
  return today > c.endsOn ? 'ended' : 'active';
}

export function presentCampaign(c: CampaignRow, bodyName: string, today: string): CampaignListItem {
  return {
    id: c.id,
    bodyId: c.bodyId,
    bodyName,
    title: c.title,
    theme: c.theme,
    startsOn: c.startsOn,
    endsOn: c.endsOn,
    status: campaignStatusOn(c, today),
    createdAt: c.createdAt.toISOString(),
  };
}

/** Ledger number: the year the clue was found and its order in the campaign, e.g. 2026-0007. */
export function clueNumber(foundOn: string, seq: number): string {
  return `${foundOn.slice(0, 4)}-${String(seq).padStart(4, '0')}`;
}

export function presentClue(r: ClueListRow, actions: ClueAction[], now: Date, suggestion: ClueSuggestionRef | null = null): CampaignClue {
  const c = r.clue;
  return {
    id: c.id,
    campaignId: c.campaignId,
    campaignTitle: r.campaignTitle,
    number: clueNumber(c.foundOn, c.seq),
    kind: c.kind as ClueKind,
    content: c.content,
    location: c.location,
    foundOn: c.foundOn,
    visitId: c.visitId,
    teamName: r.teamName,
    status: c.status as ClueStatus,
    handlingUnitId: c.handlingUnitId,
    handlingUnitName: r.unitName,
    transferLevel: c.transferLevel as TransferLevel | null,
    transferNote: c.transferNote,
    transferredAt: iso(c.transferredAt),
    dueDate: c.dueAt ? chinaDate(c.dueAt) : null,
    overdue: Boolean(c.status === 'transferred' && c.dueAt && c.dueAt < now),
    rectificationNote: c.rectificationNote,
    rectifiedAt: iso(c.rectifiedAt),
    closedAt: iso(c.closedAt),
    reason: c.reason,
    createdAt: c.createdAt.toISOString(),
    suggestion,
    actions,
  };
}

const eventLabel: Record<string, string> = { ...clueActionLabel, record: '登记入台账', linkSuggestion: '转为代表建议' };

export function presentClueDetail(
  r: ClueListRow,
  actions: ClueAction[],
  events: (typeof campaignClueEvents.$inferSelect)[],
  now: Date,
  suggestion: ClueSuggestionRef | null,
): CampaignClueDetail {
  return {
    ...presentClue(r, actions, now, suggestion),
    history: events.map((e) => ({
      at: e.at.toISOString(),
      action: e.action,
      label: eventLabel[e.action] ?? e.action,
      actorName: e.actorName,
      note: e.note,
    })),
  };
}

export function presentVisit(r: {
  visit: typeof campaignVisits.$inferSelect;
  teamName: string | null;
  clueCount: number;
  deputies: { id: string; name: string }[];
}): CampaignVisit {
  return {
    id: r.visit.id,
    teamId: r.visit.teamId,
    teamName: r.teamName,
    visitedOn: r.visit.visitedOn,
    place: r.visit.place,
    summary: r.visit.summary,
    deputies: r.deputies,
    clueCount: r.clueCount,
    createdAt: r.visit.createdAt.toISOString(),
  };
}
