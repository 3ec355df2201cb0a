import {
  agendaItemKindLabel,
  meetingKindLabel,
  meetingStateLabel,
  type AgendaItem,
  type AgendaItemKind,
  type AgendaLink,
  type Attendee,
  type AttendeeResponse,
  type AttendeeRole,
  type Meeting,
  type MeetingKind,
  type MeetingState,
  type PassThreshold,
  type Quorum,
  type SignInWay,
  type VoteOutcome,
} from '@renda/shared';
import type { AttendeeRecord, ItemRecord, MeetingRow } from './repository.js';
import { quorumOf } from './rules.js';
import { meetingWorkflow } from './workflow.js';

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** Present members (signed in, not gone) count toward the quorum; the base is every member. */
export function quorumOfAttendees(attendees: AttendeeRecord[]): Quorum {
  const members = attendees.filter((a) => a.role === 'member');
  const present = members.filter((a) => a.signedInAt && !a.leftAt).length;
  const onLeave = members.filter((a) => !a.signedInAt && a.response === 'leave').length;
  return quorumOf(members.length, present, onLeave);
}

export function presentMeeting(row: MeetingRow, attendees: AttendeeRecord[], staff: boolean): Meeting {
  const m = row.meeting;
  const state = m.state as MeetingState;
  const kind = m.kind as MeetingKind;
  return {
    id: m.id,
    bodyId: m.bodyId,
    bodyName: row.bodyName,
    kind,
    kindLabel: m.midYear ? '年中人民代表大会会议' : meetingKindLabel[kind],
    midYear: m.midYear,
    number: m.number,
    term: m.term,
    title: m.title,
    from: m.startsOn,
    to: m.endsOn,
    place: m.place,
    note: m.note,
    state,
    stateLabel: meetingStateLabel[state],
    materialsPublishedAt: iso(m.materialsPublishedAt),
    quorum: quorumOfAttendees(attendees),
    allowedActions: staff ? meetingWorkflow.allowedActions(state, { role: 'staff' }) : [],
    notifiedAt: iso(m.notifiedAt),
    openedAt: iso(m.openedAt),
    closedAt: iso(m.closedAt),
  };
}

export function presentItem(i: ItemRecord, documents: AgendaItem['documents'], vote: AgendaItem['vote'] = null): AgendaItem {
  const kind = i.kind as AgendaItemKind;
  const link: AgendaLink | null =
    i.linkModule && i.linkId && i.linkTitle ? { module: i.linkModule as AgendaLink['module'], id: i.linkId, title: i.linkTitle } : null;
  return {
    id: i.id,
    position: i.position,
    kind,
    kindLabel: agendaItemKindLabel[kind],
    title: i.title,
    presenter: i.presenter,
    description: i.description,
    link,
    toVote: i.toVote,
    threshold: i.threshold as PassThreshold,
    voteId: i.voteId,
    secret: i.secret,
    outcome: i.outcome as VoteOutcome | null,
    resultText: i.resultText,
    vote,
    documents,
  };
}

export function presentAttendee(a: AttendeeRecord): Attendee {
  return {
    id: a.id,
    role: a.role as AttendeeRole,
    deputyId: a.deputyId,
    unitId: a.unitId,
    name: a.name,
    reporter: a.reporter,
    response: a.response as AttendeeResponse,
    leaveReason: a.leaveReason,
    signedInAt: iso(a.signedInAt),
    signInWay: a.signInWay as SignInWay | null,
    leftAt: iso(a.leftAt),
  };
}
