import { Segmented } from 'antd';
import { useLocation, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';

/** The opinions module's two staff views. */
export function OpinionsTabs() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const value = pathname.startsWith('/opinions/campaigns') ? '/opinions/campaigns' : '/opinions';
  return (
    <Segmented
      aria-label={t('module.opinions')}
      value={value}
      onChange={(path) => navigate(path)}
      options={[
        { value: '/opinions', label: t('opinions.tabInbox') },
        { value: '/opinions/campaigns', label: t('opinions.tabCampaigns') },
      ]}
    />
  );
}
