import { transferLevelLabel, type ClueAction, type ClueActionInputs, type ClueStatus } from '@renda/shared';
import { ruleInForce } from '../../platform/deadline-rules.js';
import { dueAt } from '../../platform/deadlines.js';
import { DomainError, notFound } from '../../platform/errors.js';
import type { Machine, StepArgs, StepResult, Transition } from '../../platform/workflow.js';
import * as repo from './repository.js';
import { rectifyDeadline } from './rules.js';
import { clueWorkflow } from './workflow.js';
import { findUnitInScope } from '../../platform/scope.js';

type ClueInput = ClueActionInputs[ClueAction];
type Args = StepArgs<repo.ClueRow, Transition<ClueStatus, ClueAction, never, never>, ClueInput>;
type Result = StepResult<repo.ClueRow, ClueAction, ClueInput>;

/** The input of an action, as its route validated it (packages/shared `clueActionInputs`). */
const inputOf = <A extends ClueAction>(a: Args, _action: A) => a.input as ClueActionInputs[A];

/** What each action writes besides the state, and what the clue's history says of it. */
const effects: Record<ClueAction, (a: Args) => Promise<Result>> = {
  async transfer(a) {
    const input = inputOf(a, 'transfer');
    const unit = await findUnitInScope(a.tx, a.ctx.actor, input.handlingUnitId);
    if (!unit) throw notFound('承办单位', { id: input.handlingUnitId });
    if (!unit.active) throw new DomainError('HANDLING_UNIT_INACTIVE', `${unit.name}已停用，不能转办`);
    const rule = await ruleInForce(a.tx, await repo.bodyPathOf(a.tx, a.item.bodyId), rectifyDeadline.key);
    return {
      patch: {
        handlingUnitId: unit.id,
        transferLevel: input.level,
        transferNote: input.note,
        transferredAt: a.now,
        // The dispatch report counts a clue as transferred in the month of its first transfer.
        firstTransferredAt: a.item.firstTransferredAt ?? a.now,
        dueAt: dueAt(a.now, rule),
        rectifiedAt: null,
        rectificationNote: null,
      },
      note: `${transferLevelLabel[input.level]}：${unit.name}${input.note ? `；${input.note}` : ''}`,
    };
  },
  async reportRectified(a) {
    const { note } = inputOf(a, 'reportRectified');
    return { patch: { rectifiedAt: a.now, rectificationNote: note }, note };
  },
  async confirm(a) {
    return { patch: { closedAt: a.now } };
  },
  async reject(a) {
    const { reason } = inputOf(a, 'reject');
    return { patch: { rectifiedAt: null, reason }, note: reason };
  },
  async dismiss(a) {
    const { reason } = inputOf(a, 'dismiss');
    return { patch: { closedAt: a.now, reason }, note: reason };
  },
};

/** The ledger's workflow bound to the clues table: staff act on the clues of their bodies, governments on those transferred to them. */
export const clueMachine: Machine<
  repo.ClueRow,
  ClueStatus,
  ClueAction,
  never,
  never,
  Transition<ClueStatus, ClueAction, never, never>,
  ClueInput
> = {
  workflow: clueWorkflow,
  entity: 'campaign_clue',
  async load(tx, ctx, id) {
    const row = await repo.getClue(tx, ctx.actor, id, true);
    if (!row) throw notFound('问题线索', { id });
    return row.clue;
  },
  stateOf: (c) => c.status as ClueStatus,
  bodyOf: (c) => c.bodyId,
  standing: async (_tx, ctx) => ({ role: ctx.actor.role }),
  // The columns each step wrote go into its audit entry, as the ledger's audit always showed.
  effects: Object.fromEntries(
    Object.entries(effects).map(([action, effect]) => [
      action,
      async (a: Args) => {
        const result = await effect(a);
        return { ...result, detail: { ...result.patch } };
      },
    ]),
  ),
  save: (tx, item, to, patch, now) => repo.updateClue(tx, item.id, { ...patch, status: to, updatedAt: now }),
  recordStep: (tx, ctx, s) =>
    repo.insertClueEvents(tx, [
      {
        clueId: s.item.id,
        at: s.now,
        action: s.action,
        fromStatus: s.from,
        toStatus: s.to,
        actorId: ctx.actor.id,
        actorName: ctx.actor.displayName,
        note: s.note,
      },
    ]),
};
