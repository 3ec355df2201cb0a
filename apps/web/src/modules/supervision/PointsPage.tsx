import { useTranslation } from 'react-i18next';
import { can, pointState, type SupervisionPoint } from '@renda/shared';
import { useCurrentUser } from '../../app/auth/session';
import { Page } from '../../components/Page';
import { PagedTable, usePagedList, type FilterField } from '../../components/PagedTable';
import { exportUrls, supervisionKey } from './api';
import { ExportButton } from './ExportButton';
import { usePointColumns } from './PointsTable';
import { SupervisionTabs } from './SupervisionTabs';

/** 督办清单: staff see their bodies' points; an organ sees and answers only its own. */
export function PointsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const path = can(user.role, 'supervision.handle') ? '/api/supervision-points/assigned' : '/api/supervision-points';
  const list = usePagedList<SupervisionPoint>([...supervisionKey, 'points'], path);
  const filters: FilterField[] = [
    {
      kind: 'select',
      param: 'state',
      label: t('supervision.state'),
      options: pointState.options.map((s) => ({ value: s, label: t(`pointState.${s}`) })),
    },
    {
      kind: 'select',
      param: 'overdue',
      label: t('supervision.overdueOnly'),
      options: [{ value: 'true', label: t('supervision.overdue') }],
    },
  ];
  const { columns, card, modal } = usePointColumns(supervisionKey, true);
  return (
    <Page
      title={t('supervision.points')}
      extra={
        <>
          <SupervisionTabs />
          <ExportButton href={exportUrls.points(list.filters)} />
        </>
      }
    >
      <PagedTable<SupervisionPoint> list={list} filters={filters} columns={columns} card={card} size="small" />
      {modal}
    </Page>
  );
}
