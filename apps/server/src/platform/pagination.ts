import type { Page, PageQuery } from '@renda/shared';

export function offsetOf(q: PageQuery): number {
  return (q.page - 1) * q.pageSize;
}

export function pageResult<T>(items: T[], total: number, q: PageQuery): Page<T> {
  return { items, total, page: q.page, pageSize: q.pageSize };
}
