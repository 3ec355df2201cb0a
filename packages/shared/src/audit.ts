import { z } from 'zod';
import { pageQuery } from './pagination.js';

export const auditEvent = z.object({
  id: z.string(),
  at: z.iso.datetime(),
  actorId: z.uuid().nullable(),
  actorName: z.string().nullable(),
  bodyId: z.uuid().nullable(),
  bodyName: z.string().nullable(),
  entity: z.string(),
  entityId: z.string().nullable(),
  action: z.string(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
});
export type AuditEvent = z.infer<typeof auditEvent>;

export const auditQuery = pageQuery.extend({
  entity: z.string().max(40).optional(),
  action: z.string().max(40).optional(),
  entityId: z.string().max(64).optional(),
  actorId: z.uuid().optional(),
  bodyId: z.uuid().optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
export type AuditQuery = z.infer<typeof auditQuery>;

/** Chinese names of audited entities and actions, for the audit page and exports. */
export const auditEntityLabel: Record<string, string> = {
  user: '用户',
  session: '登录会话',
  body: '人大机关',
  handling_unit: '承办单位',
  attachment: '附件',
  notification: '通知',
};
export const auditActionLabel: Record<string, string> = {
  create: '新建',
  update: '修改',
  delete: '删除',
  login: '登录',
  login_failed: '登录失败',
  logout: '退出',
  change_password: '修改密码',
  reset_password: '重置密码',
  lock: '锁定',
  unlock: '解锁',
  upload: '上传',
  read: '已读',
};
