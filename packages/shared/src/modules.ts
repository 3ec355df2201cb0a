import type { Role } from './roles.js';

/** The nine modules of the platform (DOMAIN.md), in navigation order, with their OpenAPI tags. */
export const platformModules = [
  { key: 'deputies', tag: 'deputies', label: '代表履职', labelEn: 'Deputies' },
  { key: 'stations', tag: 'stations', label: '代表联络站', labelEn: 'Liaison stations' },
  { key: 'opinions', tag: 'opinions', label: '群众意见', labelEn: 'Public opinions' },
  { key: 'suggestions', tag: 'suggestions', label: '建议议案', labelEn: 'Suggestions & motions' },
  { key: 'livelihood-projects', tag: 'livelihood-projects', label: '民生实事票决', labelEn: 'Livelihood projects' },
  { key: 'supervision', tag: 'supervision', label: '监督工作', labelEn: 'Supervision' },
  { key: 'meetings', tag: 'meetings', label: '会议表决', labelEn: 'Meetings & votes' },
  { key: 'legislation', tag: 'legislation', label: '立法征求意见', labelEn: 'Legislation' },
  { key: 'stats', tag: 'stats', label: '数据分析', labelEn: 'Dashboard & analysis' },
] as const;
export type PlatformModuleKey = (typeof platformModules)[number]['key'];

export const apiTags = [
  ...platformModules.map((m) => ({ name: m.tag, description: m.label })),
  { name: 'admin', description: '系统管理' },
  { name: 'auth', description: '登录与账号' },
  { name: 'platform', description: '平台服务（通知、附件、健康检查）' },
];

/**
 * Route classes and the roles allowed to use them: the one permission table.
 * The server checks it on every protected route; the web app uses it to show menus;
 * the permission test iterates it as a matrix.
 */
export const permissions = {
  'admin.manage': ['admin'],
  'audit.read': ['admin', 'leader'],
  'bodies.read': ['admin', 'staff', 'leader', 'deputy', 'handling_unit'],
  'handlingUnits.read': ['admin', 'staff', 'leader'],
  'notifications.own': ['admin', 'staff', 'leader', 'deputy', 'handling_unit'],
  /** The home page's to-do list (工作台). */
  'workbench.read': ['admin', 'staff', 'leader', 'deputy', 'handling_unit'],
  'attachments.upload': ['admin', 'staff', 'leader', 'deputy', 'handling_unit'],
  /** Follow-up tasks (落实任务): the module that owns the task's item decides who sees, sets and completes it. */
  'followUps.use': ['admin', 'staff', 'leader', 'deputy', 'handling_unit'],
  'outbox.read': ['admin'],
  // The official calendar (法定节假日与调休): everyone signed in reads which years are entered; administrators enter a year.
  'calendar.read': ['admin', 'staff', 'leader', 'deputy', 'handling_unit'],
  'calendar.manage': ['admin'],
  // Suggestions and motions: reading is scoped further by role (a deputy sees own items, a unit its assignments).
  'suggestions.read': ['admin', 'staff', 'leader', 'deputy', 'handling_unit'],
  'suggestions.draft': ['deputy'],
  'suggestions.manage': ['staff'],
  'suggestions.rates': ['admin', 'staff', 'leader'],
  'suggestions.handle': ['handling_unit'],
  /** A body's rules for answering co-signers and its reply result categories (办理结果分类). */
  'suggestions.settings': ['admin', 'staff'],
  'opinions.read': ['staff', 'leader'],
  /** A deputy's own list of the opinions sent to them, to turn into suggestions (意见转建议). */
  'opinions.received': ['deputy'],
  'opinions.triage': ['staff'],
  'opinions.handle': ['handling_unit'],
  'opinions.categories': ['admin', 'staff'],
  // Themed campaigns (专项监督) and their problem-clue ledger; a government signs in as a handling unit.
  'campaigns.read': ['staff', 'leader'],
  'campaigns.manage': ['staff'],
  'campaigns.handle': ['handling_unit'],
  // A deputy on a campaign team records the team's field visits from a phone and turns clues into suggestions.
  'campaigns.visit': ['deputy'],
  // Deputies and stations: a deputy reaches only their own record, duties and results through deputies.self.
  'deputies.read': ['admin', 'staff', 'leader'],
  'deputies.manage': ['admin', 'staff'],
  'deputies.self': ['deputy'],
  'duties.record': ['staff', 'deputy'],
  'stations.read': ['admin', 'staff', 'leader', 'deputy'],
  'stations.manage': ['admin', 'staff'],
  // Report-back to voters (回选区述职) and honours (最美人大代表): staff run them; voters rate on a public page.
  'reportbacks.read': ['admin', 'staff', 'leader'],
  'reportbacks.manage': ['admin', 'staff'],
  'honours.read': ['admin', 'staff', 'leader', 'deputy'],
  'honours.manage': ['admin', 'staff'],
  // Eligible voters are deputies and staff of the campaign's body; the service checks the body.
  'honours.vote': ['staff', 'deputy'],
  // 双联系: staff assign the links; members (leader) and deputies record their own contacts, staff any in scope.
  'contacts.read': ['admin', 'staff', 'leader', 'deputy'],
  'contacts.manage': ['admin', 'staff'],
  'contacts.record': ['staff', 'leader', 'deputy'],
  // 代表约见: a deputy requests; each step's roles are in the workflow table (staff arrange, the agency
  // answers, the deputy rates); a deputy reads only their own, a unit only the appointments with it.
  'appointments.read': ['admin', 'staff', 'leader', 'deputy', 'handling_unit'],
  'appointments.request': ['deputy'],
  // Meetings and votes (会议与表决) and decisions on major matters (重大事项决定): staff run them, leaders read;
  // a deputy reaches only the meetings they are a member of or invited to (materials, 请假, 扫码签到).
  'meetings.read': ['admin', 'staff', 'leader'],
  'meetings.manage': ['staff'],
  'meetings.attend': ['deputy'],
  // The one vote component: staff run votes and enter paper ballots; deputies (and, for 评选, staff) vote;
  // the service checks the voter is on the vote's roll.
  'votes.read': ['admin', 'staff', 'leader', 'deputy'],
  'votes.manage': ['admin', 'staff'],
  'votes.vote': ['staff', 'deputy', 'leader'],
  // 民生实事票决: everyone signed in reads the cycles of their scope (a unit only the projects it carries out);
  // staff run the cycle; deputies and departments propose; staff and the deputies of a project's group inspect.
  'livelihood.read': ['admin', 'staff', 'leader', 'deputy', 'handling_unit'],
  'livelihood.manage': ['staff'],
  'livelihood.propose': ['staff', 'deputy', 'handling_unit'],
  'livelihood.inspect': ['staff', 'deputy'],
  'livelihood.settings': ['admin', 'staff'],
  // Supervision (监督): staff run the plan and the items; an organ under supervision signs in as a handling
  // unit and reads only its own items and points; a deputy reads the items they take part in.
  'supervision.read': ['admin', 'staff', 'leader', 'deputy', 'handling_unit'],
  'supervision.manage': ['staff'],
  'supervision.handle': ['handling_unit'],
  // 立法征求意见: staff publish drafts, moderate and mark comments; a grassroots legislative contact
  // point's members (staff accounts of its body or a body below) enter the comments it gathered offline.
  'legislation.read': ['admin', 'staff', 'leader'],
  'legislation.manage': ['staff'],
  'legislation.contribute': ['staff'],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof permissions;

export function can(r: Role, permission: Permission): boolean {
  return (permissions[permission] as readonly Role[]).includes(r);
}
