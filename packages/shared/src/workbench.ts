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

export const workbench = z.object({ entries: z.array(workbenchEntry) });
export type Workbench = z.infer<typeof workbench>;
