import { z } from 'zod';
import { role } from './roles.js';
import { newPassword } from './auth.js';
import { pageQuery } from './pagination.js';

export const user = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  role,
  bodyId: z.uuid(),
  bodyName: z.string(),
  handlingUnitId: z.uuid().nullable(),
  handlingUnitName: z.string().nullable(),
  phone: z.string().nullable(),
  active: z.boolean(),
  lockedUntil: z.iso.datetime().nullable(),
  /** Still on the password someone else chose (初始密码未修改). */
  passwordMustChange: z.boolean(),
  createdAt: z.iso.datetime(),
});
export type User = z.infer<typeof user>;

const phone = z
  .string()
  .trim()
  .regex(/^1\d{10}$/, '手机号应为 11 位数字')
  .nullable();

export const userCreateInput = z
  .object({
    username: z
      .string()
      .trim()
      .regex(/^[a-z][a-z0-9_.-]{2,31}$/, '用户名为 3–32 位小写字母、数字或 _ . -，以字母开头'),
    displayName: z.string().trim().min(2, '姓名至少 2 个字').max(40),
    role,
    bodyId: z.uuid('请选择所属机关'),
    handlingUnitId: z.uuid().nullable().default(null),
    phone: phone.default(null),
    password: newPassword,
  })
  .refine((u) => u.role !== 'handling_unit' || u.handlingUnitId, {
    message: '承办单位账号须选择所属承办单位',
    path: ['handlingUnitId'],
  });
export type UserCreateInput = z.infer<typeof userCreateInput>;

export const userUpdateInput = z.object({
  displayName: z.string().trim().min(2, '姓名至少 2 个字').max(40).optional(),
  role: role.optional(),
  handlingUnitId: z.uuid().nullable().optional(),
  phone: phone.optional(),
  active: z.boolean().optional(),
});
export type UserUpdateInput = z.infer<typeof userUpdateInput>;

export const resetPasswordInput = z.object({ password: newPassword });

export const userQuery = pageQuery.extend({
  q: z.string().trim().max(40).optional(),
  role: role.optional(),
  bodyId: z.uuid().optional(),
});
export type UserQuery = z.infer<typeof userQuery>;

export const handlingUnitKind = z.enum([
  'government_department',
  'court',
  'procuratorate',
  'supervisory_commission',
  'township_government',
  'enterprise',
  'other',
]);
export type HandlingUnitKind = z.infer<typeof handlingUnitKind>;
export const handlingUnitKindLabel = {
  government_department: '政府部门',
  court: '法院',
  procuratorate: '检察院',
  supervisory_commission: '监察委员会',
  township_government: '乡镇政府（街道办事处）',
  enterprise: '企事业单位',
  other: '其他',
} satisfies Record<HandlingUnitKind, string>;

export const handlingUnit = z.object({
  id: z.uuid(),
  bodyId: z.uuid(),
  bodyName: z.string(),
  name: z.string(),
  kind: handlingUnitKind,
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  active: z.boolean(),
  userCount: z.number().int(),
  createdAt: z.iso.datetime(),
});
export type HandlingUnit = z.infer<typeof handlingUnit>;

export const handlingUnitInput = z.object({
  bodyId: z.uuid('请选择所属机关'),
  name: z.string().trim().min(2, '名称至少 2 个字').max(80),
  kind: handlingUnitKind,
  contactName: z.string().trim().max(40).nullable().default(null),
  contactPhone: z.string().trim().max(20).nullable().default(null),
  active: z.boolean().default(true),
});
export type HandlingUnitInput = z.infer<typeof handlingUnitInput>;

export const handlingUnitQuery = pageQuery.extend({
  q: z.string().trim().max(40).optional(),
  kind: handlingUnitKind.optional(),
  bodyId: z.uuid().optional(),
  /** One unit by id, for a remote-search picker showing the label of its value. */
  id: z.uuid().optional(),
});

export const deadlineUnit = z.enum(['calendar_days', 'calendar_months', 'working_days']);
export const deadlineUnitLabel = {
  calendar_days: '自然日',
  calendar_months: '个月',
  working_days: '个工作日',
} satisfies Record<z.infer<typeof deadlineUnit>, string>;

export const deadlineRuleInput = z.object({
  amount: z.int('请填写期限（整数）').min(1, '期限至少为 1').max(366, '期限过长'),
  unit: deadlineUnit,
});
export type DeadlineRuleInput = z.infer<typeof deadlineRuleInput>;

export const deadlineRuleSetting = z.object({
  key: z.string(),
  label: z.string(),
  source: z.string(),
  default: deadlineRuleInput,
  inForce: deadlineRuleInput,
  /** Which body's setting is in force: null for the legal default. */
  setByBodyId: z.uuid().nullable(),
});
export type DeadlineRuleSetting = z.infer<typeof deadlineRuleSetting>;

/** A login just created with a one-time initial password: shown once, or sent by SMS (then `password` is null). */
export const createdLogin = z.object({
  userId: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  password: z.string().nullable(),
  /** The masked mobile the password was sent to. */
  smsTo: z.string().nullable(),
});
export type CreatedLogin = z.infer<typeof createdLogin>;

/** Logins for deputies of the registry, one or many at once (also what one registry import may open). */
export const MAX_LOGINS_AT_ONCE = 200;
export const deputyLoginsInput = z.object({
  deputyIds: z.array(z.uuid()).min(1, '请选择代表').max(MAX_LOGINS_AT_ONCE, `一次最多为 ${MAX_LOGINS_AT_ONCE} 名代表开通账号`),
});
export const deputyLoginsResult = z.object({
  created: z.array(createdLogin.extend({ deputyId: z.uuid() })),
  skipped: z.array(z.object({ deputyId: z.uuid(), name: z.string(), reason: z.string() })),
});
export type DeputyLoginsResult = z.infer<typeof deputyLoginsResult>;

/** A login for a person of a handling unit, made from the units page. */
export const unitLoginInput = z.object({
  displayName: z.string().trim().min(2, '姓名至少 2 个字').max(40),
  phone: phone.default(null),
});
export type UnitLoginInput = z.infer<typeof unitLoginInput>;
