import { Segmented } from 'antd';
import { useLocation, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { can, type Permission } from '@renda/shared';
import { useCurrentUser } from '../../app/auth/session';

/** The opinions module's staff views, each shown to the roles that may open it. */
export function OpinionsTabs() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const { pathname } = useLocation();
  const tabs: { value: string; label: string; permission: Permission }[] = [
    { value: '/opinions', label: t('opinions.tabInbox'), permission: 'opinions.read' },
    { value: '/opinions/campaigns', label: t('opinions.tabCampaigns'), permission: 'campaigns.read' },
    { value: '/opinions/categories', label: t('opinionCategories.tab'), permission: 'opinions.categories' },
  ];
  const options = tabs.filter((tab) => can(user.role, tab.permission));
  if (options.length < 2) return null;
  const value = options.find((o) => o.value !== '/opinions' && pathname.startsWith(o.value))?.value ?? '/opinions';
  return (
    <Segmented
      aria-label={t('module.opinions')}
      value={value}
      onChange={(path) => navigate(path)}
      options={options.map(({ value: v, label }) => ({ value: v, label }))}
    />
  );
}
