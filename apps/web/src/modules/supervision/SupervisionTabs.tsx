import { Segmented } from 'antd';
import { useLocation, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { can } from '@renda/shared';
import { useCurrentUser } from '../../app/auth/session';

/** The module's lists: a deputy's own (我参与的监督), items, the annual plans, the issue list, joint meetings (staff). */
export function SupervisionTabs() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const options = [
    user.role === 'deputy'
      ? { value: '/supervision/mine', label: t('supervision.mine') }
      : { value: '/supervision', label: t('supervision.items') },
    { value: '/supervision/plans', label: t('supervision.plans') },
    { value: '/supervision/points', label: t('supervision.points') },
    ...(can(user.role, 'supervision.manage') ? [{ value: '/supervision/joint-meetings', label: t('supervision.meetings') }] : []),
  ];
  return <Segmented options={options} value={pathname} onChange={(v) => navigate(v)} />;
}
