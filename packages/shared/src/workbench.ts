import { z } from 'zod';

/** One item a to-do entry names (a reply due soonest, a key suggestion under supervision). */
export const workbenchItem = z.object({
  id: z.string(),
  title: z.string(),
  /** Its state in Chinese. */
  state: z.string(),
  dueAt: z.iso.datetime().nullable(),
  /** What `dueAt` is: a deadline (期限), or the day a meeting opens (会期). */
  dateKind: z.enum(['due', 'meeting']).optional(),
  /** The item's page. */
  link: z.string(),
});
export type WorkbenchItem = z.infer<typeof workbenchItem>;

/**
 * One line of a home page's to-do list (工作台): how many things wait, and the filtered list that
 * shows exactly those things (the count is that list's total).
 */
export const workbenchEntry = z.object({
  key: z.string(),
  /** The module it belongs to (the navigation key). */
  module: z.string(),
  label: z.string(),
  count: z.number().int().nonnegative(),
  /** The filtered list (or the page) the entry opens. */
  link: z.string(),
  /** `overdue` is past a deadline, `todo` waits on the user, `watch` is to follow (supervised items). */
  tone: z.enum(['todo', 'overdue', 'watch']),
  /** The first few items, when the entry lists them (nearest deadline first). */
  items: z.array(workbenchItem).optional(),
});
export type WorkbenchEntry = z.infer<typeof workbenchEntry>;

const period = z.object({ from: z.iso.date(), to: z.iso.date() });

/**
 * A figure that moved (the leader's 工作台): how many in this period and in the one before, each the
 * total of the list filtered to that period, which `link` and `previousLink` open.
 */
export const workbenchFigure = z.object({
  key: z.string(),
  module: z.string(),
  label: z.string(),
  period,
  previousPeriod: period,
  current: z.number().int().nonnegative(),
  previous: z.number().int().nonnegative(),
  /** `current - previous`: above zero it rose (↑), below it fell (↓). */
  change: z.number().int(),
  /** A rise is bad news (overdue items), shown in red; otherwise a rise is simply more work done or received. */
  riseIsBad: z.boolean(),
  link: z.string(),
  previousLink: z.string(),
});
export type WorkbenchFigure = z.infer<typeof workbenchFigure>;

export const workbench = z.object({ entries: z.array(workbenchEntry), figures: z.array(workbenchFigure) });
export type Workbench = z.infer<typeof workbench>;
