import { satisfactionVerdictLabel } from '@renda/shared';
import type { Tx } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import { clock } from '../../platform/clock.js';
import type { RequestContext } from '../../platform/context.js';
import type { Notifier } from '../../platform/notifications.js';
import { leadersOfBody, staffOfBody } from '../../platform/recipients.js';
import { sendNotices } from '../../platform/workflow.js';
import type { ClosedVote } from '../votes/index.js';
import { verdictOf } from './evaluation.js';
import { rereviewAfterVote } from './item-service.js';
import * as repo from './repository.js';

/**
 * What a closed satisfaction vote does to its item, inside the vote's closing transaction (registered with
 * `onVoteClosed('supervision', …)`): the result goes on the item (verdict, counts, the rule and the
 * figures, in its history and the audit trail); a 不满意 result sends the item to re-review, taken by the
 * system under the item's table, so its unsolved points are handed to the organ again (seed 001 再审).
 * A vote is found by its own id, so a vote that only names a supervision subject moves nothing.
 */
export function supervisionVoteClosed(notifier: Notifier) {
  return async (tx: Tx, vote: ClosedVote) => {
    const held = await repo.evaluationOfVote(tx, vote.id);
    if (!held) return;
    const ctx: RequestContext = { actor: null, requestId: `vote:${vote.id}`, ip: null };
    const item = (await repo.getItem(tx, null, held.itemId, true))!.item;
    const now = clock.now();
    const result = verdictOf(vote);
    await repo.updateEvaluation(tx, held.id, { ...result, decidedAt: now });
    const verdict = satisfactionVerdictLabel[result.verdict];
    const summary = `满意度测评结果：${verdict}（满意 ${result.satisfied} 票、基本满意 ${result.basicallySatisfied} 票、不满意 ${result.dissatisfied} 票；${result.figuresText.replace(/。$/, '')}）`;
    await repo.insertEvent(tx, { itemId: item.id, at: now, action: 'recordSatisfaction', actorName: '系统', note: summary });
    await recordAudit(tx, ctx, {
      entity: 'supervision_item',
      entityId: item.id,
      bodyId: item.bodyId,
      action: 'recordSatisfaction',
      after: { voteId: vote.id, round: held.round, ...result },
    });
    await sendNotices(
      tx,
      notifier,
      [
        {
          userIds: [...(await staffOfBody(tx, item.bodyId)), ...(await leadersOfBody(tx, item.bodyId))].map((u) => u.id),
          title: `满意度测评结果：${verdict}`,
          body: `《${item.subject}》${summary}`,
        },
      ],
      `/supervision/items/${item.id}`,
    );
    // Only the round's vote of an item still in evaluation can send it back (the table refuses anything else).
    if (result.verdict === 'dissatisfied' && item.stage === 'evaluation' && item.round === held.round)
      await rereviewAfterVote(tx, notifier, ctx, item.id, `满意度测评结果为不满意（${result.figuresText.replace(/。$/, '')}），启动再审`);
  };
}
