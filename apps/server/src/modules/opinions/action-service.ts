import type { OpinionActionInputs, OpinionDetail, OpinionStaffAction } from '@renda/shared';
import type { Db } from '../../db/client.js';
import type { ActorContext } from '../../platform/context.js';
import { DomainError } from '../../platform/errors.js';
import type { Notifier } from '../../platform/notifications.js';
import { applyAction } from '../../platform/workflow.js';
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

/** What a bulk action answers: the items done, and each refused one with the reason in Chinese. */
export interface BulkResult {
  done: string[];
  failed: { id: string; code: string; message: string }[];
}

/**
 * A bulk action (受理, 不予受理, 转办) is the single action applied to each item in its own transaction, so
 * the state machine, the citizen's SMS, the audit event and the scope check are exactly those of one
 * item, and one refused item undoes none of the others. An unexpected failure of one item is reported
 * for that item (and handed to `log`) rather than hiding what the others did.
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
  const result: BulkResult = { done: [], failed: [] };
  for (const id of [...new Set(ids)]) {
    try {
      // The step alone: a bulk answer carries no detail, so no citizen's contact is read.
      await db.transaction((tx) => applyAction(tx, notifier, opinionMachine, ctx, id, action, input));
      result.done.push(id);
    } catch (err) {
      if (err instanceof DomainError) result.failed.push({ id, code: err.code, message: err.message });
      else {
        log(err, id);
        result.failed.push({ id, code: 'INTERNAL_ERROR', message: '系统出错，未能处理，请稍后重试' });
      }
    }
  }
  return result;
}
