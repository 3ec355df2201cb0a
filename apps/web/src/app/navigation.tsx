import type { ReactNode } from 'react';
import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  BellOutlined,
  BookOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  DesktopOutlined,
  EyeOutlined,
  FieldTimeOutlined,
  FileTextOutlined,
  MailOutlined,
  MessageOutlined,
  ShopOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { RouteObject } from 'react-router-dom';
import { platformModules, type Permission, type PlatformModuleKey } from '@renda/shared';
import { lazyPage } from './lazyPage';
import { opinionRoutes } from '../modules/opinions/routes';
import { campaignRoutes } from '../modules/campaigns/routes';
import { suggestionRoutes } from '../modules/suggestions/routes';
import { supervisionRoutes } from '../modules/supervision/routes';
import { deputyRoutes } from '../modules/deputies/routes';
import { stationRoutes } from '../modules/stations/routes';
import { reportBackRoutes } from '../modules/reportbacks/routes';
import { contactRoutes } from '../modules/contacts/routes';
import { voteRoutes } from '../modules/votes/routes';
import { livelihoodRoutes } from '../modules/livelihood/routes';
import { meetingRoutes } from '../modules/meetings/routes';
import { legislationRoutes } from '../modules/legislation/routes';

const moduleIcons: Record<PlatformModuleKey, ReactNode> = {
  deputies: <TeamOutlined />,
  stations: <ShopOutlined />,
  opinions: <MessageOutlined />,
  suggestions: <FileTextOutlined />,
  'livelihood-projects': <CheckSquareOutlined />,
  supervision: <EyeOutlined />,
  meetings: <CalendarOutlined />,
  legislation: <BookOutlined />,
  stats: <BarChartOutlined />,
};

export const homeNav = { path: '/', label: 'nav.home', icon: <DesktopOutlined /> } as const;
export const notificationsNav = { path: '/notifications', label: 'nav.notifications', icon: <BellOutlined /> } as const;

/** The nine modules, in the shared navigation order. */
export const moduleNav = platformModules.map((m) => ({ key: m.key, path: `/${m.key}`, icon: moduleIcons[m.key] }));

/** The pages of each module that is built, under its menu entry; a module not listed shows "建设中". */
export const modulePages: Partial<Record<PlatformModuleKey, RouteObject[]>> = {
  deputies: [...deputyRoutes, ...reportBackRoutes, ...contactRoutes],
  stations: stationRoutes,
  opinions: [...opinionRoutes, ...campaignRoutes],
  suggestions: suggestionRoutes,
  'livelihood-projects': livelihoodRoutes,
  meetings: [...meetingRoutes, ...voteRoutes],
  supervision: supervisionRoutes,
  legislation: legislationRoutes,
};

interface AdminNavItem {
  path: string;
  label: 'nav.users' | 'nav.bodies' | 'nav.handlingUnits' | 'nav.deadlineRules' | 'nav.calendar' | 'nav.audit' | 'nav.outbox';
  icon: ReactNode;
  permission: Permission;
  page: RouteObject['lazy'];
}

/** 系统管理: each entry is shown, and routed, only for roles holding its permission. */
export const adminNav: AdminNavItem[] = [
  {
    path: '/admin/users',
    label: 'nav.users',
    icon: <UserOutlined />,
    permission: 'admin.manage',
    page: lazyPage(() => import('../modules/admin/users/UsersPage'), 'UsersPage'),
  },
  {
    path: '/admin/bodies',
    label: 'nav.bodies',
    icon: <ApartmentOutlined />,
    permission: 'admin.manage',
    page: lazyPage(() => import('../modules/admin/bodies/BodiesPage'), 'BodiesPage'),
  },
  {
    path: '/admin/handling-units',
    label: 'nav.handlingUnits',
    icon: <BankOutlined />,
    permission: 'admin.manage',
    page: lazyPage(() => import('../modules/admin/handling-units/HandlingUnitsPage'), 'HandlingUnitsPage'),
  },
  {
    path: '/admin/deadline-rules',
    label: 'nav.deadlineRules',
    icon: <FieldTimeOutlined />,
    permission: 'admin.manage',
    page: lazyPage(() => import('../modules/admin/deadline-rules/DeadlineRulesPage'), 'DeadlineRulesPage'),
  },
  {
    path: '/admin/calendar',
    label: 'nav.calendar',
    icon: <CalendarOutlined />,
    permission: 'calendar.manage',
    page: lazyPage(() => import('../modules/admin/calendar/CalendarPage'), 'CalendarPage'),
  },
  {
    path: '/admin/audit',
    label: 'nav.audit',
    icon: <AuditOutlined />,
    permission: 'audit.read',
    page: lazyPage(() => import('../modules/admin/audit/AuditPage'), 'AuditPage'),
  },
  {
    path: '/admin/outbox',
    label: 'nav.outbox',
    icon: <MailOutlined />,
    permission: 'outbox.read',
    page: lazyPage(() => import('../modules/admin/outbox/OutboxPage'), 'OutboxPage'),
  },
];
