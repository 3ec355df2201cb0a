import { useState, type ReactNode } from 'react';
import { Button, Layout, Menu, Typography, type MenuProps } from 'antd';
import { MenuFoldOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { can } from '@renda/shared';
import { useCurrentUser } from '../auth/session';
import { adminNav, homeNav, moduleNav, notificationsNav } from '../navigation';
import { NotificationBell } from './NotificationBell';
import { UserMenu } from './UserMenu';

function useMenuItems(): MenuProps['items'] {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const link = (path: string, label: string, icon: ReactNode) => ({ key: path, icon, label: <Link to={path}>{label}</Link> });
  const admin = adminNav.filter((item) => can(user.role, item.permission));
  return [
    link(homeNav.path, t(homeNav.label), homeNav.icon),
    ...moduleNav.map((m) => link(m.path, t(`module.${m.key}`), m.icon)),
    link(notificationsNav.path, t(notificationsNav.label), notificationsNav.icon),
    ...(admin.length > 0
      ? [
          // A group, not a folding submenu: every entry stays visible and in the page.
          {
            type: 'group' as const,
            key: 'admin',
            label: t('nav.admin'),
            children: admin.map((item) => link(item.path, t(item.label), item.icon)),
          },
        ]
      : []),
  ];
}

/** The menu entry for the current page: the longest path that prefixes the location. */
function selectedKey(pathname: string): string {
  const paths = [homeNav.path, notificationsNav.path, ...moduleNav.map((m) => m.path), ...adminNav.map((a) => a.path)];
  const matches = paths.filter((p) => pathname === p || pathname.startsWith(`${p}/`));
  return matches.sort((a, b) => b.length - a.length)[0] ?? '';
}

export function AppLayout() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { pathname } = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  const items = useMenuItems();
  const selected = selectedKey(pathname);

  return (
    <Layout className="app">
      <Layout.Header className="app-header">
        <Button
          type="text"
          icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
          aria-label={collapsed ? t('nav.expand') : t('nav.collapse')}
          aria-expanded={!collapsed}
          aria-controls="app-sider"
          onClick={() => setCollapsed(!collapsed)}
        />
        <Link to="/" className="app-name">
          {t('app.name')}
        </Link>
        <Typography.Text>{t('header.currentBody', { name: user.bodyName })}</Typography.Text>
        <span className="app-header-tools">
          <NotificationBell />
          <UserMenu />
        </span>
      </Layout.Header>
      <Layout hasSider>
        <Layout.Sider
          id="app-sider"
          width={224}
          collapsible
          collapsed={collapsed}
          trigger={null}
          breakpoint="lg"
          onBreakpoint={setCollapsed}
        >
          <nav aria-label={t('nav.main')}>
            <Menu theme="dark" mode="inline" items={items} selectedKeys={[selected]} />
          </nav>
        </Layout.Sider>
        <Layout.Content className="app-content">
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
