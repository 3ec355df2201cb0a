import type { BulkResult, OpinionActionInputs, OpinionDetail, OpinionStaffAction } from '@renda/shared';
import type { Db } from '../../db/client.js';
import type { ActorContext } from '../../platform/context.js';
import type { Notifier } from '../../platform/notifications.js';
import { applyAction, applyToEach } from '../../platform/workflow.js';
import { opinionMachine } from './machine.js';
import { getDetail } from './service.js';

/**
 * The one way staff and handling units move an opinion: the workflow table's row, the action's
 * effect, the step in the timeline, the audit entry and the messages, in one transaction.
 */
export async function act<A extends OpinionStaffAction>(
  db: Db,
  notifier: Notifier,
  ctx: ActorContext,
  id: string,
  action: A,
  input: OpinionActionInputs[A],
): Promise<OpinionDetail> {
  return db.transaction(async (tx) => {
    await applyAction(tx, notifier, opinionMachine, ctx, id, action, input);
    return getDetail(tx, ctx, id, 'action');
  });
}

/**
 * 受理, 不予受理, 转办 in bulk: the single action on each item (platform `applyToEach`). The step alone:
 * a bulk answer carries no detail, so no citizen's contact is read.
 */
export async function bulkAct<A extends 'accept' | 'decline' | 'route'>(
  db: Db,
  notifier: Notifier,
  ctx: ActorContext,
  ids: string[],
  action: A,
  input: OpinionActionInputs[A],
  log: (err: unknown, id: string) => void,
): Promise<BulkResult> {
  return applyToEach(db, ids, (tx, id) => applyAction(tx, notifier, opinionMachine, ctx, id, action, input), log);
}
