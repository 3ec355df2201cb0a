import { z } from 'zod';
import { clueActionLabel } from './campaigns.js';
import { appointmentActionLabel } from './contacts.js';
import { deputyStatusActionLabel } from './deputies.js';
import { commentActionLabel, draftActionLabel } from './legislation.js';
import { cycleActionLabel, projectActionLabel, proposalActionLabel } from './livelihood.js';
import { majorMatterActionLabel, meetingActionLabel } from './meetings.js';
import { opinionActionLabel } from './opinions.js';
import { honourActionLabel, reportBackActionLabel } from './reportbacks.js';
import { receptionActionLabel } from './stations.js';
import { suggestionActionLabel } from './suggestions.js';
import { planActionLabel, pointActionLabel, supervisionItemEventLabel } from './supervision.js';
import { voteActionLabel } from './votes.js';
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
  /** What the record is called now (a suggestion's title, a deputy's name); null once deleted or for a kind without one. */
  entityTitle: z.string().nullable(),
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
  meeting: '会议',
  meeting_item: '会议议程',
  meeting_attendee: '参会人员',
  major_matter: '重大事项',
  major_matter_task: '重大事项落实任务',
  vote: '表决',
  livelihood_cycle: '民生实事票决年度',
  livelihood_proposal: '民生实事项目建议',
  livelihood_project: '民生实事项目',
  livelihood_inspection: '民生实事项目督查',
  livelihood_task: '督查整改任务',
  livelihood_settings: '民生实事票决规则',
  suggestion_settings: '建议办理设置',
  supervision_plan: '监督工作计划',
  supervision_item: '监督事项',
  supervision_point: '督办清单问题',
  joint_meeting: '联席会议',
  follow_up_task: '落实任务',
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
  import: '批量导入',
  seed: '生成演示数据',
  submit: '提交',
  read: '已读',
  // 代表名册, 代表小组 and 履职网格.
  create_login: '开通登录账号',
  photo_set: '上传照片',
  photo_remove: '删除照片',
  set_members: '调整小组成员',
  set_deputies: '调整网格联系代表',
  // 群众意见: a read of the citizen's name and phone (个人信息保护法), never the phone itself.
  readContact: '查看群众联系方式',
  overdue: '超过答复期限',
  escalate: '转为代表建议',
  // 录入法定节假日安排后, a working-day deadline counted again under the new calendar.
  dueRecomputed: '按节假日安排重算期限',
  // 录入法定节假日安排后, a rota day already saved that became an official day off (kept, flagged).
  fellOnHoliday: '排班日成为法定节假日',
  // 回选区述职: the voters who attend and rate, each with a code.
  registerAttendees: '登记参加评议的选民',
  resendCode: '重发评议码',
  // 表决: a ballot is counted without its voter (secret); paper ballots are marked and keyed in.
  cast: '投票',
  markPaper: '登记交回纸质选票',
  enterPaper: '录入纸质选票',
  // 立法征求意见.
  enterOffline: '录入线下意见',
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
  // 民生实事票决 (its proposal's decline and the unit's reportRectified read as the labels above).
  ...cycleActionLabel,
  merge: proposalActionLabel.merge,
  choose: projectActionLabel.choose,
  drop: projectActionLabel.drop,
  reportCompletion: projectActionLabel.reportCompletion,
  pass: projectActionLabel.pass,
  rectify: projectActionLabel.rectify,
  propose: '提出项目建议',
  classify: '分类',
  set_group: '组建代表监督小组',
  add_milestone: '新增实施节点',
  milestone_done: '节点完成',
  inspect: '督查',
  task_done: '整改任务落实',
  // 会议与表决, 重大事项决定.
  notify: meetingActionLabel.notify,
  open: '开启',
  close: '结束',
  evaluate: majorMatterActionLabel.evaluate,
  placeOnAgenda: majorMatterActionLabel.placeOnAgenda,
  decide: majorMatterActionLabel.decide,
  fail: majorMatterActionLabel.fail,
  invite: '邀请列席或报告',
  reply: '回复出席或请假',
  signIn: '签到',
  signOut: '离席',
  publishMaterials: '发布会议材料',
  startVote: '发起表决',
  recordVoteOutcome: '登记表决结果',
  add_task: '布置落实任务',
  complete_task: '报告任务落实',
  // 监督: the items' stages and work, the issue list's points; the plan's words, which the filter shares.
  ...supervisionItemEventLabel,
  publish: planActionLabel.publish,
  // The filter's word for both records; each event names its own (auditActionName).
  adopt: '通过或采纳',
  addTask: '布置任务',
  completeTask: '任务完成',
  addDecision: '议定事项',
  completeDecision: '议定事项完成',
};

/**
 * Each record kind's own names for its workflow's steps: the same verb means different things on different
 * records (a plan is 主任会议通过, a livelihood proposal is 列为候选项目), so an event is named by its kind first.
 */
const actionLabelOfEntity: Partial<Record<AuditEntity, Readonly<Record<string, string>>>> = {
  deputy: deputyStatusActionLabel,
  reception_session: receptionActionLabel,
  report_back: reportBackActionLabel,
  honour_campaign: honourActionLabel,
  opinion: opinionActionLabel,
  campaign_clue: clueActionLabel,
  suggestion: suggestionActionLabel,
  appointment: appointmentActionLabel,
  meeting: meetingActionLabel,
  major_matter: majorMatterActionLabel,
  vote: voteActionLabel,
  livelihood_cycle: cycleActionLabel,
  livelihood_proposal: proposalActionLabel,
  livelihood_project: projectActionLabel,
  supervision_plan: planActionLabel,
  supervision_item: supervisionItemEventLabel,
  supervision_point: pointActionLabel,
  legislation_draft: draftActionLabel,
  legislation_comment: commentActionLabel,
};

/** The Chinese name of what an audit event did, in the words of its record kind. */
export const auditActionName = (entity: string, action: string): string =>
  actionLabelOfEntity[entity as AuditEntity]?.[action] ?? auditActionLabel[action] ?? action;
