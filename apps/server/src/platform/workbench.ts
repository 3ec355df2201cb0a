import type { Page, PageQuery, WorkbenchEntry, WorkbenchFigure, WorkbenchItem } from '@renda/shared';
import type { ComparedPeriods, Period } from './periods.js';

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
  return {
    key: spec.key,
    module: spec.module,
    label: spec.label,
    count: result.total,
    link: linkTo(spec.page, spec.filter),
    tone: spec.tone ?? 'todo',
    ...(spec.items ? { items: result.items.map(spec.items.item) } : {}),
  };
}

/** A list page with its filter as the query string (the empty values left out). */
function linkTo(page: string, filter: Record<string, string | undefined>): string {
  const query = new URLSearchParams(Object.entries(filter).filter((e): e is [string, string] => !!e[1])).toString();
  return query ? `${page}?${query}` : page;
}

export interface FigureSpec<Q> {
  key: string;
  module: string;
  label: string;
  /** The web page of the list; the filter and the period become its query string. */
  page: string;
  filter: Q;
  riseIsBad?: boolean;
}

/**
 * A figure that moved: the total of a list filtered to this period and to the one before (its `from`
 * and `to`), so the figure is what the list it opens shows.
 */
export async function figureEntry<Q extends Record<string, string | undefined>>(
  spec: FigureSpec<Q>,
  periods: ComparedPeriods,
  list: (q: Q & Period & PageQuery) => Promise<Page<unknown>>,
): Promise<WorkbenchFigure> {
  const total = async (period: Period) => (await list({ ...spec.filter, ...period, page: 1, pageSize: 1 })).total;
  const [current, previous] = await Promise.all([total(periods.current), total(periods.previous)]);
  return {
    key: spec.key,
    module: spec.module,
    label: spec.label,
    period: periods.current,
    previousPeriod: periods.previous,
    current,
    previous,
    change: current - previous,
    riseIsBad: spec.riseIsBad ?? false,
    link: linkTo(spec.page, { ...spec.filter, ...periods.current }),
    previousLink: linkTo(spec.page, { ...spec.filter, ...periods.previous }),
  };
}
