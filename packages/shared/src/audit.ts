import { z } from 'zod';
import { appointmentActionLabel } from './contacts.js';
import { pageQuery } from './pagination.js';
import { inOrder } from './range.js';

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

const auditFilters = z.object({
  entity: z.string().max(40).optional(),
  action: z.string().max(40).optional(),
  entityId: z.string().max(64).optional(),
  actorId: z.uuid().optional(),
  bodyId: z.uuid().optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
export const auditQuery = inOrder(pageQuery.extend(auditFilters.shape));
export type AuditQuery = z.infer<typeof auditQuery>;
/** The export takes the list's filters without its paging. */
export const auditExportQuery = inOrder(auditFilters);

/**
 * Every kind of record the audit trail names, with its Chinese name for the audit page and exports.
 * `recordAudit` takes only these, so a module that audits a new kind of record must name it here first.
 */
export const auditEntityLabel = {
  user: '用户',
  session: '登录会话',
  body: '人大机关',
  handling_unit: '承办单位',
  attachment: '附件',
  notification: '通知',
  deadline_rule: '期限规则',
  calendar_year: '法定节假日安排',
  deputy: '代表',
  deputy_group: '代表小组',
  grid_cell: '履职网格',
  duty_record: '履职登记',
  assessment: '履职考评',
  assessment_weights: '考评权重',
  station: '代表联络站',
  station_rota: '进站排班',
  reception_session: '进站接待',
  report_back: '回选区述职',
  honour_campaign: '最美人大代表评选',
  opinion: '群众意见',
  opinion_categories: '意见分类',
  campaign: '专项监督',
  campaign_team: '代表监督组',
  campaign_visit: '实地监督',
  campaign_clue: '问题线索',
  suggestion: '建议议案',
  suggestion_session: '代表大会会议',
  contact_link: '双联系',
  appointment: '代表约见',
  legislation_draft: '法规草案',
  legislation_comment: '立法意见',
  legislation_contact_point: '基层立法联系点',
} as const;
export type AuditEntity = keyof typeof auditEntityLabel;

/** The Chinese name of a stored entity (events written before a kind was renamed show their raw name). */
export const auditEntityName = (entity: string): string => (auditEntityLabel as Record<string, string>)[entity] ?? entity;
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
  // 群众意见: a read of the citizen's name and phone (个人信息保护法), never the phone itself.
  readContact: '查看群众联系方式',
  // Themed campaigns (专项监督): the clue ledger's steps.
  record: '登记',
  transfer: '转办',
  reportRectified: '报告整改情况',
  confirm: '销号',
  reject: '退回继续整改',
  dismiss: '核实不予立项',
  linkSuggestion: '转为代表建议',
  // 最美人大代表.
  nominate: '提名',
  withdrawNomination: '撤销提名',
  openVoting: '开始投票',
  // 双联系 and 代表约见.
  add_record: '登记联系记录',
  request: '提出约见',
  ...appointmentActionLabel,
};
