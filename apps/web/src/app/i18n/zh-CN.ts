import { platformModules, roleLabel, type PlatformModuleKey } from '@renda/shared';
import { adminZh } from '../../modules/admin/admin.zh-CN';
import { campaignLabelsZh, campaignsZh } from '../../modules/campaigns/campaigns.zh-CN';
import { supervisionLabelsZh, supervisionZh } from '../../modules/supervision/supervision.zh-CN';
import { contactsZh } from '../../modules/contacts/contacts.zh-CN';
import { livelihoodZh } from '../../modules/livelihood/livelihood.zh-CN';
import { meetingsZh } from '../../modules/meetings/meetings.zh-CN';
import { deputiesZh } from '../../modules/deputies/deputies.zh-CN';
import { notificationsZh } from '../../modules/notifications/notifications.zh-CN';
import { opinionBulkZh, opinionCategoriesZh, opinionLabelsZh, opinionsZh } from '../../modules/opinions/opinions.zh-CN';
import { reportBacksZh } from '../../modules/reportbacks/reportbacks.zh-CN';
import { votesZh } from '../../modules/votes/votes.zh-CN';
import { followUpsZh } from '../../modules/followups/followups.zh-CN';
import { legislationZh } from '../../modules/legislation/legislation.zh-CN';
import { stationsZh } from '../../modules/stations/stations.zh-CN';
import { suggestionsZh } from '../../modules/suggestions/suggestions.zh-CN';
import type { Widen } from './types';

/**
 * Chinese texts: the shell's and the common ones here, each module's from its own folder
 * (modules/<module>/<module>.zh-CN.ts). Labels of shared enums come from @renda/shared so the UI, letters and exports agree.
 */
export const zhCN = {
  app: {
    name: '人大履职服务平台',
    shortName: '人大履职',
    loading: '加载中…',
  },
  nav: {
    main: '主导航',
    home: '工作台',
    notifications: '消息通知',
    admin: '系统管理',
    users: '用户管理',
    bodies: '机关管理',
    handlingUnits: '承办单位',
    deadlineRules: '期限规则',
    calendar: '法定节假日',
    audit: '审计日志',
    outbox: '短信邮件发件箱',
    collapse: '收起菜单',
    expand: '展开菜单',
    open: '打开菜单',
  },
  module: Object.fromEntries(platformModules.map((m) => [m.key, m.label])) as Record<PlatformModuleKey, string>,
  header: {
    currentBody: '当前机关：{{name}}',
    bell: '消息通知，{{count}} 条未读',
    changePassword: '修改密码',
    language: '语言 / Language',
    logout: '退出登录',
    userMenu: '{{name}}的账号菜单',
  },
  language: {
    'zh-CN': '中文',
    en: 'English',
  },
  role: roleLabel,
  common: {
    attachments: {
      title: '附件',
      upload: '上传附件',
      uploadHint: '照片、调研报告等（PDF、Word、Excel、图片）',
      uploaded: '附件已上传',
      none: '暂无附件',
    },
    logins: {
      title: '已开通登录账号',
      onceOnly: '初始密码只显示这一次，请当面告知本人，并提醒其登录后修改密码。',
      name: '姓名',
      username: '用户名',
      password: '初始密码',
      bySms: '已短信发送至 {{phone}}',
      skipped: '未开通',
      close: '我已记下',
    },
    search: '查询',
    reset: '重置',
    save: '保存',
    cancel: '取消',
    confirmAction: '确定要{{action}}吗？',
    edit: '编辑',
    actions: '操作',
    all: '全部',
    status: '状态',
    active: '启用',
    inactive: '停用',
    saved: '已保存',
    createdAt: '创建时间',
    required: '此项为必填项',
    total: '共 {{total}} 条',
    totalAtLeast: '{{total}} 条以上',
    details: '详情',
    filters: '筛选条件',
    select: '选择',
    bulk: {
      selected: '已选 {{count}} 条',
      done: '已{{action}} {{done}} 条',
      partly: '已{{action}} {{done}} 条，{{failed}} 条未能{{action}}',
      failedTitle: '以下 {{failed}} 条未能{{action}}',
      failedItem: '{{label}}：{{message}}',
    },
  },
  error: {
    title: '页面出错了',
    description: '页面发生意外错误，请重新加载。如果问题持续出现，请联系系统管理员。',
    reload: '重新加载',
    network: '无法连接服务器，请检查网络后重试。',
    unexpected: '服务器返回了无法识别的响应（HTTP {{status}}）。',
    notFoundTitle: '页面不存在',
    notFound: '您访问的页面不存在或已被移除。',
    forbiddenTitle: '无权访问',
    forbidden: '您的账号没有访问此页面的权限。',
    backHome: '返回工作台',
  },
  placeholder: {
    status: '建设中',
    description: '“{{name}}”模块正在建设中，暂不可用。',
  },
  home: {
    title: '工作台',
    greeting: '您好，{{name}}。',
    about: '我的账号',
    figures: {
      title: '数据变化',
      periods: '本月 {{from}} 至 {{to}}，与上月同期 {{previousFrom}} 至 {{previousTo}} 相比；点击数字查看本月的列表。',
      same: '持平',
      previous: '上月同期 {{count}}',
    },
    todo: {
      title: '待办事项',
      hint: '下面是等待您处理或关注的事项，点击进入对应的列表；数字每分钟自动刷新。',
      count: '{{count}} 件',
      due: '期限',
      meetingDate: '会期',
      none: '暂无待办事项',
    },
    role: '角色',
    body: '所属机关',
    deputyOf: '代表身份',
    assigningBody: '交办机关',
    handlingUnit: '所属承办单位',
    modules: '业务模块',
    admin: '系统管理',
  },
  login: {
    title: '登录',
    username: '用户名',
    password: '密码',
    submit: '登录',
    publicSuggestions: '代表建议办理结果公开',
  },
  changePassword: {
    title: '修改密码',
    current: '当前密码',
    new: '新密码',
    confirm: '确认新密码',
    hint: '至少 10 位，须同时包含字母和数字',
    mismatch: '两次输入的新密码不一致',
    success: '密码已修改',
    requiredTitle: '请先修改初始密码',
    required: '{{name}}，您好：您的密码由工作人员设置，为保障账号安全，请先设置自己的新密码，修改后方可使用系统其他功能。',
    initial: '初始密码',
  },
  ...adminZh,
  calendar: {
    provisional: '暂定',
    provisionalHint: '{{year}}年的法定节假日和调休安排尚未录入，按工作日计算的期限和排班可能在录入后变化。',
    title: '法定节假日安排',
    hint: '按工作日计算的期限和联络站排班按此处各年度的放假和调休安排计算。系统已从日历数据包导入已知年份；国务院办公厅每年发布下一年的《部分节假日安排的通知》后，请在此录入，或升级日历数据包后导入。录入前，落在该年的日期显示为“暂定”。',
    knownThrough: '已录入至 {{year}} 年',
    nextMissing: '{{year}} 年的安排尚未录入，落在该年的期限为暂定。',
    year: '年度',
    source: '来源',
    notice: '依据通知',
    daysOff: '放假天数',
    makeUpDays: '调休上班',
    updatedAt: '更新时间',
    updatedBy: '更新人',
    enter: '录入年度安排',
    edit: '修改',
    import: '从数据包导入',
    importConfirm: '用日历数据包中的{{year}}年安排替换当前内容？',
    importMissing: '数据包中有尚未导入的年份：{{years}}',
    editTitle: '{{year}}年放假和调休安排',
    noticePlaceholder: '国务院办公厅关于{{year}}年部分节假日安排的通知',
    holidayName: '节日',
    from: '放假开始',
    to: '放假结束',
    makeUpDaysField: '调休上班日',
    makeUpDaysPlaceholder: '如 2027-01-31、2027-02-20',
    addHoliday: '添加节日',
    remove: '删除',
    recomputeNote: '保存后立即生效：之后计算的工作日期限、联络站排班预览和到期提醒按新安排计算；已经保存的期限不会自动重算。',
  },
  ...opinionLabelsZh,
  ...campaignLabelsZh,
  ...supervisionLabelsZh,
  deputies: deputiesZh,
  stations: stationsZh,
  reportbacks: reportBacksZh,
  votes: votesZh,
  followUps: followUpsZh,
  legislation: legislationZh,
  contacts: contactsZh,
  livelihood: livelihoodZh,
  meetings: meetingsZh,
  opinions: opinionsZh,
  opinionCategories: opinionCategoriesZh,
  opinionBulk: opinionBulkZh,
  campaigns: campaignsZh,
  supervision: supervisionZh,
  suggestions: suggestionsZh,
  notifications: notificationsZh,
};

/** The shape every language must fill. */
export type Messages = Widen<typeof zhCN>;
