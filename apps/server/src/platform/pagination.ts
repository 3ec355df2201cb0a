import type { Page, PageQuery } from '@renda/shared';

/** The most rows one Excel export carries: a body's list, never a province's history in one file. */
export const EXPORT_LIMIT = 50_000;

export function offsetOf(q: PageQuery): number {
  return (q.page - 1) * q.pageSize;
}

export function pageResult<T>(items: T[], total: number, q: PageQuery): Page<T> {
  return { items, total, page: q.page, pageSize: q.pageSize };
}

/** A list query not yet cut to a page (a drizzle select, ordered and filtered). */
interface Pageable<R> {
  limit(n: number): { offset(n: number): PromiseLike<R[]> };
}

/**
 * One page of a list and the count of every row matching the same filters, read together: the
 * shape of every paged list. The caller builds both queries from one `where`, so they cannot disagree.
 */
export async function readPage<R>(rows: Pageable<R>, counted: PromiseLike<{ total: number }[]>, q: PageQuery) {
  const [items, [c]] = await Promise.all([rows.limit(q.pageSize).offset(offsetOf(q)), counted]);
  return { rows: items, total: c?.total ?? 0 };
}
