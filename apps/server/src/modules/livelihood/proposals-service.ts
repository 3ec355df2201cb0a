import {
  proposalSourceLabel,
  proposalStateLabel,
  type LivelihoodCategory,
  type Page,
  type Proposal,
  type ProposalAction,
  type ProposalActionInput,
  type ProposalFromOpinionInput,
  type ProposalInput,
  type ProposalQuery,
  type ProposalSource,
  type ProposalState,
  type PublicCycleForm,
  type PublicProposalInput,
  type PublicProposalView,
  projectStateLabel,
  type ProjectState,
} from '@renda/shared';
import type { Db, Executor } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import { clock } from '../../platform/clock.js';
import type { ActorContext, RequestContext } from '../../platform/context.js';
import { DomainError, notFound } from '../../platform/errors.js';
import type { Notifier } from '../../platform/notifications.js';
import { pageResult } from '../../platform/pagination.js';
import { applyAction, type Effect, type Machine } from '../../platform/workflow.js';
import { getDeputyByUser } from '../deputies/index.js';
import { formatTrackingCode, newTrackingCode, normalizeTrackingCode, opinionForProposal } from '../opinions/index.js';
import * as repo from './repository.js';
import { requireCycle } from './service.js';
import { proposalWorkflow } from './workflow.js';

/** Proposals are taken while the cycle solicits; staff may still add one (an opinion, a late letter) while screening. */
function requireOpen(cycle: repo.CycleListRow, staff: boolean) {
  const state = cycle.cycle.state;
  if (state === 'soliciting' || (staff && state === 'screening')) return;
  throw new DomainError('LIVELIHOOD_SOLICITATION_CLOSED', `${cycle.bodyName}${cycle.cycle.year}年度民生实事项目征集已结束`, undefined, 409);
}

function present(r: repo.ProposalListRow, ctx: ActorContext): Proposal {
  const p = r.proposal;
  const state = p.state as ProposalState;
  const source = p.source as ProposalSource;
  return {
    id: p.id,
    cycleId: p.cycleId,
    bodyName: r.bodyName,
    year: r.year,
    source,
    sourceLabel: proposalSourceLabel[source],
    title: p.title,
    content: p.content,
    location: p.location,
    category: p.category as LivelihoodCategory,
    proposerName: p.proposerName,
    trackingCode: p.trackingCode ? formatTrackingCode(p.trackingCode) : null,
    opinionId: p.opinionId,
    state,
    stateLabel: proposalStateLabel[state],
    mergedIntoId: p.mergedIntoId,
    projectId: p.projectId,
    projectName: r.projectName,
    declineReason: p.declineReason,
    allowedActions: proposalWorkflow.allowedActions(state, { role: ctx.actor.role }),
    createdAt: p.createdAt.toISOString(),
  };
}

/** Staff and leaders see every proposal of their scope; a deputy or a department the ones they made. */
const ownOf = (ctx: ActorContext): repo.OwnProposals =>
  ctx.actor.role === 'deputy' || ctx.actor.role === 'handling_unit' ? { submittedBy: ctx.actor.id } : {};

export async function pageProposals(db: Db, ctx: ActorContext, q: ProposalQuery): Promise<Page<Proposal>> {
  const { rows, total } = await repo.pageProposals(db, ctx.actor, ownOf(ctx), q);
  return pageResult(
    rows.map((r) => present(r, ctx)),
    total,
    q,
  );
}

async function getProposal(db: Executor, ctx: ActorContext, id: string) {
  const row = await repo.getProposal(db, ctx.actor, id);
  if (!row) throw notFound('项目建议', { id });
  return present(row, ctx);
}

/** A deputy or a department (handling unit) proposes in the app; staff register one received otherwise. */
export async function propose(db: Db, ctx: ActorContext, input: ProposalInput) {
  return db.transaction(async (tx) => {
    const cycle = await requireCycle(tx, ctx, input.cycleId);
    const role = ctx.actor.role;
    requireOpen(cycle, role === 'staff');
    const deputy = role === 'deputy' ? await getDeputyByUser(tx, ctx.actor.id) : undefined;
    const source: ProposalSource = role === 'deputy' ? 'deputy' : role === 'handling_unit' ? 'unit' : 'staff';
    const id = await repo.insertProposal(tx, {
      cycleId: cycle.cycle.id,
      bodyId: cycle.cycle.bodyId,
      source,
      title: input.title,
      content: input.content,
      location: input.location,
      category: input.category,
      proposerName: role === 'handling_unit' ? ctx.actor.handlingUnitName : (deputy?.deputy.name ?? ctx.actor.displayName),
      deputyId: deputy?.deputy.id ?? null,
      unitId: role === 'handling_unit' ? ctx.actor.handlingUnitId : null,
      submittedBy: ctx.actor.id,
      createdAt: clock.now(),
    });
    await recordAudit(tx, ctx, {
      entity: 'livelihood_proposal',
      entityId: id,
      bodyId: cycle.cycle.bodyId,
      action: 'propose',
      after: input,
    });
    return getProposal(tx, ctx, id!);
  });
}

/** 群众意见转为项目建议: a citizen's opinion becomes a proposal; the citizen keeps following it by SMS. */
export async function proposeFromOpinion(db: Db, ctx: ActorContext, input: ProposalFromOpinionInput) {
  return db.transaction(async (tx) => {
    const cycle = await requireCycle(tx, ctx, input.cycleId);
    requireOpen(cycle, true);
    if (await repo.opinionAlreadyProposed(tx, cycle.cycle.id, input.opinionId))
      throw new DomainError('LIVELIHOOD_OPINION_PROPOSED', '该意见已作为本年度的项目建议', undefined, 409);
    const opinion = await opinionForProposal(tx, ctx, input.opinionId);
    const id = await repo.insertProposal(tx, {
      cycleId: cycle.cycle.id,
      bodyId: cycle.cycle.bodyId,
      source: 'opinion',
      title: input.title,
      content: opinion.content,
      location: opinion.location,
      category: input.category,
      proposerName: opinion.citizenName,
      proposerPhone: opinion.citizenPhone,
      opinionId: opinion.id,
      submittedBy: ctx.actor.id,
      createdAt: clock.now(),
    });
    await recordAudit(tx, ctx, {
      entity: 'livelihood_proposal',
      entityId: id,
      bodyId: cycle.cycle.bodyId,
      action: 'propose',
      after: { opinionId: opinion.id, title: input.title },
    });
    return getProposal(tx, ctx, id!);
  });
}

/** 分类: staff set the category while screening (not a state change). */
export async function classify(db: Db, ctx: ActorContext, id: string, category: LivelihoodCategory) {
  return db.transaction(async (tx) => {
    const row = await repo.getProposal(tx, ctx.actor, id, true);
    if (!row) throw notFound('项目建议', { id });
    await repo.updateProposal(tx, id, { category, updatedAt: clock.now() });
    await recordAudit(tx, ctx, {
      entity: 'livelihood_proposal',
      entityId: id,
      bodyId: row.proposal.bodyId,
      action: 'classify',
      before: { category: row.proposal.category },
      after: { category },
    });
    return getProposal(tx, ctx, id);
  });
}

// ---- the proposal's steps on the one engine ----
type Item = repo.ProposalListRow;
type Step = (typeof proposalWorkflow.transitions)[number];
type ProposalEffect = Effect<Item, Step, ProposalAction, ProposalActionInput>;

const screening = (item: Item, cycleState: string) => {
  if (cycleState !== 'soliciting' && cycleState !== 'screening')
    throw new DomainError('LIVELIHOOD_CANDIDATES_FIXED', '候选项目已确定，不能再调整项目建议', undefined, 409);
  return item;
};

const effects: Partial<Record<ProposalAction, ProposalEffect>> = {
  adopt: async ({ tx, ctx, item, input }) => {
    const cycle = await requireCycle(tx, ctx, item.proposal.cycleId);
    screening(item, cycle.cycle.state);
    const project = await repo.getProject(tx, ctx.actor, {}, input.projectId!);
    if (!project || project.project.cycleId !== item.proposal.cycleId) throw notFound('候选项目', { projectId: input.projectId });
    await repo.followMerged(tx, item.proposal.id, project.project.id);
    return { patch: { proposal: { ...item.proposal, projectId: project.project.id } }, detail: { projectId: project.project.id } };
  },
  merge: async ({ tx, ctx, item, input }) => {
    const cycle = await requireCycle(tx, ctx, item.proposal.cycleId);
    screening(item, cycle.cycle.state);
    const into = await repo.getProposal(tx, ctx.actor, input.intoId!);
    if (!into || into.proposal.cycleId !== item.proposal.cycleId || into.proposal.id === item.proposal.id)
      throw new DomainError('LIVELIHOOD_MERGE_TARGET', '只能合并到本年度的另一条项目建议', undefined, 400);
    if (into.proposal.state === 'merged' || into.proposal.state === 'declined')
      throw new DomainError('LIVELIHOOD_MERGE_TARGET', '不能合并到已合并或未采纳的建议', undefined, 409);
    return {
      patch: { proposal: { ...item.proposal, mergedIntoId: into.proposal.id, projectId: into.proposal.projectId } },
      detail: { intoId: into.proposal.id },
    };
  },
  decline: async ({ tx, ctx, item, input }) => {
    const cycle = await requireCycle(tx, ctx, item.proposal.cycleId);
    screening(item, cycle.cycle.state);
    return { patch: { proposal: { ...item.proposal, declineReason: input.reason ?? null } }, detail: { reason: input.reason } };
  },
};

export const proposalMachine: Machine<Item, ProposalState, ProposalAction, never, never, Step, ProposalActionInput> = {
  workflow: proposalWorkflow,
  entity: 'livelihood_proposal',
  async load(tx, ctx, id) {
    const row = await repo.getProposal(tx, ctx.actor, id, true);
    if (!row) throw notFound('项目建议', { id });
    return row;
  },
  stateOf: (p) => p.proposal.state as ProposalState,
  bodyOf: (p) => p.proposal.bodyId,
  standing: async (_tx, ctx) => ({ role: ctx.actor.role }),
  effects,
  async save(tx, item, to, patch, now) {
    const proposal = { ...item.proposal, ...(patch.proposal ?? {}), state: to, updatedAt: now };
    const { id: _id, ...columns } = proposal;
    await repo.updateProposal(tx, item.proposal.id, columns);
    return { ...item, proposal };
  },
};

export async function actOnProposal(
  db: Db,
  notifier: Notifier,
  ctx: ActorContext,
  id: string,
  action: ProposalAction,
  input: ProposalActionInput,
) {
  return db.transaction(async (tx) => {
    await applyAction(tx, notifier, proposalMachine, ctx, id, action, input);
    return getProposal(tx, ctx, id);
  });
}

// ---- the citizens' page (the QR code of the cycle; the same tracking codes as opinions) ----
const badQr = () => new DomainError('LIVELIHOOD_QR_INVALID', '二维码无效，请向人大工作人员咨询', undefined, 404);
const badCode = () => new DomainError('LIVELIHOOD_TRACKING_NOT_FOUND', '查询码不存在，请核对后重新输入', undefined, 404);

export async function publicForm(db: Db, code: string): Promise<PublicCycleForm> {
  const normalized = normalizeTrackingCode(code);
  const cycle = normalized ? await repo.findPublicCycle(db, { publicCode: normalized }) : undefined;
  if (!cycle) throw badQr();
  return {
    bodyName: cycle.bodyName,
    year: cycle.cycle.year,
    title: `${cycle.bodyName}${cycle.cycle.year}年度民生实事项目征集`,
    open: cycle.cycle.state === 'soliciting',
    solicitUntil: cycle.cycle.solicitUntil,
  };
}

/** A citizen proposes; a retry with the same client token gets the same tracking code (one proposal stored). */
export async function submitPublic(db: Db, ctx: RequestContext, input: PublicProposalInput) {
  return db.transaction(async (tx) => {
    const normalized = normalizeTrackingCode(input.cycle);
    const cycle = normalized ? await repo.findPublicCycle(tx, { publicCode: normalized }) : undefined;
    if (!cycle) throw badQr();
    const earlier = await repo.findByClientToken(tx, cycle.cycle.id, input.clientToken);
    if (earlier?.trackingCode) return { trackingCode: formatTrackingCode(earlier.trackingCode), repeated: true };
    requireOpen(cycle, false);
    const trackingCode = newTrackingCode();
    const id = await repo.insertProposal(tx, {
      cycleId: cycle.cycle.id,
      bodyId: cycle.cycle.bodyId,
      source: 'citizen',
      title: input.title,
      content: input.content,
      location: input.location,
      category: 'other',
      proposerName: input.name || null,
      proposerPhone: input.phone,
      trackingCode,
      clientToken: input.clientToken,
      createdAt: clock.now(),
    });
    // Two retries racing: the unique (cycle, client token) keeps one; the loser answers with the winner's code.
    if (!id) {
      const winner = await repo.findByClientToken(tx, cycle.cycle.id, input.clientToken);
      return { trackingCode: formatTrackingCode(winner!.trackingCode!), repeated: true };
    }
    await recordAudit(tx, ctx, {
      entity: 'livelihood_proposal',
      entityId: id,
      bodyId: cycle.cycle.bodyId,
      action: 'propose',
      after: { source: 'citizen', title: input.title },
    });
    return { trackingCode: formatTrackingCode(trackingCode), repeated: false };
  });
}

export async function trackPublic(db: Db, code: string): Promise<PublicProposalView> {
  const normalized = normalizeTrackingCode(code);
  const row = normalized ? await repo.findProposalByTracking(db, normalized) : undefined;
  if (!row) throw badCode();
  const p = row.proposal;
  const project = p.projectId ? await repo.findPublicProject(db, p.projectId) : undefined;
  return {
    trackingCode: formatTrackingCode(p.trackingCode!),
    title: p.title,
    bodyName: row.bodyName,
    year: row.year,
    stateLabel: proposalStateLabel[p.state as ProposalState],
    projectName: project?.name ?? null,
    projectStateLabel: project ? projectStateLabel[project.state as ProjectState] : null,
    submittedAt: p.createdAt.toISOString(),
  };
}
