import { Result } from 'antd';
import { Navigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { can } from '@renda/shared';
import { useCurrentUser } from '../../app/auth/session';
import { Page } from '../../components/Page';
import { AssignedPage } from './AssignedPage';
import { MyCampaignsPage } from '../campaigns/MyCampaignsPage';
import { InboxPage } from './InboxPage';

/**
 * /opinions: staff and leaders get the inbox, a handling unit its assigned items, a deputy their themed
 * campaigns, an administrator the category dictionary, other roles a plain note.
 */
export function OpinionsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  if (can(user.role, 'opinions.read')) return <InboxPage />;
  if (can(user.role, 'opinions.handle')) return <AssignedPage />;
  if (can(user.role, 'campaigns.visit')) return <MyCampaignsPage />;
  // An administrator's part in this module is the category dictionary.
  if (can(user.role, 'opinions.categories')) return <Navigate to="/opinions/categories" replace />;
  return (
    <Page title={t('module.opinions')}>
      <Result status="info" subTitle={t('opinions.noAccess')} />
    </Page>
  );
}
