import { useState } from 'react';
import { App, Button, Flex } from 'antd';
import { CheckOutlined, DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { can, opinionStatus, type OpinionListItem } from '@renda/shared';
import { api, queryString } from '../../app/api';
import { useCurrentUser } from '../../app/auth/session';
import { bodyOptions, useBodies } from '../../components/bodies';
import { useAction } from '../../components/mutations';
import { Page } from '../../components/Page';
import { PagedTable, usePagedList, type FilterField } from '../../components/PagedTable';
import { useDeputySource, useStationSource, useUnitSource } from '../../components/remoteSources';
import { opinionsKey, useCategoryOptions } from './api';
import { opinionColumns } from './columns';
import { OpinionsTabs } from './OpinionsTabs';

/** The staff inbox of a body (and the bodies below it): filters, bulk 受理, Excel export. */
export function InboxPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const triage = can(user.role, 'opinions.triage');
  const list = usePagedList<OpinionListItem>([...opinionsKey, 'inbox'], '/api/opinions');
  const [selected, setSelected] = useState<string[]>([]);
  const bodies = useBodies();
  const stations = useStationSource();
  const deputies = useDeputySource();
  const units = useUnitSource(undefined, true);
  const categories = useCategoryOptions(user);

  const bulkAccept = useAction(
    (ids: string[]) => api.post<{ done: string[]; failed: { message: string }[] }>('/api/opinions/bulk-accept', { ids }),
    {
      invalidate: opinionsKey,
      successMessage: false,
      onSuccess: (result) => {
        setSelected([]);
        if (result.failed.length === 0) void message.success(t('opinions.bulkAccepted', { done: result.done.length }));
        else
          void message.warning(
            t('opinions.bulkPartly', {
              done: result.done.length,
              failed: result.failed.length,
              reasons: [...new Set(result.failed.map((f) => f.message))].join('；'),
            }),
          );
      },
    },
  );

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
    ...(showBody ? [{ kind: 'select' as const, param: 'bodyId', label: t('opinions.body'), options: bodyOptions(bodies.data) }] : []),
  ];

  const exportHref = `/api/opinions/export${queryString(list.filters)}`;

  return (
    <Page title={t('opinions.inboxTitle')} extra={<OpinionsTabs />}>
      <PagedTable<OpinionListItem>
        list={list}
        filters={filters}
        columns={opinionColumns(t, { showBody })}
        toolbar={
          <Flex gap="small" wrap>
            {triage && (
              <Button
                type="primary"
                icon={<CheckOutlined />}
                disabled={selected.length === 0}
                loading={bulkAccept.isPending}
                onClick={() => bulkAccept.mutate(selected)}
              >
                {t('opinions.bulkAccept', { count: selected.length })}
              </Button>
            )}
            <Button icon={<DownloadOutlined />} href={exportHref}>
              {t('opinions.export')}
            </Button>
          </Flex>
        }
        rowSelection={
          triage
            ? {
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys.map(String)),
                preserveSelectedRowKeys: true,
                // No select-all box: the table's hidden measuring row would copy it (axe: aria-hidden-focus).
                columnTitle: <span className="sr-only">{t('opinions.select')}</span>,
                getCheckboxProps: (o) => ({
                  disabled: o.status !== 'submitted',
                  'aria-label': t('opinions.selectRow', { code: o.trackingCode }),
                }),
              }
            : undefined
        }
      />
    </Page>
  );
}
