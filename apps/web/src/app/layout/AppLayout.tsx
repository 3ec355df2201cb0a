import { useEffect, useState, type ReactNode } from 'react';
import { Button, Drawer, Layout, Menu, Typography, type MenuProps } from 'antd';
import { MenuFoldOutlined, MenuOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { can } from '@renda/shared';
import { useIsPhone } from '../../components/ResponsiveTable';
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

/**
 * The shell. On a desktop the menu is a sidebar wide enough for every label (folding to icons on a
 * narrow laptop); on a phone it is a drawer behind the header's menu button, and the header keeps to
 * one line (the app's name, the bell and the user's menu).
 */
export function AppLayout() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { pathname } = useLocation();
  const phone = useIsPhone();
  const [collapsed, setCollapsed] = useState(false);
  const [drawer, setDrawer] = useState(false);
  const items = useMenuItems();
  const selected = selectedKey(pathname);
  // Choosing a page closes the drawer.
  useEffect(() => setDrawer(false), [pathname]);
  const menu = (
    <nav aria-label={t('nav.main')}>
      <Menu theme="dark" mode="inline" items={items} selectedKeys={[selected]} />
    </nav>
  );

  return (
    <Layout className={phone ? 'app app-phone' : 'app'}>
      <Layout.Header className="app-header">
        {phone ? (
          <Button
            type="text"
            icon={<MenuOutlined />}
            aria-label={t('nav.open')}
            aria-expanded={drawer}
            aria-controls="app-drawer"
            onClick={() => setDrawer(true)}
          />
        ) : (
          <Button
            type="text"
            icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
            aria-label={collapsed ? t('nav.expand') : t('nav.collapse')}
            aria-expanded={!collapsed}
            aria-controls="app-sider"
            onClick={() => setCollapsed(!collapsed)}
          />
        )}
        <Link to="/" className="app-name">
          {t(phone ? 'app.shortName' : 'app.name')}
        </Link>
        {!phone && <Typography.Text className="app-body">{t('header.currentBody', { name: user.bodyName })}</Typography.Text>}
        <span className="app-header-tools">
          <NotificationBell />
          <UserMenu compact={phone} />
        </span>
      </Layout.Header>
      <Layout hasSider={!phone}>
        {phone ? (
          <Drawer
            id="app-drawer"
            placement="left"
            width={264}
            open={drawer}
            onClose={() => setDrawer(false)}
            title={user.bodyName}
            className="app-drawer"
            styles={{ body: { padding: 0, background: '#001529' } }}
          >
            {menu}
          </Drawer>
        ) : (
          <Layout.Sider
            id="app-sider"
            width={232}
            collapsible
            collapsed={collapsed}
            trigger={null}
            breakpoint="lg"
            onBreakpoint={setCollapsed}
          >
            {menu}
          </Layout.Sider>
        )}
        <Layout.Content className="app-content">
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
