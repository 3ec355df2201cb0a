import {
  draftStateLabel,
  type Draft,
  type DraftAction,
  type DraftEdit,
  type DraftInput,
  type DraftQuery,
  type DraftState,
  type Page,
  type VersionComparison,
  type VersionInput,
  type VersionText,
} from '@renda/shared';
import type { Db, Executor, Tx } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import { clock } from '../../platform/clock.js';
import type { ActorContext } from '../../platform/context.js';
import { DomainError, notFound } from '../../platform/errors.js';
import type { Notifier } from '../../platform/notifications.js';
import { EXPORT_LIMIT, pageResult } from '../../platform/pagination.js';
import { requireBodyInScope } from '../../platform/scope.js';
import { applyAction, type Machine, type Notice } from '../../platform/workflow.js';
import { newPublicCode } from '../deputies/index.js';
import * as commentsRepo from './comment-repository.js';
import { compareArticles } from './compare.js';
import * as pointsRepo from './contact-point-repository.js';
import * as repo from './draft-repository.js';
import type { DraftRecord } from './draft-repository.js';
import { versionArticles } from './rules.js';
import { draftWorkflow, type DraftStep } from './workflow.js';

const presentVersion = (v: repo.VersionRecord, articleCount: number) => ({
  id: v.id,
  number: v.number,
  note: v.note,
  explanation: v.explanation,
  createdAt: v.createdAt.toISOString(),
  articleCount,
});

async function presentMany(db: Executor, ctx: ActorContext, rows: repo.DraftRow[]): Promise<Draft[]> {
  const ids = rows.map((r) => r.draft.id);
  // One after another: inside a transaction the queries share one connection.
  const versions = await repo.versionsOf(db, ids);
  const points = await repo.pointsOfDrafts(db, ids);
  const counts = await repo.commentCounts(db, ids);
  return rows.map(({ draft: d, bodyName }) => {
    const state = d.state as DraftState;
    const own = versions.filter((v) => v.version.draftId === d.id);
    return {
      id: d.id,
      bodyId: d.bodyId,
      bodyName,
      title: d.title,
      drafter: d.drafter,
      commentFrom: d.commentFrom,
      commentTo: d.commentTo,
      state,
      stateLabel: draftStateLabel[state],
      publicCode: d.publicCode,
      contactPoints: points.filter((p) => p.draftId === d.id).map((p) => ({ id: p.id, name: p.name })),
      versions: own.map((v) => presentVersion(v.version, v.articleCount)),
      currentVersionId: own.at(-1)!.version.id,
      counts: counts.get(d.id) ?? { comments: 0, pending: 0, participants: 0, unmarked: 0 },
      allowedActions: draftWorkflow.allowedActions(state, { role: ctx.actor.role }),
      createdAt: d.createdAt.toISOString(),
    };
  });
}

export async function requireDraft(db: Executor, ctx: ActorContext, id: string, forUpdate = false) {
  const row = await repo.getDraft(db, ctx.actor, id, forUpdate);
  if (!row) throw notFound('法规草案', { id });
  return row;
}

export const getDraft = async (db: Executor, ctx: ActorContext, id: string) =>
  (await presentMany(db, ctx, [await requireDraft(db, ctx, id)]))[0]!;

export async function pageDrafts(db: Db, ctx: ActorContext, q: DraftQuery): Promise<Page<Draft>> {
  const { rows, total } = await repo.pageDrafts(db, ctx.actor, q);
  return pageResult(await presentMany(db, ctx, rows), total, q);
}

export async function listForExport(db: Db, ctx: ActorContext, q: Omit<DraftQuery, 'page' | 'pageSize'>) {
  return presentMany(db, ctx, await repo.listDrafts(db, ctx.actor, q, EXPORT_LIMIT));
}

/** The contact points must be the draft body's own (or those of a body below it the actor sees). */
async function checkPoints(tx: Executor, ctx: ActorContext, ids: string[]) {
  const unique = [...new Set(ids)];
  const found = await pointsRepo.pointsByIds(tx, ctx.actor, unique);
  if (found.length !== unique.length)
    throw notFound('基层立法联系点', { ids: unique.filter((id) => !found.some((f) => f.point.id === id)) });
  return unique;
}

async function addVersion(tx: Tx, ctx: ActorContext, draftId: string, input: VersionInput) {
  const parsed = versionArticles(input);
  const version = await repo.insertVersion(
    tx,
    {
      draftId,
      note: input.note,
      explanation: input.explanation,
      preamble: parsed.preamble,
      createdBy: ctx.actor.id,
      createdAt: clock.now(),
    },
    parsed.articles,
  );
  return { version, articleCount: parsed.articles.length, warnings: parsed.warnings };
}

export async function createDraft(db: Db, ctx: ActorContext, input: DraftInput) {
  return db.transaction(async (tx) => {
    const body = await requireBodyInScope(tx, ctx.actor, input.bodyId ?? ctx.actor.bodyId);
    const points = await checkPoints(tx, ctx, input.contactPointIds);
    const id = await repo.insertDraft(tx, {
      bodyId: body.id,
      title: input.title,
      drafter: input.drafter,
      commentFrom: input.commentFrom,
      commentTo: input.commentTo,
      state: 'drafting',
      publicCode: newPublicCode(),
      createdBy: ctx.actor.id,
      createdAt: clock.now(),
    });
    await repo.setDraftPoints(tx, id, points);
    const { version, articleCount, warnings } = await addVersion(tx, ctx, id, input.version);
    await recordAudit(tx, ctx, {
      entity: 'legislation_draft',
      entityId: id,
      bodyId: body.id,
      action: 'create',
      after: {
        title: input.title,
        commentFrom: input.commentFrom,
        commentTo: input.commentTo,
        version: version.number,
        articleCount,
        points,
      },
    });
    return { draft: await getDraft(tx, ctx, id), warnings };
  });
}

/** Title, period and contact points: while drafting, and the period's end also while open (an extension). */
export async function editDraft(db: Db, ctx: ActorContext, id: string, input: DraftEdit) {
  return db.transaction(async (tx) => {
    const { draft: d } = await requireDraft(tx, ctx, id, true);
    if (d.state !== 'drafting' && d.state !== 'open')
      throw new DomainError('LEGISLATION_DRAFT_LOCKED', '征求意见结束后不能再修改草案信息', { state: d.state });
    if (d.state === 'open' && (input.commentFrom !== d.commentFrom || input.commentTo < d.commentTo))
      throw new DomainError('LEGISLATION_PERIOD_FIXED', '征求意见开始后只能延长截止日期', {
        fields: [{ path: 'commentTo', message: '只能延长截止日期' }],
      });
    const points = await checkPoints(tx, ctx, input.contactPointIds);
    const { contactPointIds: _ids, ...patch } = input;
    await repo.updateDraft(tx, id, patch);
    await repo.setDraftPoints(tx, id, points);
    await recordAudit(tx, ctx, {
      entity: 'legislation_draft',
      entityId: id,
      bodyId: d.bodyId,
      action: 'update',
      before: { title: d.title, commentFrom: d.commentFrom, commentTo: d.commentTo },
      after: { ...patch, points },
    });
    return getDraft(tx, ctx, id);
  });
}

type DraftInputOf = VersionInput | Record<string, never> | null | undefined;

/** Contributors whose comment was adopted are told once the report is made: SMS with consent, in-app for a contact point. */
async function adoptionNotices(tx: Tx, d: DraftRecord): Promise<{ notices: Notice[]; told: string[] }> {
  const adopted = await commentsRepo.adoptedUntold(tx, d.id);
  const notices: Notice[] = [];
  const byPoint = new Map<string, number>();
  for (const c of adopted) {
    if (c.contactPointId) byPoint.set(c.contactPointId, (byPoint.get(c.contactPointId) ?? 0) + 1);
    else if (c.phone && c.notifyConsent)
      notices.push({
        userIds: [],
        title: '',
        body: '',
        sms: {
          phones: [c.phone],
          bodyId: d.bodyId,
          body: `您对《${d.title}》提出的意见已被${c.adoption === 'adopted' ? '采纳' : '部分采纳'}，感谢您参与立法。`,
        },
      });
  }
  const members = await pointsRepo.membersOf(tx, [...byPoint.keys()]);
  for (const [pointId, n] of byPoint)
    notices.push({
      userIds: members.filter((m) => m.contactPointId === pointId).map((m) => m.id),
      title: '联系点意见被采纳',
      body: `本联系点对《${d.title}》提出的 ${n} 条意见被采纳或部分采纳，详见征求意见情况汇总报告。`,
      link: `/legislation/contact-points`,
    });
  return { notices, told: adopted.map((c) => c.id) };
}

const draftMachine: Machine<DraftRecord, DraftState, DraftAction, never, never, DraftStep, DraftInputOf> = {
  workflow: draftWorkflow,
  entity: 'legislation_draft',
  load: async (tx, ctx, id) => (await requireDraft(tx, ctx, id, true)).draft,
  stateOf: (d) => d.state as DraftState,
  bodyOf: (d) => d.bodyId,
  standing: async (_tx, ctx) => ({ role: ctx.actor.role }),
  link: (d) => `/legislation/drafts/${d.id}`,
  effects: {
    revise: async ({ tx, ctx, item, input }) => {
      const { version, articleCount } = await addVersion(tx, ctx, item.id, input as VersionInput);
      return { detail: { version: version.number, articleCount } };
    },
    openComment: async ({ tx, item, now }) => {
      const points = await repo.pointsOfDrafts(tx, [item.id]);
      const members = await pointsRepo.membersOf(
        tx,
        points.map((p) => p.id),
      );
      return {
        patch: { openedAt: now },
        notices: [
          {
            userIds: members.map((m) => m.id),
            title: '法规草案征求意见',
            body: `《${item.title}》公开征求意见（${item.commentFrom} 至 ${item.commentTo}），请组织收集意见并录入。`,
            link: `/legislation/contact-points`,
          },
        ],
      };
    },
    closeComment: async ({ now }) => ({ patch: { closedAt: now } }),
    summarise: async ({ tx, item, now }) => {
      const [counts] = [...(await repo.commentCounts(tx, [item.id])).values()];
      if (counts?.pending)
        throw new DomainError('LEGISLATION_COMMENTS_PENDING', `还有 ${counts.pending} 条意见待审核，请先审核`, { pending: counts.pending });
      if (counts?.unmarked)
        throw new DomainError('LEGISLATION_COMMENTS_UNMARKED', `还有 ${counts.unmarked} 条意见未标注处理情况，请先标注`, {
          unmarked: counts.unmarked,
        });
      const { notices, told } = await adoptionNotices(tx, item);
      await commentsRepo.markNotified(tx, told, now);
      return { patch: { summarisedAt: now }, detail: { told: told.length }, notices };
    },
  },
  save: (tx, item, to, patch) => repo.updateDraft(tx, item.id, { ...patch, state: to }),
};

export async function act(db: Db, notifier: Notifier, ctx: ActorContext, id: string, action: DraftAction, input: DraftInputOf) {
  return db.transaction(async (tx) => {
    await applyAction(tx, notifier, draftMachine, ctx, id, action, input);
    return getDraft(tx, ctx, id);
  });
}

async function requireVersion(db: Executor, draftId: string, versionId: string | undefined) {
  if (!versionId) return repo.currentVersion(db, draftId);
  const version = await repo.findVersion(db, draftId, versionId);
  if (!version) throw notFound('草案版本', { versionId });
  return version;
}

/** A version's articles with their comment counts (rejected comments left out): the heat view. */
export async function versionText(db: Db, ctx: ActorContext, id: string, versionId?: string): Promise<VersionText> {
  await requireDraft(db, ctx, id);
  const version = await requireVersion(db, id, versionId);
  const articles = await repo.articlesOf(db, version.id);
  const counts = await repo.articleCounts(db, id, version.id, false);
  const countOf = (articleId: string | null) => counts.find((c) => c.articleId === articleId);
  return {
    version: presentVersion(version, articles.length),
    articles: articles.map((a) => ({
      id: a.id,
      number: a.number,
      label: a.label,
      chapter: a.chapter,
      text: a.text,
      comments: countOf(a.id)?.comments ?? 0,
      participants: countOf(a.id)?.participants ?? 0,
    })),
    wholeDraft: { comments: countOf(null)?.comments ?? 0, participants: countOf(null)?.participants ?? 0 },
  };
}

export async function compareVersions(db: Db, ctx: ActorContext, id: string, fromId: string, toId: string): Promise<VersionComparison> {
  await requireDraft(db, ctx, id);
  const from = await requireVersion(db, id, fromId);
  const to = await requireVersion(db, id, toId);
  const before = await repo.articlesOf(db, from.id);
  const after = await repo.articlesOf(db, to.id);
  return {
    from: presentVersion(from, before.length),
    to: presentVersion(to, after.length),
    rows: compareArticles(before, after),
  };
}
