import { z } from 'zod';

/** The five levels of people's congress plus the sub-district council (街道议政代表会), which has no congress. */
export const bodyLevel = z.enum(['national', 'provincial', 'city', 'county', 'township', 'subdistrict']);
export type BodyLevel = z.infer<typeof bodyLevel>;

export const bodyLevelLabel = {
  national: '全国',
  provincial: '省级',
  city: '市级',
  county: '县（区）级',
  township: '乡镇级',
  subdistrict: '街道议政代表会',
} satisfies Record<BodyLevel, string>;

/** Administrative division code (行政区划代码): 6 digits down to county, 9 for township, 12 for village. */
export const regionCode = z.string().regex(/^(\d{6}|\d{9}|\d{12})$/, '行政区划代码应为 6、9 或 12 位数字');

export const body = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  regionCode,
  regionName: z.string().nullable(),
  level: bodyLevel,
  name: z.string(),
  createdAt: z.iso.datetime(),
});
export type Body = z.infer<typeof body>;

export const bodyInput = z.object({
  parentId: z.uuid().nullable(),
  regionCode,
  level: bodyLevel,
  name: z.string().trim().min(2, '名称至少 2 个字').max(60, '名称最多 60 个字'),
});
export type BodyInput = z.infer<typeof bodyInput>;

export const region = z.object({
  code: z.string(),
  name: z.string(),
  parentCode: z.string().nullable(),
  level: z.enum(['province', 'city', 'county', 'township', 'village']),
});
export type Region = z.infer<typeof region>;
