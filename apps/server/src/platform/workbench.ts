import type { Page, PageQuery, WorkbenchEntry, WorkbenchItem } from '@renda/shared';

/**
 * Builds a home page's to-do entries (工作台) from a module's own list functions: the count of an
 * entry is the total of the list it opens, with the same filter, so the number and the list never
 * disagree. Each module's index.ts offers its entries; modules/workbench gathers them per role.
 */
export interface TodoSpec<Q, T> {
  key: string;
  module: string;
  label: string;
  /** The web page of the list; the filter becomes its query string. */
  page: string;
  filter: Q;
  tone?: WorkbenchEntry['tone'];
  /** Lists the first few items too (as `item` presents them). */
  items?: { count: number; item: (row: T) => WorkbenchItem };
}

export async function todoEntry<Q extends Record<string, string | undefined>, T>(
  spec: TodoSpec<Q, T>,
  list: (q: Q & PageQuery) => Promise<Page<T>>,
): Promise<WorkbenchEntry> {
  const pageSize = spec.items?.count ?? 1;
  const result = await list({ ...spec.filter, page: 1, pageSize });
  const query = new URLSearchParams(Object.entries(spec.filter).filter((e): e is [string, string] => !!e[1])).toString();
  return {
    key: spec.key,
    module: spec.module,
    label: spec.label,
    count: result.total,
    link: query ? `${spec.page}?${query}` : spec.page,
    tone: spec.tone ?? 'todo',
    ...(spec.items ? { items: result.items.map(spec.items.item) } : {}),
  };
}
