import { Button, Dropdown, type MenuProps } from 'antd';
import { DownOutlined, GlobalOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { languages, setLanguage, type Language } from '../i18n';
import { useCurrentUser, useLogout } from '../auth/session';

/** The user's menu; on a phone (`compact`) the button shows the name only, the role moving into the menu. */
export function UserMenu({ compact = false }: { compact?: boolean }) {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const logout = useLogout();

  const items: MenuProps['items'] = [
    ...(compact
      ? [{ key: 'who', disabled: true, label: `${user.displayName}（${t(`role.${user.role}`)}）` }, { type: 'divider' as const }]
      : []),
    { key: 'change-password', icon: <KeyOutlined />, label: t('header.changePassword') },
    {
      key: 'language',
      icon: <GlobalOutlined />,
      label: t('header.language'),
      children: languages.map((lng) => ({ key: `language:${lng}`, label: t(`language.${lng}`) })),
    },
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined />, label: t('header.logout') },
  ];

  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'change-password') navigate('/change-password');
    else if (key === 'logout') logout.mutate();
    else if (key.startsWith('language:')) setLanguage(key.slice('language:'.length) as Language);
  };

  return (
    <Dropdown trigger={['click']} menu={{ items, onClick, selectable: true, selectedKeys: [`language:${i18n.language}`] }}>
      {compact ? (
        <Button type="text" shape="circle" icon={<UserOutlined />} aria-label={t('header.userMenu', { name: user.displayName })} />
      ) : (
        <Button type="text" icon={<UserOutlined />}>
          {user.displayName}
          <span className="app-role">{t(`role.${user.role}`)}</span>
          <DownOutlined />
        </Button>
      )}
    </Dropdown>
  );
}
