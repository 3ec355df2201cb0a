import {
  auditActionName,
  suggestionActionLabel,
  withheldDeputyName,
  type AssignmentRole,
  type AssignmentState,
  type ContactMethod,
  type ContactStage,
  type ExtensionState,
  type HandlingMode,
  type Rating,
  type ReplyCategory,
  type Role,
  type SuggestionAction,
  type SuggestionDetail,
  type SuggestionField,
  type SuggestionKind,
  type SuggestionListItem,
  type SuggestionPeriod,
  type SuggestionSession,
  type SuggestionSettings,
  type SuggestionState,
  type UnitAssignmentItem,
} from '@renda/shared';
import type { suggestionSessions } from '../../db/schema.js';
import type * as repo from './repository.js';

type Rows<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>>;

const numeral = '[一二三四五六七八九十百零〇\\d]+';
const formalSession = new RegExp(`第(${numeral})届.*?第(${numeral})次会议`);

/** 嘉兴市第九届人民代表大会第三次会议 → 九届三次会议; a session named in another way keeps its whole name. */
export function sessionShortName(name: string): string {
  const m = formalSession.exec(name);
  return m ? `${m[1]}届${m[2]}次会议` : name;
}

/**
 * A suggestion's number always names its series: the session it was made at (九届三次会议第12号) or the
 * year between sessions (2026年闭会期间第4号). Numbers count within the series (`numberSeries`).
 */
export function numberLabel(s: { number: number | null; period: string; year: number }, sessionName: string | null): string | null {
  if (s.number == null) return null;
  if (s.period !== 'session') return `${s.year}年闭会期间第${s.number}号`;
  return `${sessionName ? sessionShortName(sessionName) : ''}第${s.number}号`;
}

/**
 * 保密: a handling unit sees no name of the deputies of a confidential item (staff, leaders and the
 * deputies themselves do). Every presenter a unit reads goes through this.
 */
export const withholdsDeputies = (s: { confidential: boolean }, viewer: Role) => s.confidential && viewer === 'handling_unit';
/** Timeline steps a deputy takes: their name is withheld with the rest. */
const deputySteps = new Set(['create', 'update', 'submit', 'confirmCosign', 'declineCosign', 'rate', 'keyComment']);

export function presentListItem(r: repo.ListRow, now: Date, viewer: Role): SuggestionListItem {
  const s = r.s;
  const withheld = withholdsDeputies(s, viewer);
  const open = ['assigned', 'reassignment_requested', 'handling', 'rehandling'].includes(s.state);
  return {
    id: s.id,
    bodyId: s.bodyId,
    bodyName: r.bodyName,
    kind: s.kind as SuggestionKind,
    period: s.period as SuggestionPeriod,
    sessionId: s.sessionId,
    sessionName: r.sessionName,
    number: s.number,
    numberLabel: numberLabel(s, r.sessionName),
    title: s.title,
    field: s.field as SuggestionField,
    state: s.state as SuggestionState,
    leadDeputyName: withheld ? withheldDeputyName : r.leadDeputyName,
    cosignerCount: r.cosignerCount,
    leadUnitName: r.leadUnitName,
    isKey: s.isKey,
    replyCategory: (s.replyCategory as ReplyCategory | null) ?? null,
    rating: (s.rating as Rating | null) ?? null,
    dueAt: s.dueAt?.toISOString() ?? null,
    overdue: open && !!s.dueAt && s.dueAt.getTime() < now.getTime(),
    submittedAt: s.submittedAt?.toISOString() ?? null,
    updatedAt: s.updatedAt.toISOString(),
  };
}

const pendingAssignment = ['assigned', 'signed_for', 'reassignment_requested'];

/** A row of a unit's inbox: the item, and the unit's own part with its own deadlines. */
export function presentUnitAssignment(r: repo.ListRow & { a: repo.AssignmentRow }, now: Date): UnitAssignmentItem {
  const a = r.a;
  return {
    ...presentListItem(r, now, 'handling_unit'),
    assignment: {
      id: a.id,
      role: a.role as AssignmentRole,
      state: a.state as AssignmentState,
      round: a.round,
      assignedAt: a.assignedAt.toISOString(),
      signForDueAt: a.signForDueAt.toISOString(),
      dueAt: a.dueAt.toISOString(),
      overdue: pendingAssignment.includes(a.state) && a.dueAt.getTime() < now.getTime(),
    },
  };
}

export function presentSession(s: typeof suggestionSessions.$inferSelect): SuggestionSession {
  return { id: s.id, bodyId: s.bodyId, name: s.name, year: s.year, startsOn: s.startsOn, endsOn: s.endsOn };
}

const timelineLabel: Record<string, string> = {
  create: '起草',
  update: '修改草稿',
  dueRecomputed: auditActionName('suggestion', 'dueRecomputed'),
  ...suggestionActionLabel,
};

export interface DetailParts {
  item: repo.ListRow;
  cosigners: Rows<typeof repo.cosignersOf>;
  assignments: Rows<typeof repo.assignmentsOf>;
  contacts: Rows<typeof repo.contactsOf>;
  jointOpinions: Rows<typeof repo.jointOpinionsOf>;
  replies: Rows<typeof repo.repliesOf>;
  ratings: Rows<typeof repo.ratingsOf>;
  extensions: Rows<typeof repo.extensionsOf>;
  key: Rows<typeof repo.getKey>;
  keyReviews: Rows<typeof repo.keyReviewsOf>;
  timeline: Rows<typeof repo.timelineOf>;
  mergedItems: Rows<typeof repo.mergedInto>;
  settings: SuggestionSettings;
  allowedActions: SuggestionAction[];
  /** Whether the viewer may read unreleased replies (staff and the lead unit). */
  seesDraftReplies: boolean;
  /** A 分别办理 unit also reads its own reply before release. */
  ownUnitId?: string | null;
  viewer: Role;
}

export function presentDetail(p: DetailParts, now: Date): SuggestionDetail {
  const s = p.item.s;
  const withheld = withholdsDeputies(s, p.viewer);
  return {
    ...presentListItem(p.item, now, p.viewer),
    content: s.content,
    returnReason: s.returnReason,
    handlingMode: s.handlingMode as HandlingMode,
    mergedIntoId: s.mergedIntoId,
    // 并案: the unit sees every deputy it answers, except a confidential item's (保密), withheld like the item's own.
    mergedItems: p.mergedItems.map((m) => ({
      id: m.id,
      title: m.title,
      deputies: withholdsDeputies(m, p.viewer) ? [withheldDeputyName] : [m.leadDeputyName, ...m.cosignerNames],
      visible: m.visible,
    })),
    complex: s.complex,
    round: s.round,
    disclose: s.disclose,
    confidential: s.confidential,
    leadDeputyId: s.leadDeputyId,
    opinionIds: s.opinionIds,
    cosigners: p.cosigners.map(({ c, name }) => ({
      deputyId: c.deputyId,
      name: withheld ? withheldDeputyName : name,
      confirmedAt: c.confirmedAt?.toISOString() ?? null,
      declinedAt: c.declinedAt?.toISOString() ?? null,
    })),
    assignments: p.assignments.map(({ a, unitName }) => ({
      id: a.id,
      unitId: a.unitId,
      unitName,
      role: a.role as AssignmentRole,
      state: a.state as AssignmentState,
      round: a.round,
      assignedAt: a.assignedAt.toISOString(),
      signForDueAt: a.signForDueAt.toISOString(),
      signedForAt: a.signedForAt?.toISOString() ?? null,
      dueAt: a.dueAt.toISOString(),
      reassignReason: a.reassignReason,
    })),
    contacts: p.contacts.map(({ c, unitName }) => ({
      id: c.id,
      unitName,
      stage: c.stage as ContactStage,
      method: c.method as ContactMethod,
      contactedOn: c.contactedOn,
      summary: c.summary,
      deputyView: c.deputyView,
    })),
    jointOpinions: p.jointOpinions.map(({ o, unitName }) => ({
      id: o.id,
      unitName,
      content: o.content,
      createdAt: o.createdAt.toISOString(),
    })),
    replies: p.replies
      .filter(({ r }) => p.seesDraftReplies || r.releasedAt || (p.ownUnitId && r.unitId === p.ownUnitId))
      .map(({ r, unitName }) => ({
        id: r.id,
        round: r.round,
        unitName,
        category: r.category as ReplyCategory,
        content: r.content,
        signer: r.signer,
        createdAt: r.createdAt.toISOString(),
        releasedAt: r.releasedAt?.toISOString() ?? null,
        rejectedReason: r.rejectedReason,
      })),
    ratings: p.ratings.map((r) => ({
      id: r.id,
      replyId: r.replyId,
      round: r.round,
      rating: r.rating as Rating,
      comment: r.comment,
      createdAt: r.createdAt.toISOString(),
    })),
    extensions: p.extensions.map(({ e, unitName }) => ({
      id: e.id,
      unitName,
      months: e.months,
      reason: e.reason,
      state: e.state as ExtensionState,
      decisionNote: e.decisionNote,
      createdAt: e.createdAt.toISOString(),
    })),
    key: p.key
      ? {
          leadOfficial: p.key.leadOfficial,
          supervisor: p.key.supervisor,
          supervisorUserId: p.key.supervisorUserId,
          reviews: p.keyReviews.map((r) => ({
            id: r.id,
            heldOn: r.heldOn,
            place: r.place,
            deputySide: r.deputySide,
            unitSide: r.unitSide,
            governmentSide: r.governmentSide,
            congressSide: r.congressSide,
            conclusion: r.conclusion,
          })),
          deputyComment: p.key.deputyComment,
          vote: p.key.vote ?? null,
        }
      : null,
    replyCategories: p.settings.replyCategories,
    replyLetterMode: p.settings.replyLetterMode,
    allowedActions: p.allowedActions,
    timeline: p.timeline.map((t) => ({
      at: t.at.toISOString(),
      actorName: withheld && deputySteps.has(t.action) ? withheldDeputyName : t.actorName,
      action: t.action,
      label: timelineLabel[t.action] ?? t.action,
    })),
  };
}
