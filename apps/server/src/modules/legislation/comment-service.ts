import {
  adoptionLabel,
  commentSourceLabel,
  commentStateLabel,
  draftStateLabel,
  type Adoption,
  type BulkResult,
  type CommentAction,
  type CommentActionInput,
  type CommentGroups,
  type CommentModerateInput,
  type CommentQuery,
  type CommentSource,
  type CommentState,
  type DraftComment,
  type DraftState,
  type OfflineCommentInput,
  type Page,
  type PublicCommentInput,
  type PublicDraft,
} from '@renda/shared';
import type { Db, Executor, Tx } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import { clock } from '../../platform/clock.js';
import type { ActorContext, RequestContext } from '../../platform/context.js';
import { chinaDate } from '../../platform/deadlines.js';
import { conflict, DomainError, notFound } from '../../platform/errors.js';
import type { Notifier } from '../../platform/notifications.js';
import { EXPORT_LIMIT, pageResult } from '../../platform/pagination.js';
import { applyAction, applyToEach, type Machine } from '../../platform/workflow.js';
import * as repo from './comment-repository.js';
import type { CommentRecord, CommentRow } from './comment-repository.js';
import { memberPoint } from './contact-point-service.js';
import * as draftsRepo from './draft-repository.js';
import { requireDraft } from './draft-service.js';
import { groupSimilar } from './grouping.js';
import { maskPhone } from '@renda/shared';
import { commentWindowRefusal, offlineRefusal, phoneLimits } from './rules.js';
import { commentWorkflow, type CommentStep } from './workflow.js';

/** Comments: the public page, contact points' offline ones, moderation and the handling marks. */

function present(row: CommentRow, ctx: ActorContext): DraftComment {
  const c = row.comment;
  const state = c.state as CommentState;
  const adoption = c.adoption as Adoption | null;
  const source = c.source as CommentSource;
  return {
    id: c.id,
    draftId: c.draftId,
    versionNumber: row.versionNumber,
    articleId: c.articleId,
    articleLabel: row.articleLabel,
    quote: c.quote,
    content: c.content,
    source,
    sourceLabel: commentSourceLabel[source],
    contactPointId: c.contactPointId,
    contactPointName: row.contactPointName,
    participants: c.participants,
    gatheredOn: c.gatheredOn,
    name: c.name,
    phone: c.phone ? maskPhone(c.phone) : null,
    notifyConsent: c.notifyConsent,
    state,
    stateLabel: commentStateLabel[state],
    rejectReason: c.rejectReason,
    adoption,
    adoptionLabel: adoption ? adoptionLabel[adoption] : null,
    adoptionReason: c.adoptionReason,
    // Marks are final once the summary report is made.
    allowedActions: row.draftState === 'summarised' ? [] : commentWorkflow.allowedActions(state, { role: ctx.actor.role }),
    createdAt: c.createdAt.toISOString(),
  };
}

export async function pageComments(db: Db, ctx: ActorContext, draftId: string, q: CommentQuery): Promise<Page<DraftComment>> {
  await requireDraft(db, ctx, draftId);
  const { rows, total } = await repo.pageComments(db, draftId, q);
  return pageResult(
    rows.map((r) => present(r, ctx)),
    total,
    q,
  );
}

export async function listComments(db: Db, ctx: ActorContext, draftId: string, q: Omit<CommentQuery, 'page' | 'pageSize'>) {
  await requireDraft(db, ctx, draftId);
  return (await repo.listComments(db, draftId, q, EXPORT_LIMIT)).map((r) => present(r, ctx));
}

/** Similar comments grouped per article (jieba words, platform/text.ts), rejected ones left out. */
export async function similarGroups(db: Db, ctx: ActorContext, draftId: string): Promise<CommentGroups> {
  await requireDraft(db, ctx, draftId);
  const rows = (await repo.listComments(db, draftId, {}, EXPORT_LIMIT)).filter((r) => r.comment.state !== 'rejected');
  const byArticle = new Map<string | null, CommentRow[]>();
  for (const r of rows) byArticle.set(r.articleLabel, [...(byArticle.get(r.articleLabel) ?? []), r]);
  const groups = [...byArticle.entries()].flatMap(([articleLabel, list]) =>
    groupSimilar(list.map((r) => r.comment)).map((g) => ({
      articleLabel,
      keywords: g.keywords,
      comments: g.comments.map((c) => ({ id: c.id, content: c.content, participants: c.participants })),
    })),
  );
  // The groups with most people first: what the summary should weigh most.
  const weight = (g: (typeof groups)[number]) => g.comments.reduce((s, c) => s + c.participants, 0);
  return { groups: groups.sort((a, b) => weight(b) - weight(a)) };
}

// ---- moderation and marks, on the one engine ----

async function requireComment(db: Executor, ctx: ActorContext, id: string, forUpdate = false) {
  const row = await repo.getComment(db, ctx.actor, id, forUpdate);
  if (!row) throw notFound('意见', { id });
  return row;
}

type CommentInput = CommentActionInput | null | undefined;
type CommentItem = CommentRecord & { draftState: string; draftBodyId: string };

const commentMachine: Machine<CommentItem, CommentState, CommentAction, never, never, CommentStep, CommentInput> = {
  workflow: commentWorkflow,
  entity: 'legislation_comment',
  load: async (tx, ctx, id) => {
    const row = await requireComment(tx, ctx, id, true);
    return { ...row.comment, draftState: row.draftState, draftBodyId: row.draftBodyId };
  },
  stateOf: (c) => c.state as CommentState,
  bodyOf: (c) => c.draftBodyId,
  standing: async (_tx, ctx) => ({ role: ctx.actor.role }),
  check: ({ item }) => {
    if (item.draftState === 'summarised')
      throw conflict('LEGISLATION_SUMMARISED', `该草案${draftStateLabel.summarised}，意见的审核和处理情况不能再更改`);
  },
  effects: {
    approve: async ({ now }) => ({ patch: { moderatedAt: now } }),
    reject: async ({ input, now }) => ({ patch: { moderatedAt: now, rejectReason: input!.reason! }, detail: { reason: input!.reason } }),
    mark: async ({ input, now }) => ({
      patch: { adoption: input!.adoption!, adoptionReason: input!.reason!, markedAt: now },
      detail: { adoption: input!.adoption, reason: input!.reason },
    }),
  },
  save: async (tx, item, to, patch) => ({
    ...(await repo.updateComment(tx, item.id, { ...patch, state: to })),
    draftState: item.draftState,
    draftBodyId: item.draftBodyId,
  }),
};

export async function act(db: Db, notifier: Notifier, ctx: ActorContext, id: string, action: CommentAction, input: CommentInput) {
  return db.transaction(async (tx) => {
    await applyAction(tx, notifier, commentMachine, ctx, id, action, input ?? {});
    return present(await requireComment(tx, ctx, id), ctx);
  });
}

/**
 * 批量审核: the selected comments of one draft approved or refused with one reason, each the single
 * action in its own transaction (its own state check and audit entry); a comment outside the
 * actor's scope or of another draft is reported as not found, without touching the others.
 */
export async function moderate(
  db: Db,
  notifier: Notifier,
  ctx: ActorContext,
  draftId: string,
  input: CommentModerateInput,
  log: (err: unknown, id: string) => void,
): Promise<BulkResult> {
  await requireDraft(db, ctx, draftId);
  const step = input.action === 'reject' ? { reason: input.reason } : {};
  return applyToEach(
    db,
    input.ids,
    async (tx, id) => {
      if ((await requireComment(tx, ctx, id)).comment.draftId !== draftId) throw notFound('意见', { id });
      await applyAction(tx, notifier, commentMachine, ctx, id, input.action, step);
    },
    log,
  );
}

// ---- the public page ----

const PUBLISHED_LIMIT = 200;

async function requirePublic(db: Executor, code: string, forUpdate = false) {
  const row = await draftsRepo.findDraftByPublicCode(db, code, forUpdate);
  // A draft still being written is not public.
  if (!row || row.draft.state === 'drafting') throw notFound('法规草案', { code });
  return row;
}

export async function publicDraft(db: Db, code: string): Promise<PublicDraft> {
  const { draft: d, bodyName } = await requirePublic(db, code);
  const version = await draftsRepo.currentVersion(db, d.id);
  const articles = await draftsRepo.articlesOf(db, version.id);
  const counts = await draftsRepo.articleCounts(db, d.id, version.id, true);
  const points = await draftsRepo.pointsOfDrafts(db, [d.id]);
  const comments = await repo.publishedComments(db, d.id, PUBLISHED_LIMIT);
  const refusal = commentWindowRefusal(d, chinaDate(clock.now()));
  const state = d.state as DraftState;
  return {
    title: d.title,
    bodyName,
    drafter: d.drafter,
    commentFrom: d.commentFrom,
    commentTo: d.commentTo,
    state,
    stateLabel: draftStateLabel[state],
    acceptingComments: refusal === null,
    closedReason: refusal,
    explanation: version.explanation,
    contactPoints: points.map((p) => ({ name: p.name, address: p.address })),
    articles: articles.map((a) => ({
      id: a.id,
      label: a.label,
      chapter: a.chapter,
      text: a.text,
      comments: counts.find((c) => c.articleId === a.id)?.comments ?? 0,
    })),
    comments: comments.map((c) => ({
      articleLabel: c.articleLabel,
      quote: c.quote,
      content: c.content,
      sourceLabel: commentSourceLabel[c.source as CommentSource],
      createdAt: c.createdAt.toISOString(),
    })),
  };
}

const fieldError = (code: string, path: string, message: string) => new DomainError(code, message, { fields: [{ path, message }] });

async function checkPhoneLimit(tx: Executor, phone: string | undefined, now: Date) {
  if (!phone) return;
  if ((await repo.commentsOfPhoneSince(tx, phone, new Date(now.getTime() - 3_600_000))) >= phoneLimits.perHour)
    throw new DomainError('LEGISLATION_PHONE_LIMIT', '该手机号一小时内提交的意见较多，请稍后再提交', undefined, 429);
  if ((await repo.commentsOfPhoneSince(tx, phone, new Date(now.getTime() - 86_400_000))) >= phoneLimits.perDay)
    throw new DomainError('LEGISLATION_PHONE_LIMIT', '该手机号今天提交的意见已达上限，请明天再提交', undefined, 429);
}

/** Finds the article of the current version and checks the selected passage occurs in it. */
async function articleOf(tx: Executor, versionId: string, articleId: string | undefined, quote: string | undefined) {
  if (!articleId) return null;
  const article = (await draftsRepo.articlesOf(tx, versionId)).find((a) => a.id === articleId);
  if (!article) throw fieldError('LEGISLATION_ARTICLE_UNKNOWN', 'articleId', '该条文不在现行草案中，请刷新页面后重试');
  if (quote && !article.text.replace(/\s+/g, '').includes(quote.replace(/\s+/g, '')))
    throw fieldError('LEGISLATION_QUOTE_UNKNOWN', 'quote', `选中的文字不在${article.label}中，请重新选择`);
  return article;
}

/** 公开征求意见: anyone comments; it waits for moderation. Name and phone are optional. */
export async function submitPublic(db: Db, ctx: RequestContext, code: string, input: PublicCommentInput) {
  return db.transaction(async (tx) => {
    const { draft: d } = await requirePublic(tx, code);
    const now = clock.now();
    const refusal = commentWindowRefusal(d, chinaDate(now));
    if (refusal) throw conflict('LEGISLATION_NOT_OPEN', refusal);
    await checkPhoneLimit(tx, input.phone, now);
    const version = await draftsRepo.currentVersion(tx, d.id);
    const article = await articleOf(tx, version.id, input.articleId, input.quote);
    const [created] = await repo.insertComments(tx, [
      {
        draftId: d.id,
        versionId: version.id,
        articleId: article?.id ?? null,
        quote: article && input.quote ? input.quote : null,
        content: input.content,
        source: 'public',
        participants: 1,
        gatheredOn: chinaDate(now),
        name: input.name || null,
        phone: input.phone ?? null,
        notifyConsent: input.notifyConsent,
        state: 'pending',
        ip: ctx.ip,
        createdAt: now,
      },
    ]);
    // Neither the name nor the phone goes into the trail.
    await recordAudit(tx, ctx, {
      entity: 'legislation_comment',
      entityId: created!.id,
      bodyId: d.bodyId,
      action: 'submit',
      after: { article: article?.label ?? null, source: 'public' },
    });
    return { ok: true as const, message: '感谢您参与立法！您的意见经审核后公开显示。' };
  });
}

// ---- contact points' offline comments ----

/**
 * Who may enter a contact point's comments for a draft: a member of the point, or staff whose scope
 * covers the draft's body; the point must take part in the draft.
 */
async function requireOfflineAccess(tx: Executor, ctx: ActorContext, draftId: string, pointId: string) {
  const row = await draftsRepo.getDraftUnscoped(tx, draftId);
  if (!row) throw notFound('法规草案', { draftId });
  const member = await memberPoint(tx, ctx, pointId);
  const inScope = (await draftsRepo.getDraft(tx, ctx.actor, draftId)) !== undefined;
  if (!member && !inScope) throw notFound('法规草案', { draftId });
  if (!(await draftsRepo.draftHasPoint(tx, draftId, pointId)))
    throw fieldError('LEGISLATION_POINT_NOT_TAKING_PART', 'contactPointId', '该联系点未参与本草案的征求意见');
  return row.draft;
}

export interface OfflineRow extends Omit<OfflineCommentInput, 'contactPointId'> {
  row?: number;
}

/** Writes a contact point's comments (already checked row by row) in one transaction. */
export async function insertOffline(tx: Tx, ctx: ActorContext, draftId: string, pointId: string, rows: OfflineRow[]) {
  const d = await requireOfflineAccess(tx, ctx, draftId, pointId);
  const today = chinaDate(clock.now());
  const version = await draftsRepo.currentVersion(tx, d.id);
  const articles = await draftsRepo.articlesOf(tx, version.id);
  const errors: { row: number; message: string }[] = [];
  const values = rows.map((r, i) => {
    const row = r.row ?? i + 1;
    const refusal = offlineRefusal(d, r.gatheredOn, today);
    if (refusal) errors.push({ row, message: refusal });
    const article = r.articleNumber ? articles.find((a) => a.number === r.articleNumber) : null;
    if (r.articleNumber && !article) errors.push({ row, message: `现行草案中没有第 ${r.articleNumber} 条` });
    return {
      draftId: d.id,
      versionId: version.id,
      articleId: article?.id ?? null,
      content: r.content,
      source: 'contact_point',
      contactPointId: pointId,
      participants: r.participants,
      gatheredOn: r.gatheredOn,
      name: r.name || null,
      // Entered by an accountable account: shown without waiting for moderation.
      state: 'approved',
      createdBy: ctx.actor.id,
      createdAt: clock.now(),
    };
  });
  if (errors.length) return { errors, ids: [] as string[] };
  const ids = (await repo.insertComments(tx, values)).map((r) => r.id);
  await recordAudit(tx, ctx, {
    entity: 'legislation_comment',
    entityId: d.id,
    bodyId: d.bodyId,
    action: 'enterOffline',
    after: { contactPointId: pointId, comments: ids.length, participants: rows.reduce((s, r) => s + r.participants, 0) },
  });
  return { errors, ids };
}

export async function enterOffline(db: Db, ctx: ActorContext, draftId: string, input: OfflineCommentInput) {
  return db.transaction(async (tx) => {
    const { contactPointId, ...row } = input;
    const { errors, ids } = await insertOffline(tx, ctx, draftId, contactPointId, [row]);
    if (errors.length) throw new DomainError('LEGISLATION_OFFLINE_REFUSED', errors[0]!.message, { errors });
    return present((await repo.getCommentById(tx, ids[0]!))!, ctx);
  });
}
