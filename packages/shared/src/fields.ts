import { z } from 'zod';

/**
 * Field helpers with Chinese messages, for new schemas (the older module files keep their own copies until they
 * are next touched).
 */
export const isoDate = z.iso.date('日期格式应为 YYYY-MM-DD');

/**
 * A list filter's China date: a plain day (2026-05-01, as the workbench's links give it) or the start of a
 * local date-time (the list's date-range filter sends `2026-04-10T00:00:00+08:00`), read as its date.
 */
export const dayParam = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}/, '日期格式不正确，应如 2026-05-01')
  .transform((v) => v.slice(0, 10));

/** Required text of `min`–`max` characters, trimmed, its messages naming the field. */
export const requiredText = (label: string, min: number, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(min, `${label}至少 ${min} 个字`)
    .max(max, `${label}最多 ${max} 个字`);
