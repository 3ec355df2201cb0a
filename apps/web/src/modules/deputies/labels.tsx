import { Badge, Segmented } from 'antd';
import { useLocation, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { can, type DeputyStatus, type Permission } from '@renda/shared';
import { useCurrentUser } from '../../app/auth/session';

const statusColour: Record<DeputyStatus, 'success' | 'default' | 'warning' | 'error'> = {
  in_office: 'success',
  resigned: 'warning',
  removed: 'error',
  deceased: 'default',
};

/** The status as a dot and its words (the words carry the meaning). */
export function DeputyStatusBadge({ status }: { status: DeputyStatus }) {
  const { t } = useTranslation();
  return <Badge status={statusColour[status]} text={t(`deputies.status.${status}`)} />;
}

const tabs = [
  '/deputies',
  '/deputies/duties',
  '/deputies/groups',
  '/deputies/grid',
  '/deputies/assessment',
  '/deputies/reportbacks',
  '/deputies/honours',
  '/deputies/contacts',
  '/deputies/appointments',
] as const;
const tabLabel = {
  '/deputies': 'deputies.tabs.registry',
  '/deputies/duties': 'deputies.tabs.duties',
  '/deputies/groups': 'deputies.tabs.groups',
  '/deputies/grid': 'deputies.tabs.grid',
  '/deputies/assessment': 'deputies.tabs.assessment',
  '/deputies/reportbacks': 'reportbacks.list.title',
  '/deputies/honours': 'reportbacks.honours.title',
  '/deputies/contacts': 'contacts.tabs.contacts',
  '/deputies/appointments': 'contacts.tabs.appointments',
} as const;
const tabPermission: Partial<Record<(typeof tabs)[number], Permission>> = {
  '/deputies/duties': 'duties.record',
  '/deputies/reportbacks': 'reportbacks.read',
  '/deputies/honours': 'honours.read',
  '/deputies/contacts': 'contacts.read',
  '/deputies/appointments': 'appointments.read',
};

/** The staff views of the deputies module. */
export function DeputiesTabs() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const value = tabs.find((p) => p !== '/deputies' && pathname.startsWith(p)) ?? '/deputies';
  return (
    <Segmented
      aria-label={t('module.deputies')}
      value={value}
      onChange={(path) => navigate(path)}
      options={tabs.filter((p) => can(user.role, tabPermission[p] ?? 'deputies.read')).map((p) => ({ value: p, label: t(tabLabel[p]) }))}
    />
  );
}
