import {
  can,
  majorMatterStateLabel,
  type MajorMatter,
  type MajorMatterAction,
  type MajorMatterActionInput,
  type MajorMatterInput,
  type MajorMatterState,
  type Page,
  type PassThreshold,
} from '@renda/shared';
import type { Db, Executor } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import { clock } from '../../platform/clock.js';
import type { ActorContext } from '../../platform/context.js';
import { DomainError, notFound } from '../../platform/errors.js';
import type { Notifier } from '../../platform/notifications.js';
import { pageResult } from '../../platform/pagination.js';
import { requireBodyInScope } from '../../platform/scope.js';
import { applyAction, type Machine } from '../../platform/workflow.js';
import type { FollowUpSubjectSource } from '../followups/index.js';
import * as repo from './majors-repository.js';
import type { MatterRecord, MatterRow } from './majors-repository.js';
import * as meetingsRepo from './repository.js';
import { addItemInTx, requireMeeting } from './service.js';
import { majorMatterWorkflow, type Step } from './workflow.js';

const iso = (d: Date | null) => d?.toISOString() ?? null;

async function present(db: Executor, ctx: ActorContext, row: MatterRow): Promise<MajorMatter> {
  const m = row.matter;
  const state = m.state as MajorMatterState;
  return {
    id: m.id,
    bodyId: m.bodyId,
    bodyName: row.bodyName,
    title: m.title,
    proposer: m.proposer,
    proposal: m.proposal,
    threshold: m.threshold as PassThreshold,
    evaluation: m.evaluation,
    meetingId: m.meetingId,
    meetingTitle: row.meetingTitle,
    agendaItemId: m.agendaItemId,
    resolution: m.resolution,
    resultText: m.resultText,
    state,
    stateLabel: majorMatterStateLabel[state],
    allowedActions: majorMatterWorkflow.allowedActions(state, { role: ctx.actor.role }),
    createdAt: m.createdAt.toISOString(),
    decidedAt: iso(m.decidedAt),
  };
}

export async function requireMatter(db: Executor, ctx: ActorContext, id: string, forUpdate = false) {
  const row = await repo.getMatter(db, ctx.actor, id, forUpdate);
  if (!row) throw notFound('重大事项', { id });
  return row;
}

export const getMatter = async (db: Executor, ctx: ActorContext, id: string) => present(db, ctx, await requireMatter(db, ctx, id));

export async function pageMatters(
  db: Db,
  ctx: ActorContext,
  q: { state?: string | undefined; page: number; pageSize: number },
): Promise<Page<MajorMatter>> {
  const { rows, total } = await repo.pageMatters(db, ctx.actor, q);
  const items = [];
  for (const row of rows) items.push(await present(db, ctx, row));
  return pageResult(items, total, q);
}

export async function createMatter(db: Db, ctx: ActorContext, input: MajorMatterInput) {
  return db.transaction(async (tx) => {
    await requireBodyInScope(tx, ctx.actor, input.bodyId);
    const id = await repo.insertMatter(tx, { ...input, state: 'proposed', createdBy: ctx.actor.id, createdAt: clock.now() });
    await recordAudit(tx, ctx, { entity: 'major_matter', entityId: id, bodyId: input.bodyId, action: 'create', after: input });
    return getMatter(tx, ctx, id);
  });
}

/** The vote's outcome recorded on the matter's agenda item, or a refusal saying the vote has not decided it. */
async function requireOutcome(tx: Executor, m: MatterRecord, wanted: 'passed' | 'failed') {
  const [item] = m.meetingId && m.agendaItemId ? [await meetingsRepo.getItem(tx, m.meetingId, m.agendaItemId)] : [];
  if (!item?.outcome) throw new DomainError('MAJOR_MATTER_NOT_VOTED', '该事项尚未表决，不能作出决定', undefined, 409);
  if (item.outcome !== wanted)
    throw new DomainError(
      'MAJOR_MATTER_OUTCOME',
      wanted === 'passed' ? '该事项表决未通过，不能作出决定' : '该事项已表决通过，请登记决定文本',
      { outcome: item.outcome },
      409,
    );
  return item;
}

const matterMachine: Machine<
  MatterRecord,
  MajorMatterState,
  MajorMatterAction,
  never,
  never,
  Step<MajorMatterState, MajorMatterAction>,
  MajorMatterActionInput
> = {
  workflow: majorMatterWorkflow,
  entity: 'major_matter',
  load: async (tx, ctx, id) => (await requireMatter(tx, ctx, id, true)).matter,
  stateOf: (m) => m.state as MajorMatterState,
  bodyOf: (m) => m.bodyId,
  standing: async (_tx, ctx) => ({ role: ctx.actor.role }),
  effects: {
    // 表决前评估 (seed 004): the evaluation is kept with the matter and printed with the resolution.
    evaluate: async ({ input, now }) => ({ patch: { evaluation: input.evaluation, evaluatedAt: now } }),
    // 审议与表决: the matter becomes an agenda item put to the vote under its threshold.
    placeOnAgenda: async ({ tx, ctx, item, input }) => {
      const meeting = await requireMeeting(tx, ctx, input.meetingId!, true);
      if (meeting.meeting.bodyId !== item.bodyId)
        throw new DomainError('MAJOR_MATTER_OTHER_BODY', '只能提请本机关的会议审议', undefined, 409);
      if (meeting.meeting.kind !== 'standing_committee' && meeting.meeting.kind !== 'congress_session')
        throw new DomainError('MAJOR_MATTER_MEETING_KIND', '重大事项须提请人民代表大会或常委会会议审议决定', undefined, 409);
      const agendaItem = await addItemInTx(tx, ctx, meeting, {
        kind: 'major_matter',
        title: `关于${item.title}的决定（草案）`,
        presenter: item.proposer,
        description: item.proposal.slice(0, 4000),
        link: { module: 'major_matters', id: item.id, title: item.title },
        toVote: true,
        threshold: item.threshold as PassThreshold,
      });
      return { patch: { meetingId: meeting.meeting.id, agendaItemId: agendaItem.id }, detail: { meetingId: meeting.meeting.id } };
    },
    decide: async ({ tx, item, input, now }) => {
      const agendaItem = await requireOutcome(tx, item, 'passed');
      return { patch: { resolution: input.resolution, resultText: agendaItem.resultText, decidedAt: now } };
    },
    fail: async ({ tx, item, now }) => {
      const agendaItem = await requireOutcome(tx, item, 'failed');
      return { patch: { resultText: agendaItem.resultText, decidedAt: now } };
    },
  },
  save: (tx, item, to, patch) => repo.updateMatter(tx, item.id, { ...patch, state: to }),
  link: (m) => `/meetings/major-matters/${m.id}`,
};

export async function act(
  db: Db,
  notifier: Notifier,
  ctx: ActorContext,
  id: string,
  action: MajorMatterAction,
  input: MajorMatterActionInput,
) {
  return db.transaction(async (tx) => {
    await applyAction(tx, notifier, matterMachine, ctx, id, action, input);
    return getMatter(tx, ctx, id);
  });
}

/**
 * 公布与实施: a decided matter's follow-up tasks live on the platform's component. Staff and leaders who see the
 * matter see its tasks; staff set them once the matter is decided; the responsible unit reports on its own.
 */
export const matterFollowUps: FollowUpSubjectSource = {
  async describe(db, id) {
    const row = await repo.getMatter(db, { bodyPath: '/' }, id);
    return row && { bodyId: row.matter.bodyId, title: row.matter.title, link: `/meetings/major-matters/${id}` };
  },
  async access(db, ctx, id) {
    if (!can(ctx.actor.role, 'meetings.read')) return null;
    const row = await repo.getMatter(db, ctx.actor, id);
    if (!row) return null;
    return {
      manage: can(ctx.actor.role, 'meetings.manage'),
      addRefusal: row.matter.state === 'decided' ? null : '作出决定后才能布置落实任务',
    };
  },
};

/** Whether an agenda item is the vote of a major matter (such an item cannot be deleted). */
export const itemHasMatter = async (tx: Executor, itemId: string) => !!(await repo.matterOfItem(tx, itemId));
