import { z } from 'zod';

/** Roles of people with an account. Citizens use public pages and have none. */
export const role = z.enum(['admin', 'staff', 'leader', 'deputy', 'handling_unit']);
export type Role = z.infer<typeof role>;

export const roleLabel = {
  admin: '系统管理员',
  staff: '机关工作人员',
  leader: '常委会领导',
  deputy: '人大代表',
  handling_unit: '承办单位',
} satisfies Record<Role, string>;

export const roles = role.options;
