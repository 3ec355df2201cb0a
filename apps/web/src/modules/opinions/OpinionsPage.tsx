import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { can } from '@renda/shared';
import { useCurrentUser } from '../../app/auth/session';
import { Page } from '../../components/Page';
import { AssignedPage } from './AssignedPage';
import { InboxPage } from './InboxPage';

/** /opinions: staff and leaders get the inbox, a handling unit its assigned items, other roles a plain note. */
export function OpinionsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  if (can(user.role, 'opinions.read')) return <InboxPage />;
  if (can(user.role, 'opinions.handle')) return <AssignedPage />;
  return (
    <Page title={t('module.opinions')}>
      <Result status="info" subTitle={t('opinions.noAccess')} />
    </Page>
  );
}
