import { type Deputy, type DeputyStatus, type DeputyStatusAction, type DeputyStatusChangeInput } from '@renda/shared';
import type { Db } from '../../db/client.js';
import type { ActorContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import type { Notifier } from '../../platform/notifications.js';
import { applyAction, type Effect, type Machine } from '../../platform/workflow.js';
import * as repo from './repository.js';
import { getDeputy } from './service.js';
import { statusWorkflow } from './workflow.js';
import { refuseFutureDate } from '../../platform/deadlines.js';

type Step = (typeof statusWorkflow.transitions)[number];

/** Every change records the date it took effect and its reason (if any) beside the new status. */
const recordChange: Effect<repo.DeputyRow, Step, DeputyStatusAction, DeputyStatusChangeInput> = async ({ input }) => ({
  patch: { statusDate: input.date, statusReason: input.reason },
  detail: { date: input.date, reason: input.reason },
});

const statusMachine: Machine<repo.DeputyRow, DeputyStatus, DeputyStatusAction, never, never, Step, DeputyStatusChangeInput> = {
  workflow: statusWorkflow,
  entity: 'deputy',
  async load(tx, ctx, id) {
    const row = await repo.lockDeputy(tx, ctx.actor, id);
    if (!row) throw notFound('代表', { id });
    return row;
  },
  stateOf: (row) => row.status as DeputyStatus,
  bodyOf: (row) => row.bodyId,
  standing: async (_tx, ctx) => ({ role: ctx.actor.role }),
  check({ input, now }) {
    refuseFutureDate(input.date, { code: 'DATE_IN_FUTURE', message: '生效日期不能晚于今天', path: 'date' }, now);
  },
  effects: { resign: recordChange, remove: recordChange, recordDeath: recordChange, reinstate: recordChange },
  async save(tx, row, to, patch, now) {
    const changed = { ...patch, status: to, updatedAt: now };
    await repo.updateDeputy(tx, row.id, changed);
    return { ...row, ...changed };
  },
};

/** 辞职、罢免、去世 (and reinstatement by correction) only through these verbs, with the date each took effect. */
export async function changeStatus(
  db: Db,
  notifier: Notifier,
  ctx: ActorContext,
  id: string,
  action: DeputyStatusAction,
  input: DeputyStatusChangeInput,
): Promise<Deputy> {
  return db.transaction(async (tx) => {
    await applyAction(tx, notifier, statusMachine, ctx, id, action, input);
    return getDeputy(tx, ctx, id);
  });
}
