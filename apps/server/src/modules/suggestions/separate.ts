import type { Rating, ReplyCategory, SuggestionState } from '@renda/shared';

/**
 * 分别办理: several units each handle their own part of one item, side by side (no lead, no joint
 * unit). Each part is signed for, answered, reviewed and released, and rated on its own, with its own
 * deadline; the item's state follows its parts, and it can be closed (办结) only once every part's
 * reply has been released. Source: issue 11 (分别办理 beside 主办 + 会办); no statutory text was read
 * for it here (docs/domain-rules.md).
 */
export type PartState = 'assigned' | 'signed_for' | 'reassignment_requested' | 'withdrawn' | 'replied' | 'released' | 'rated';

export interface Part {
  state: string;
  round: number;
}

/** Parts still owing the deputy an answer: to sign for, being handled, or a reassignment request open. */
export const OPEN_PART_STATES = ['assigned', 'signed_for', 'reassignment_requested'];

/** The item's state from its parts: the part furthest behind decides. */
export function separateItemState(parts: Part[]): SuggestionState {
  const live = parts.filter((p) => p.state !== 'withdrawn');
  if (live.every((p) => p.state === 'assigned' || p.state === 'reassignment_requested'))
    return live.some((p) => p.state === 'reassignment_requested') ? 'reassignment_requested' : 'assigned';
  const open = live.filter((p) => OPEN_PART_STATES.includes(p.state));
  if (open.length) return open.some((p) => p.round > 1) ? 'rehandling' : 'handling';
  if (live.some((p) => p.state === 'replied')) return 'replied';
  if (live.some((p) => p.state === 'released')) return 'reply_released';
  return 'rated';
}

/** The item's reply deadline: the nearest one among the parts still owed (null once all are answered). */
export function nearestDue(parts: (Part & { dueAt: Date })[]): Date | null {
  const due = parts.filter((p) => OPEN_PART_STATES.includes(p.state)).map((p) => p.dueAt.getTime());
  return due.length ? new Date(Math.min(...due)) : null;
}

const ratingOrder: Rating[] = ['satisfied', 'basically_satisfied', 'dissatisfied'];
/** The item's rating once every part is rated: the least satisfied part's (a 满意 item is satisfied with every unit). */
export function itemRating(ratings: Rating[]): Rating | null {
  if (!ratings.length) return null;
  return ratingOrder[Math.max(...ratings.map((r) => ratingOrder.indexOf(r)))]!;
}

/** The item's category once every part is released: the least solved part's (A only when every unit solved its part). */
export function itemCategory(categories: ReplyCategory[]): ReplyCategory | null {
  if (!categories.length) return null;
  return [...categories].sort().at(-1)!;
}
