import { z } from 'zod';
import { role } from './roles.js';

export const loginInput = z.object({
  username: z.string().trim().min(1, '请输入用户名').max(64),
  password: z.string().min(1, '请输入密码').max(200),
});
export type LoginInput = z.infer<typeof loginInput>;

/** Password policy, shared by the change-password form and the server. */
export const newPassword = z
  .string()
  .min(10, '密码至少 10 位')
  .max(200, '密码最多 200 位')
  .regex(/[A-Za-z]/, '密码须包含字母')
  .regex(/\d/, '密码须包含数字');

export const changePasswordInput = z.object({
  currentPassword: z.string().min(1, '请输入当前密码'),
  newPassword,
});
export type ChangePasswordInput = z.infer<typeof changePasswordInput>;

export const currentUser = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  role,
  bodyId: z.uuid(),
  bodyName: z.string(),
  handlingUnitId: z.uuid().nullable(),
  handlingUnitName: z.string().nullable(),
  /** The password was chosen by someone else (an initial login, an administrator's reset): it must be changed before anything else. */
  passwordMustChange: z.boolean(),
});
export type CurrentUser = z.infer<typeof currentUser>;

export const session = z.object({ user: currentUser, csrfToken: z.string() });
export type Session = z.infer<typeof session>;

/** What the web app asks on load: who is logged in, if anyone (no 401 for a visitor). */
export const sessionState = z.object({ user: currentUser.nullable(), csrfToken: z.string() });
export type SessionState = z.infer<typeof sessionState>;
