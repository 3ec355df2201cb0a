import { similarity, termWeights } from '../../platform/text.js';

/**
 * Similar comments grouped for the staff who sum them up: within one article (or the draft as a whole),
 * a comment joins the first group whose first comment it resembles (cosine over jieba tf-idf weights,
 * platform/text.ts), else starts a group. Greedy and in order, so the result is stable.
 */
export const SIMILAR_AT = 0.35;

export interface Groupable {
  id: string;
  content: string;
  quote: string | null;
  participants: number;
}

export function groupSimilar<T extends Groupable>(comments: T[]): { keywords: string[]; comments: T[] }[] {
  const groups: { lead: Map<string, number>; comments: T[] }[] = [];
  for (const comment of comments) {
    const weights = termWeights(`${comment.quote ?? ''} ${comment.content}`);
    const group = groups.find((g) => similarity(g.lead, weights) >= SIMILAR_AT);
    if (group) group.comments.push(comment);
    else groups.push({ lead: weights, comments: [comment] });
  }
  return groups.map((g) => ({ keywords: keywordsOf(g.comments), comments: g.comments }));
}

/** The words a group's comments share most (by summed weight), at most three. */
function keywordsOf(comments: Groupable[]): string[] {
  const total = new Map<string, number>();
  for (const comment of comments)
    for (const [word, weight] of termWeights(comment.content)) if (word.length > 1) total.set(word, (total.get(word) ?? 0) + weight);
  return [...total.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([word]) => word);
}
