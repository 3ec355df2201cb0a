import { Button } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { OpinionListItem, OpinionStatus } from '@renda/shared';
import { queryString } from '../../app/api';
import { useCurrentUser } from '../../app/auth/session';
import { Page } from '../../components/Page';
import { PagedTable, usePagedList, type FilterField } from '../../components/PagedTable';
import { opinionsKey } from './api';
import { AssignedClues } from '../campaigns/AssignedClues';
import { opinionCard, opinionColumns } from './columns';

/** The states an item routed to a unit can be in, as the unit sees them. */
const unitStatuses: OpinionStatus[] = ['routed', 'signed_for', 'replied', 'reply_approved', 'returned', 'dissatisfied', 'rated', 'closed'];

/**
 * A handling unit's list: what was routed to it, to sign for, return or reply. Its export carries a
 * citizen's name and phone only where the citizen agreed to be contacted by the unit.
 */
export function AssignedPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const list = usePagedList<OpinionListItem>([...opinionsKey, 'assigned'], '/api/opinions/assigned');
  const filters: FilterField[] = [
    { kind: 'text', param: 'q', label: t('opinions.search'), placeholder: t('opinions.searchPlaceholder') },
    {
      kind: 'select',
      param: 'status',
      label: t('opinions.status'),
      options: unitStatuses.map((s) => ({ value: s, label: t(`opinionStatus.${s}`) })),
    },
    {
      kind: 'select',
      param: 'overdue',
      label: t('opinions.overdueFilter'),
      options: [
        { value: 'true', label: t('opinions.overdueYes') },
        { value: 'false', label: t('opinions.overdueNo') },
      ],
    },
  ];
  return (
    <Page title={t('opinions.assignedTitle')} extra={user.handlingUnitName}>
      <PagedTable<OpinionListItem>
        list={list}
        filters={filters}
        columns={opinionColumns(t, { showBody: true })}
        card={opinionCard(t)}
        toolbar={
          <Button icon={<DownloadOutlined />} href={`/api/opinions/assigned/export${queryString(list.filters)}`}>
            {t('opinions.export')}
          </Button>
        }
      />
      <AssignedClues />
    </Page>
  );
}
