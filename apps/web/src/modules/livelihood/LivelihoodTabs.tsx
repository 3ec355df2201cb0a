import { Segmented } from 'antd';
import { useLocation, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';

/** 票决年度 / 项目清单: the two lists of the module. */
export function LivelihoodTabs() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  return (
    <Segmented
      aria-label={t('module.livelihood-projects')}
      style={{ marginBottom: 16 }}
      value={pathname.startsWith('/livelihood-projects/projects') ? '/livelihood-projects/projects' : '/livelihood-projects'}
      onChange={(path) => navigate(path)}
      options={[
        { value: '/livelihood-projects', label: t('livelihood.tabs.cycles') },
        { value: '/livelihood-projects/projects', label: t('livelihood.tabs.projects') },
      ]}
    />
  );
}
