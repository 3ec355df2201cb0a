import { useState } from 'react';
import { Button, Flex } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { can, opinionStatus, type OpinionListItem } from '@renda/shared';
import { queryString } from '../../app/api';
import { useCurrentUser } from '../../app/auth/session';
import { bodyOptions, useBodies } from '../../components/bodies';
import { BulkOutcomeNotice, useBulkSelection, type BulkOutcome } from '../../components/bulk';
import { Page } from '../../components/Page';
import { PagedTable, usePagedList, type FilterField } from '../../components/PagedTable';
import { useDeputySource, useStationSource, useUnitSource } from '../../components/remoteSources';
import { opinionsKey, useCategoryOptions, useOpinionCounts } from './api';
import { BulkActions, bulkSelectable } from './BulkActions';
import { opinionColumns } from './columns';
import { OpinionsTabs } from './OpinionsTabs';
import { Section } from '../../components/Section';
import { LazyBarChart } from '../../components/LazyBarChart';

/** The staff inbox of a body (and the bodies below it): filters, bulk 受理 / 不予受理 / 转办, Excel export. */
export function InboxPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const triage = can(user.role, 'opinions.triage');
  const list = usePagedList<OpinionListItem>([...opinionsKey, 'inbox'], '/api/opinions');
  const [selected, setSelected] = useState<OpinionListItem[]>([]);
  const [outcome, setOutcome] = useState<BulkOutcome | null>(null);
  const selection = useBulkSelection(selected, setSelected, (o) => ({
    disabled: !bulkSelectable.has(o.status),
    label: t('opinions.selectRow', { code: o.trackingCode }),
  }));
  const bodies = useBodies();
  const stations = useStationSource();
  const deputies = useDeputySource();
  const units = useUnitSource(undefined, true);
  const categories = useCategoryOptions(user);
  const counts = useOpinionCounts(list.filters);

  const showBody = (bodies.data?.length ?? 0) > 1;
  const filters: FilterField[] = [
    { kind: 'text', param: 'q', label: t('opinions.search'), placeholder: t('opinions.searchPlaceholder') },
    {
      kind: 'select',
      param: 'status',
      label: t('opinions.status'),
      options: opinionStatus.options.map((s) => ({ value: s, label: t(`opinionStatus.${s}`) })),
    },
    { kind: 'select', param: 'category', label: t('opinions.category'), options: categories.options, loading: categories.loading },
    { kind: 'remote', param: 'stationId', label: t('opinions.station'), source: stations },
    { kind: 'remote', param: 'deputyId', label: t('opinions.deputy'), source: deputies },
    { kind: 'remote', param: 'handlingUnitId', label: t('opinions.handlingUnit'), source: units },
    {
      kind: 'select',
      param: 'overdue',
      label: t('opinions.overdueFilter'),
      options: [
        { value: 'true', label: t('opinions.overdueYes') },
        { value: 'false', label: t('opinions.overdueNo') },
      ],
    },
    { kind: 'dateRange', from: 'from', to: 'to', label: t('opinions.submittedAt') },
    ...(showBody ? [{ kind: 'select' as const, param: 'bodyId', label: t('opinions.body'), options: bodyOptions(bodies.data) }] : []),
  ];

  const exportHref = `/api/opinions/export${queryString(list.filters)}`;

  return (
    <Page title={t('opinions.inboxTitle')} extra={<OpinionsTabs />}>
      <BulkOutcomeNotice outcome={outcome} onClose={() => setOutcome(null)} />
      <PagedTable<OpinionListItem>
        list={list}
        filters={filters}
        columns={opinionColumns(t, { showBody })}
        toolbar={
          <Flex gap="small" wrap>
            {triage && (
              <BulkActions
                selected={selected}
                onDone={(result) => {
                  setSelected([]);
                  setOutcome(result);
                }}
              />
            )}
            <Button icon={<DownloadOutlined />} href={exportHref}>
              {t('opinions.export')}
            </Button>
          </Flex>
        }
        rowSelection={triage ? selection : undefined}
      />
      {counts.data && counts.data.length > 0 && (
        <Section title={t('opinions.chartTitle')}>
          <LazyBarChart
            names={counts.data.map((c) => t(`opinionStatus.${c.status}`))}
            series={[{ label: t('opinions.chartSeries'), values: counts.data.map((c) => c.count) }]}
            description={t('opinions.chartDescription', {
              total: counts.data.reduce((n, c) => n + c.count, 0),
              figures: counts.data.map((c) => `${t(`opinionStatus.${c.status}`)} ${c.count}`).join('，'),
            })}
          />
        </Section>
      )}
    </Page>
  );
}
