import { choiceLabel, choicesOfKind, type MeetingKind } from '@renda/shared';
import type { Db, Tx } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import type { ActorContext, RequestContext } from '../../platform/context.js';
import { DomainError, notFound } from '../../platform/errors.js';
import type { Notifier } from '../../platform/notifications.js';
import { applyVoteAction, createVote, onVoteClosed, type ClosedVote } from '../votes/index.js';
import { quorumOfAttendees } from './presenters.js';
import * as repo from './repository.js';
import { thresholdSource } from './rules.js';
import { getMeeting, requireMeeting, requireQuorum } from './service.js';

/** Who votes: the congress or its standing committee as the vote component counts them; otherwise the meeting's own members. */
function electorateFor(kind: MeetingKind, memberIds: string[]) {
  if (kind === 'congress_session') return { kind: 'congress' as const };
  if (kind === 'standing_committee') return { kind: 'standing_committee' as const };
  return { kind: 'list' as const, deputyIds: memberIds };
}

/**
 * 表决 on an agenda item (赞成 / 反对 / 弃权), open or secret, on the one vote component. The vote is
 * created and opened in one step only while more than half of all members are present, so no vote of
 * the meeting is ever opened below quorum; the threshold counts all members (地方组织法: 以全体组成人员的
 * 过半数通过), so an absent member weighs like a vote against.
 */
export async function startVote(db: Db, notifier: Notifier, ctx: ActorContext, meetingId: string, itemId: string, secret: boolean) {
  return db.transaction(async (tx) => {
    const row = await requireMeeting(tx, ctx, meetingId, true);
    const m = row.meeting;
    if (m.state !== 'in_session') throw new DomainError('MEETING_NOT_IN_SESSION', '会议开始后才能发起表决', { state: m.state }, 409);
    const item = await repo.getItem(tx, meetingId, itemId);
    if (!item) throw notFound('议程', { itemId });
    if (!item.toVote) throw new DomainError('MEETING_ITEM_NOT_FOR_VOTE', '该议题不提请表决', undefined, 409);
    if (item.voteId) throw new DomainError('MEETING_ITEM_VOTED', '该议题已发起表决', undefined, 409);
    await requireQuorum(tx, m, '发起表决');
    const members = (await repo.listAttendees(tx, meetingId)).filter((a) => a.role === 'member' && a.deputyId);
    const { id: voteId } = await createVote(tx, ctx, {
      bodyId: m.bodyId,
      title: item.title,
      subject: { module: 'meetings', id: item.id },
      electorate: electorateFor(
        m.kind as MeetingKind,
        members.map((a) => a.deputyId!),
      ),
      ballotKind: 'for_against_abstain',
      secret,
      items: [{ key: 'motion', label: item.title }],
      rule: { basis: 'all_members', threshold: item.threshold === 'two_thirds' ? 'two_thirds' : 'more_than_half', source: thresholdSource },
    });
    await applyVoteAction(tx, notifier, ctx, voteId, 'open');
    await repo.updateItem(tx, item.id, { voteId, secret });
    await recordAudit(tx, ctx, {
      entity: 'meeting_item',
      entityId: item.id,
      bodyId: m.bodyId,
      action: 'startVote',
      after: { voteId, secret },
    });
    return getMeeting(tx, ctx, meetingId);
  });
}

/** When the vote closes (inside its transaction) the outcome and its figures go on the agenda item, for the minutes and the screen. */
export async function recordOutcome(tx: Tx, vote: ClosedVote) {
  const item = await repo.itemByVote(tx, vote.id);
  const motion = vote.result.items[0];
  if (!item || !motion) return;
  const outcome = motion.passed ? 'passed' : 'failed';
  // As the chair announces it: members, those present and the ballots, 赞成 / 反对 / 弃权, the votes needed
  // (ending in 。), then the rule. Those present are shown beside the membership the threshold counts.
  const { members, present } = quorumOfAttendees(await repo.listAttendees(tx, item.meetingId));
  const tally = choicesOfKind.for_against_abstain.map((c) => `${choiceLabel[c]} ${motion.counts[c] ?? 0} 票`).join('，');
  const resultText =
    `应到 ${members} 人，实到 ${present} 人，收回选票 ${vote.result.ballotsCast} 张；${tally}；` +
    `通过所需票数 ${vote.result.needed} 票。${vote.result.ruleText}`;
  await repo.updateItem(tx, item.id, { outcome, resultText });
  const system: RequestContext = { actor: null, requestId: `vote-${vote.id}`, ip: null };
  await recordAudit(tx, system, {
    entity: 'meeting_item',
    entityId: item.id,
    bodyId: null,
    action: 'recordVoteOutcome',
    after: { outcome, resultText },
  });
}

export const registerVoteOutcomes = () => onVoteClosed('meetings', recordOutcome);
