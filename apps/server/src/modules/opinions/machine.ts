import type { OpinionAction, OpinionStatus } from '@renda/shared';
import type { RequestContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import type { Machine, Standing } from '../../platform/workflow.js';
import { effects, type OpinionInput, type OpinionItem } from './effects.js';
import { opinionLink } from './notify.js';
import * as repo from './opinion-repository.js';
import { opinionWorkflow, type OpinionTransition } from './workflow.js';

type OpinionMachine = Machine<OpinionItem, OpinionStatus, OpinionAction, never, never, OpinionTransition, OpinionInput, RequestContext>;

/** Who acts: a signed-in user by their role (leaders and administrators match no row: they read), else the citizen. */
export function standingOf(ctx: RequestContext): Standing<never, never> {
  return { role: ctx.actor?.role ?? 'citizen' };
}

function itemOf(row: repo.OpinionDetailRow | undefined, id: string): OpinionItem {
  if (!row) throw notFound('群众意见', { id });
  return { ...row.opinion, bodyName: row.bodyName, bodyPath: row.bodyPath };
}

/** The opinion workflow bound to the opinions table: staff and handling units act on what they may see. */
export const opinionMachine: OpinionMachine = {
  workflow: opinionWorkflow,
  entity: 'opinion',
  load: async (tx, ctx, id) => itemOf(ctx.actor ? await repo.getVisible(tx, ctx.actor, id, true) : undefined, id),
  stateOf: (o) => o.status as OpinionStatus,
  bodyOf: (o) => o.bodyId,
  standing: async (_tx, ctx) => standingOf(ctx),
  effects,
  async save(tx, item, to, patch, now) {
    const { bodyName: _name, bodyPath: _path, ...columns } = patch;
    const saved = await repo.updateOpinion(tx, item.id, { ...columns, status: to, updatedAt: now });
    return { ...saved, bodyName: item.bodyName, bodyPath: item.bodyPath };
  },
  // The timeline staff read; its public steps are the citizen's tracking page.
  recordStep: (tx, ctx, s) =>
    repo.insertEvent(tx, {
      opinionId: s.item.id,
      at: s.now,
      action: s.action,
      fromStatus: s.from,
      toStatus: s.to,
      actorId: ctx.actor?.id ?? null,
      actorName: ctx.actor?.displayName ?? '群众',
      note: s.note,
      public: s.transition.public,
    }),
  link: (o) => opinionLink(o.id),
};

/**
 * The same workflow for the citizen's own step on the public tracking page: the tracking code they
 * hold has already named the opinion (and only the rows for 'citizen' fit them).
 */
export const citizenMachine: OpinionMachine = {
  ...opinionMachine,
  load: async (tx, _ctx, id) => itemOf(await repo.findPublicForStep(tx, id), id),
};
