import {
  withheldDeputyName,
  type AssignmentRole,
  type CosignerCandidate,
  type Page,
  type SuggestionAction,
  type SuggestionDetail,
  type SuggestionDraftInput,
  type SuggestionKind,
  type SuggestionListItem,
  type SuggestionQuery,
  type SuggestionSessionInput,
  type SuggestionState,
  type SupervisorCandidate,
  type UnitAssignmentItem,
  type UnitAssignmentQuery,
} from '@renda/shared';
import type { Db, Executor, Tx } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import { clock } from '../../platform/clock.js';
import type { ActorContext } from '../../platform/context.js';
import { chinaDate } from '../../platform/deadlines.js';
import { DomainError, notFound } from '../../platform/errors.js';
import type { Notifier } from '../../platform/notifications.js';
import { applyAction as runAction, type Machine } from '../../platform/workflow.js';
import { pageResult } from '../../platform/pagination.js';
import { leadersOfBody } from '../../platform/recipients.js';
import { requireBodyInScope } from '../../platform/scope.js';
import { effects, type ActionInput } from './effects.js';
import { categoryLabel } from './categories.js';
import { assignmentLetter, replyAddressees, replyLetter } from './letters.js';
import { settingsFor } from './settings.js';
import { presentDetail, presentListItem, presentSession, presentUnitAssignment } from './presenters.js';
import * as repo from './repository.js';
import { suggestionWorkflow, type Facts, type Party, type Standing, type Transition } from './workflow.js';

export interface SuggestionDeps {
  /** A connection, or a caller's transaction (drafting from another module nests as a savepoint). */
  db: Executor;
  notifier: Notifier;
}

/**
 * What the actor is to this item (lead deputy or co-signer, lead or joint unit), and what holds of the
 * item for the steps that need it (`conditions` in workflow.ts).
 */
export async function standingOf(db: Executor, ctx: ActorContext, item: repo.SuggestionRow): Promise<Standing> {
  const [assignments, extensions] = await Promise.all([repo.assignmentsOf(db, item.id), repo.extensionsOf(db, item.id)]);
  const facts: Facts = {
    key: item.isKey,
    reassignmentPending: assignments.some(({ a }) => a.state === 'reassignment_requested'),
    extensionPending: extensions.some(({ e }) => e.state === 'pending'),
    jointOpinionPending: assignments.some(({ a }) => a.role === 'joint' && ['assigned', 'signed_for'].includes(a.state)),
    // 分别办理: a unit's reply awaits review, a released reply awaits the deputy's rating, a unit asked to be changed.
    separateReleasable: assignments.some(({ a }) => a.role === 'separate' && a.state === 'replied'),
    separateRatable: assignments.some(({ a }) => a.role === 'separate' && a.state === 'released'),
    separateReassignment: assignments.some(({ a }) => a.role === 'separate' && a.state === 'reassignment_requested'),
  };
  const standing: Standing = { role: ctx.actor.role, kind: item.kind as SuggestionKind, facts };
  if (ctx.actor.role === 'deputy') {
    const mine = new Set((await repo.deputiesOfUser(db, ctx.actor.id)).map((d) => d.id));
    if (mine.has(item.leadDeputyId)) standing.party = 'leadDeputy';
    else if ((await repo.cosignersOf(db, item.id)).some(({ c }) => mine.has(c.deputyId))) standing.party = 'cosigner';
  }
  if (ctx.actor.role === 'handling_unit') {
    const mine = assignments.find(({ a }) => a.unitId === ctx.actor.handlingUnitId && a.state !== 'withdrawn');
    if (mine) standing.party = ({ lead: 'leadUnit', joint: 'jointUnit', separate: 'separateUnit' } as const)[mine.a.role as AssignmentRole];
  }
  return standing;
}

async function requireItem(tx: Executor, ctx: ActorContext, id: string) {
  const item = await repo.getForUpdate(tx, ctx.actor, id);
  if (!item) throw notFound('建议', { id });
  return item;
}

// ---- drafting ----

/** The deputy row of the acting user in the body the suggestion goes to (their own body first). */
async function leadDeputyOf(db: Executor, ctx: ActorContext) {
  const mine = await repo.deputiesOfUser(db, ctx.actor.id);
  const deputy = mine.find((d) => d.bodyId === ctx.actor.bodyId && d.status === 'in_office') ?? mine.find((d) => d.status === 'in_office');
  if (!deputy) throw new DomainError('NOT_A_DEPUTY', '您的账号未关联在任代表，不能提出建议', undefined, 403);
  return deputy;
}

async function checkDraft(db: Executor, bodyId: string, leadDeputyId: string, input: SuggestionDraftInput) {
  if (input.period === 'session') {
    if (!input.sessionId)
      throw new DomainError('SESSION_REQUIRED', '大会期间提出的建议须选择会议', { fields: [{ path: 'sessionId', message: '请选择会议' }] });
    const session = await repo.getSession(db, input.sessionId);
    if (!session || session.bodyId !== bodyId)
      throw new DomainError('SESSION_NOT_FOUND', '所选会议不是本级人民代表大会的会议', {
        fields: [{ path: 'sessionId', message: '会议不存在' }],
      });
  }
  const ids = [...new Set(input.cosignerIds)];
  if (ids.includes(leadDeputyId))
    throw new DomainError('COSIGNER_IS_LEAD', '领衔代表不必再作为联名代表', { fields: [{ path: 'cosignerIds', message: '不能选择自己' }] });
  const found = await repo.deputiesByIds(db, ids);
  const wrong = ids.filter((id) => !found.some((d) => d.id === id && d.bodyId === bodyId && d.status === 'in_office'));
  if (wrong.length)
    throw new DomainError('COSIGNER_NOT_FOUND', '联名代表须为本级在任代表', {
      fields: [{ path: 'cosignerIds', message: '有代表不符合联名条件' }],
      wrong,
    });
  return {
    cosigners: found,
    year: input.sessionId ? (await repo.getSession(db, input.sessionId))!.year : Number(chinaDate(clock.now()).slice(0, 4)),
  };
}

async function notifyCosigners(
  tx: Tx,
  notifier: Notifier,
  cosigners: { userId: string | null }[],
  title: string,
  id: string,
  leadName: string,
) {
  for (const c of cosigners)
    if (c.userId)
      await notifier.notify(tx, {
        userId: c.userId,
        title: '联名邀请',
        body: `${leadName}代表邀请您联名提出《${title}》，请确认`,
        link: `/suggestions/${id}`,
      });
}

export async function createDraft(
  { db, notifier }: SuggestionDeps,
  ctx: ActorContext,
  input: SuggestionDraftInput,
): Promise<SuggestionDetail> {
  const id = await db.transaction(async (tx) => {
    const lead = await leadDeputyOf(tx, ctx);
    const { cosigners, year } = await checkDraft(tx, lead.bodyId, lead.id, input);
    const now = clock.now();
    const created = await repo.insertSuggestion(tx, {
      bodyId: lead.bodyId,
      sessionId: input.period === 'session' ? input.sessionId : null,
      kind: input.kind,
      period: input.period,
      year,
      title: input.title,
      content: input.content,
      field: input.field,
      leadDeputyId: lead.id,
      createdBy: ctx.actor.id,
      state: 'draft',
      opinionIds: input.opinionIds,
      confidential: input.confidential,
      createdAt: now,
      updatedAt: now,
    });
    await repo.replaceCosigners(
      tx,
      created.id,
      cosigners.map((c) => c.id),
      now,
    );
    await recordAudit(tx, ctx, { entity: 'suggestion', entityId: created.id, bodyId: lead.bodyId, action: 'create', after: { ...input } });
    await notifyCosigners(tx, notifier, cosigners, input.title, created.id, lead.name);
    return created.id;
  });
  return getDetail(db, ctx, id);
}

/** Editing a draft (or a returned item) asks every co-signer to confirm again: they sign the content, not the title. */
export async function updateDraft(
  { db, notifier }: SuggestionDeps,
  ctx: ActorContext,
  id: string,
  input: SuggestionDraftInput,
): Promise<SuggestionDetail> {
  await db.transaction(async (tx) => {
    const item = await requireItem(tx, ctx, id);
    const standing = await standingOf(tx, ctx, item);
    if (standing.party !== 'leadDeputy') throw new DomainError('SUGGESTION_ACTION_FORBIDDEN', '只有领衔代表可以修改', undefined, 403);
    if (item.state !== 'draft' && item.state !== 'returned')
      throw new DomainError('SUGGESTION_ACTION_NOT_ALLOWED', '只有草稿或已退回的建议可以修改', { state: item.state }, 409);
    const { cosigners, year } = await checkDraft(tx, item.bodyId, item.leadDeputyId, input);
    const now = clock.now();
    const after = await repo.updateSuggestion(tx, id, {
      kind: input.kind,
      period: input.period,
      sessionId: input.period === 'session' ? input.sessionId : null,
      year,
      title: input.title,
      content: input.content,
      field: input.field,
      opinionIds: input.opinionIds,
      confidential: input.confidential,
      updatedAt: now,
    });
    await repo.replaceCosigners(
      tx,
      id,
      cosigners.map((c) => c.id),
      now,
    );
    await recordAudit(tx, ctx, { entity: 'suggestion', entityId: id, bodyId: item.bodyId, action: 'update', before: item, after });
    const lead = await repo.getDeputy(tx, item.leadDeputyId);
    await notifyCosigners(tx, notifier, cosigners, input.title, id, lead!.name);
  });
  return getDetail(db, ctx, id);
}

// ---- status changes: one function, driven by the workflow table ----

export async function act(
  deps: SuggestionDeps,
  ctx: ActorContext,
  id: string,
  action: SuggestionAction,
  input: ActionInput = {},
): Promise<SuggestionDetail> {
  await deps.db.transaction(async (tx) => {
    await applyAction(tx, deps.notifier, ctx, id, action, input);
  });
  return getDetail(deps.db, ctx, id);
}

/** The suggestion workflow bound to its rows, for the platform's one engine. */
const machine: Machine<repo.SuggestionRow, SuggestionState, SuggestionAction, Party, SuggestionKind, Transition, ActionInput> = {
  workflow: suggestionWorkflow,
  entity: 'suggestion',
  load: requireItem,
  stateOf: (item) => item.state as SuggestionState,
  bodyOf: (item) => item.bodyId,
  standing: (tx, ctx, item) => standingOf(tx, ctx, item),
  effects,
  save: (tx, item, state, patch, now) => repo.updateSuggestion(tx, item.id, { ...patch, state, updatedAt: now }),
  link: (item) => `/suggestions/${item.id}`,
};

/** Check → effect → state change → audit → notices, inside the caller's transaction (platform/workflow.ts). */
export async function applyAction(tx: Tx, notifier: Notifier, ctx: ActorContext, id: string, action: SuggestionAction, input: ActionInput) {
  return (await runAction(tx, notifier, machine, ctx, id, action, input)).after;
}

// ---- reading ----

export async function page(db: Db, ctx: ActorContext, q: SuggestionQuery): Promise<Page<SuggestionListItem>> {
  const now = clock.now();
  const { rows, total, capped } = await repo.pageSuggestions(db, ctx.actor, q, now);
  return {
    ...pageResult(
      rows.map((r) => presentListItem(r, now, ctx.actor.role)),
      total,
      q,
    ),
    totalIsLowerBound: capped,
  };
}

/** Items past their reply deadline in the actor's scope. */
export async function overdueList(db: Db, ctx: ActorContext, q: SuggestionQuery) {
  return repo.pageSuggestions(db, ctx.actor, { ...q, overdue: 'true' }, clock.now());
}

/** A handling unit's inbox: its own assignments with their deadlines. */
export async function pageUnitAssignments(db: Db, ctx: ActorContext, q: UnitAssignmentQuery): Promise<Page<UnitAssignmentItem>> {
  const now = clock.now();
  const { rows, total } = await repo.pageUnitAssignments(db, ctx.actor, q, now);
  return pageResult(
    rows.map((r) => presentUnitAssignment(r, now)),
    total,
    q,
  );
}

/** Whom the acting deputy may invite to co-sign: the in-office deputies of their congress. */
export async function cosignerCandidates(db: Db, ctx: ActorContext): Promise<CosignerCandidate[]> {
  const lead = await leadDeputyOf(db, ctx);
  return repo.cosignerCandidates(db, lead.bodyId, lead.id);
}

/** The congress leaders who may supervise (督办) the body's key suggestions. */
export async function supervisorCandidates(db: Db, ctx: ActorContext, bodyId: string): Promise<SupervisorCandidate[]> {
  await requireBodyInScope(db, ctx.actor, bodyId);
  return (await leadersOfBody(db, bodyId)).map(({ id, name }) => ({ id, name }));
}

export async function getDetail(db: Executor, ctx: ActorContext, id: string): Promise<SuggestionDetail> {
  const item = await repo.getListRow(db, ctx.actor, id);
  if (!item) throw notFound('建议', { id });
  const standing = await standingOf(db, ctx, item.s);
  const [cosigners, assignments, contacts, jointOpinions, replies, ratings, extensions, key, keyReviews, timeline, mergedItems, settings] =
    await Promise.all([
      repo.cosignersOf(db, id),
      repo.assignmentsOf(db, id),
      repo.contactsOf(db, id),
      repo.jointOpinionsOf(db, id),
      repo.repliesOf(db, id),
      repo.ratingsOf(db, id),
      repo.extensionsOf(db, id),
      repo.getKey(db, id),
      repo.keyReviewsOf(db, id),
      repo.timelineOf(db, id),
      repo.mergedInto(db, ctx.actor, id),
      settingsFor(db, item.s.bodyId),
    ]);
  return presentDetail(
    {
      item,
      cosigners,
      assignments,
      contacts,
      jointOpinions,
      replies,
      ratings,
      extensions,
      key,
      keyReviews,
      timeline,
      mergedItems,
      settings,
      allowedActions: suggestionWorkflow.allowedActions(item.s.state as SuggestionState, standing),
      seesDraftReplies: ['staff', 'leader', 'admin'].includes(ctx.actor.role) || standing.party === 'leadUnit',
      // 分别办理: a unit reads its own reply before release, not the other units' drafts.
      ownUnitId: standing.party === 'separateUnit' ? ctx.actor.handlingUnitId : null,
      viewer: ctx.actor.role,
    },
    clock.now(),
  );
}

// ---- sessions ----

export async function listSessions(db: Db, ctx: ActorContext) {
  return (await repo.listSessions(db, ctx.actor)).map(presentSession);
}

export async function createSession(db: Db, ctx: ActorContext, input: SuggestionSessionInput) {
  return db.transaction(async (tx) => {
    await requireBodyInScope(tx, ctx.actor, input.bodyId);
    if (input.endsOn < input.startsOn)
      throw new DomainError('SESSION_DATES', '闭幕日期不能早于开幕日期', {
        fields: [{ path: 'endsOn', message: '闭幕日期不能早于开幕日期' }],
      });
    const row = await repo.insertSession(tx, { ...input, createdAt: clock.now() });
    await recordAudit(tx, ctx, { entity: 'suggestion_session', entityId: row.id, bodyId: input.bodyId, action: 'create', after: row });
    return presentSession(row);
  });
}

// ---- letters ----

export async function assignmentLetterFile(db: Db, ctx: ActorContext, id: string, assignmentId: string) {
  const detail = await getDetail(db, ctx, id);
  const target = detail.assignments.find((a) => a.id === assignmentId);
  if (!target) throw notFound('交办记录', { assignmentId });
  if (ctx.actor.role === 'handling_unit' && target.unitId !== ctx.actor.handlingUnitId) throw notFound('交办记录', { assignmentId });
  const live = detail.assignments.filter((a) => a.state !== 'withdrawn');
  const buffer = await assignmentLetter({
    bodyName: detail.bodyName,
    sessionName: detail.sessionName,
    numberLabel: detail.numberLabel,
    title: detail.title,
    content: detail.content,
    // The letter goes to the unit: a confidential deputy's names stay out of it whoever prints it.
    leadDeputyName: detail.confidential ? null : detail.leadDeputyName,
    cosignerNames: detail.cosigners.filter((c) => c.confirmedAt).map((c) => (detail.confidential ? withheldDeputyName : c.name)),
    unitName: target.unitName,
    role: target.role,
    leadUnitName: live.find((a) => a.role === 'lead')?.unitName ?? '',
    jointUnitNames: live.filter((a) => a.role === 'joint').map((a) => a.unitName),
    otherSeparateUnitNames: live.filter((a) => a.role === 'separate' && a.id !== target.id).map((a) => a.unitName),
    assignedAt: new Date(target.assignedAt),
    signForDueAt: new Date(target.signForDueAt),
    dueAt: new Date(target.dueAt),
  });
  return { buffer, fileName: `交办函-${detail.numberLabel ?? ''}${target.unitName}.docx` };
}

/**
 * 答复函 as Word. A co-signed item's letter names the lead deputy and every confirmed co-signer, or, in a
 * body that writes one letter each, is the letter of `deputyId` (the lead deputy's by default).
 */
export async function replyLetterFile(db: Db, ctx: ActorContext, id: string, replyId: string, deputyId?: string) {
  const detail = await getDetail(db, ctx, id);
  const reply = detail.replies.find((r) => r.id === replyId);
  if (!reply) throw notFound('答复', { replyId });
  const row = await repo.getReply(db, replyId);
  const withheld = detail.leadDeputyName === withheldDeputyName;
  const to = replyAddressees(
    detail.replyLetterMode,
    { id: detail.leadDeputyId, name: detail.leadDeputyName },
    detail.cosigners.map((c) => ({ deputyId: c.deputyId, name: c.name, confirmed: !!c.confirmedAt })),
    deputyId,
  );
  if (!to) throw notFound('联名代表', { deputyId });
  const buffer = await replyLetter({
    unitName: reply.unitName,
    sessionName: detail.sessionName,
    numberLabel: detail.numberLabel,
    title: detail.title,
    to: withheld ? { names: [], leadDeputyName: null, cosigned: false } : to,
    category: reply.category,
    categoryLabel: categoryLabel(detail.replyCategories, reply.category) ?? reply.category,
    content: reply.content,
    jointOpinions: detail.jointOpinions.map(({ unitName, content }) => ({ unitName, content })),
    waivedUnitNames: detail.assignments.filter((a) => a.state === 'opinion_waived').map((a) => a.unitName),
    signer: reply.signer,
    contactPerson: row!.contactPerson,
    contactPhone: row!.contactPhone,
    createdAt: new Date(reply.createdAt),
  });
  const whose = detail.replyLetterMode === 'each' && !withheld ? `-${to.names[0]}` : '';
  return { buffer, fileName: `答复函-${detail.numberLabel ?? ''}${reply.unitName}${whose}.docx` };
}
