import { Tag, type TableColumnsType } from 'antd';
import { Link, Navigate } from 'react-router-dom';
import { useCurrentUser } from '../../app/auth/session';
import { useTranslation } from 'react-i18next';
import { supervisionKind, type SupervisionItemSummary } from '@renda/shared';
import { Page } from '../../components/Page';
import { PagedTable, usePagedList, type FilterField } from '../../components/PagedTable';
import { exportUrls, supervisionKey } from './api';
import { ExportButton } from './ExportButton';
import { StageTags } from './StageTags';
import { SupervisionTabs } from './SupervisionTabs';

/**
 * 监督事项: every item the user may see (staff their bodies', an organ its own); a deputy's menu entry opens
 * their own list, 我参与的监督.
 */
export function ItemsPage() {
  const user = useCurrentUser();
  return user.role === 'deputy' ? <Navigate to="/supervision/mine" replace /> : <AllItems />;
}

function AllItems() {
  const { t } = useTranslation();
  const columns = useItemColumns();
  const list = usePagedList<SupervisionItemSummary>([...supervisionKey, 'items'], '/api/supervision-items');
  const filters: FilterField[] = [
    { kind: 'text', param: 'q', label: t('supervision.search') },
    { kind: 'text', param: 'year', label: t('supervision.year') },
    {
      kind: 'select',
      param: 'kind',
      label: t('supervision.kind'),
      options: supervisionKind.options.map((k) => ({ value: k, label: t(`supervisionKind.${k}`) })),
    },
    {
      kind: 'select',
      param: 'overdue',
      label: t('supervision.stageOverdueOnly'),
      options: [{ value: 'true', label: t('supervision.stageOverdue') }],
    },
  ];
  return (
    <Page
      title={t('supervision.title')}
      extra={
        <>
          <SupervisionTabs />
          <ExportButton href={exportUrls.items(list.filters)} />
        </>
      }
    >
      <PagedTable<SupervisionItemSummary> list={list} filters={filters} columns={columns} />
    </Page>
  );
}

/** The columns of an item in a list (the items page, a plan). */
export function useItemColumns(): TableColumnsType<SupervisionItemSummary> {
  const { t } = useTranslation();
  return [
    { title: t('supervision.year'), dataIndex: 'year' },
    { title: t('supervision.subject'), key: 'subject', render: (_, i) => <Link to={`/supervision/items/${i.id}`}>{i.subject}</Link> },
    { title: t('supervision.kind'), dataIndex: 'kindLabel' },
    { title: t('supervision.organ'), dataIndex: 'organName' },
    { title: t('supervision.committee'), dataIndex: 'committee' },
    {
      title: t('supervision.stage'),
      key: 'stage',
      render: (_, i) => <StageTags item={i} />,
    },
    { title: t('supervision.stageDue'), dataIndex: 'stageDueOn', render: (v: string | null) => v ?? '—' },
    {
      title: t('supervision.openPoints'),
      key: 'points',
      render: (_, i) => (
        <>
          {i.openPoints}
          {i.overduePoints > 0 && <Tag color="red">{`${t('supervision.overduePoints')} ${i.overduePoints}`}</Tag>}
        </>
      ),
    },
  ];
}
