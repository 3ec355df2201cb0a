import { z } from 'zod';

/** Said wherever a period ends before it starts: list filters, reports, and forms alike. */
export const reversedRangeMessage = '结束日期不能早于开始日期';

/** Dates (2026-05-01) and date-times with an offset both compare by the instant they name. */
function ordered(start: unknown, end: unknown) {
  if (typeof start !== 'string' || typeof end !== 'string') return true;
  const [a, b] = [Date.parse(start), Date.parse(end)];
  return Number.isNaN(a) || Number.isNaN(b) || a <= b;
}

/**
 * A period's end may not come before its start. A reversed filter matches nothing, so answering it
 * would show "no records" for what is a typing mistake; it is refused with the end field named.
 * Either end may be left out (an open range). The one refinement every range in the API uses.
 */
export function inOrder<S extends z.ZodType<Partial<Record<K1 | K2, unknown>>>, K1 extends string = 'from', K2 extends string = 'to'>(
  schema: S,
  start: K1 = 'from' as K1,
  end: K2 = 'to' as K2,
) {
  return schema.refine((v) => ordered(v[start], v[end]), { message: reversedRangeMessage, path: [end] });
}
