import type { OpinionStatus, SimilarOpinion } from '@renda/shared';
import type { Executor } from '../../db/client.js';
import { clock } from '../../platform/clock.js';
import type { ActorContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { similarity, termWeights } from '../../platform/text.js';
import * as repo from './opinion-repository.js';
import { formatTrackingCode } from './tracking-code.js';

/** How far back duplicates are looked for, before the opinion was submitted (or before now). */
export const SIMILAR_WINDOW_DAYS = 90;
/** The newest opinions of the body compared at most: a busy city body gets a few hundred a quarter. */
const CANDIDATES = 1000;
/** Below this cosine the texts share little more than a common word or two. */
export const MIN_SIMILARITY = 0.2;
const SHOWN = 5;

const textOf = (o: { content: string; location: string | null }) => `${o.content} ${o.location ?? ''}`;

/**
 * Opinions of the same body that read like this one (jieba words, cosine over tf-idf weights), most
 * similar first: staff merge duplicates from them (the `merge` action). Only opinions that can still
 * be merged into are offered (not declined, not merged themselves).
 */
export async function similarOpinions(db: Executor, ctx: ActorContext, id: string): Promise<SimilarOpinion[]> {
  const row = await repo.getVisible(db, ctx.actor, id);
  if (!row) throw notFound('群众意见', { id });
  const o = row.opinion;
  const from = Math.min(clock.now().getTime(), o.createdAt.getTime()) - SIMILAR_WINDOW_DAYS * 86_400_000;
  const candidates = await repo.mergeCandidates(db, ctx.actor, o, new Date(from), CANDIDATES);
  const mine = termWeights(textOf(o));
  return candidates
    .map((c) => ({ c, score: similarity(mine, termWeights(textOf(c))) }))
    .filter(({ score }) => score >= MIN_SIMILARITY)
    .sort((a, b) => b.score - a.score || b.c.createdAt.getTime() - a.c.createdAt.getTime())
    .slice(0, SHOWN)
    .map(({ c, score }) => ({
      id: c.id,
      trackingCode: formatTrackingCode(c.trackingCode),
      status: c.status as OpinionStatus,
      categoryLabel: c.categoryLabel,
      summary: c.content.slice(0, 80),
      location: c.location,
      createdAt: c.createdAt.toISOString(),
      score: Math.round(score * 100) / 100,
    }));
}
