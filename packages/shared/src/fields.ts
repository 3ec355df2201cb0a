import { z } from 'zod';

/**
 * Field helpers with Chinese messages, for new schemas (the older module files keep their own copies until they
 * are next touched).
 */
export const isoDate = z.iso.date('日期格式应为 YYYY-MM-DD');

/** Required text of `min`–`max` characters, trimmed, its messages naming the field. */
export const requiredText = (label: string, min: number, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(min, `${label}至少 ${min} 个字`)
    .max(max, `${label}最多 ${max} 个字`);
