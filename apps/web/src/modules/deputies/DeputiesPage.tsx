import { useState } from 'react';
import { Button, Result, Space, type TableColumnsType, type TableProps } from 'antd';
import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Link, Navigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { can, deputyStatus, type DeputyListItem, type DeputyLoginsResult } from '@renda/shared';
import { useCurrentUser } from '../../app/auth/session';
import { bodyOptions, useBodies } from '../../components/bodies';
import { Page } from '../../components/Page';
import { PagedTable, usePagedList, type FilterField } from '../../components/PagedTable';
import { CreatedLoginsModal } from '../../components/CreatedLogins';
import { useAction } from '../../components/mutations';
import { createDeputyLogins, deputiesKey, deputyUrls, useGroupOptions } from './api';
import { DeputyFormModal } from './DeputyFormModal';
import { ImportModal } from './ImportModal';
import { DeputiesTabs, DeputyStatusBadge } from './labels';
import { MyPerformancePage } from './PerformancePage';
import { StatusModal } from './StatusModal';

/** 代表履职: staff see the registry; a deputy sees their own performance file. */
export function DeputiesPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  if (can(user.role, 'deputies.self')) return <MyPerformancePage />;
  if (can(user.role, 'deputies.read')) return <DeputyRegistry />;
  // An agency takes part in 代表履职 through the deputies' appointments with its head (约见).
  if (can(user.role, 'appointments.read')) return <Navigate to="/deputies/appointments" replace />;
  return (
    <Page title={t('error.forbiddenTitle')}>
      <Result status="403" subTitle={t('error.forbidden')} />
    </Page>
  );
}

const sortable = ['name', 'birthDate', 'createdAt'] as const;

function DeputyRegistry() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const manage = can(user.role, 'deputies.manage');
  const list = usePagedList<DeputyListItem>(deputiesKey, '/api/deputies');
  const bodies = useBodies();
  const groups = useGroupOptions();
  const [editing, setEditing] = useState<DeputyListItem | 'new' | null>(null);
  const [statusOf, setStatusOf] = useState<DeputyListItem | null>(null);
  const [importing, setImporting] = useState(false);
  // 开通登录账号: deputies in office without a login, chosen on the list (kept across pages).
  const [selected, setSelected] = useState<string[]>([]);
  const [logins, setLogins] = useState<DeputyLoginsResult | null>(null);
  const openLogins = useAction(createDeputyLogins, {
    invalidate: deputiesKey,
    successMessage: false,
    onSuccess: (result) => {
      setSelected([]);
      setLogins(result);
    },
  });

  const filters: FilterField[] = [
    { kind: 'text', param: 'q', label: t('deputies.fields.name') },
    { kind: 'select', param: 'bodyId', label: t('deputies.fields.body'), options: bodyOptions(bodies.data), loading: bodies.isFetching },
    { kind: 'text', param: 'term', label: t('deputies.fields.term'), placeholder: t('deputies.list.termPlaceholder') },
    {
      kind: 'select',
      param: 'status',
      label: t('deputies.fields.status'),
      options: deputyStatus.options.map((s) => ({ value: s, label: t(`deputies.status.${s}`) })),
    },
    { kind: 'select', param: 'groupId', label: t('deputies.list.group'), options: groups.options, loading: groups.loading },
  ];
  const sortOrder = (key: string) =>
    (list.filters.sort ?? 'name') === key ? (list.filters.order === 'desc' ? ('descend' as const) : ('ascend' as const)) : null;

  const columns: TableColumnsType<DeputyListItem> = [
    {
      title: t('deputies.fields.name'),
      dataIndex: 'name',
      key: 'name',
      sorter: true,
      sortOrder: sortOrder('name'),
      render: (name: string, d) => <Link to={`/deputies/${d.id}`}>{name}</Link>,
    },
    {
      title: t('deputies.fields.gender'),
      dataIndex: 'gender',
      render: (g: DeputyListItem['gender']) => (g ? t(`deputies.gender.${g}`) : '—'),
    },
    {
      title: t('deputies.fields.birthDate'),
      dataIndex: 'birthDate',
      key: 'birthDate',
      sorter: true,
      sortOrder: sortOrder('birthDate'),
      render: (v: string | null) => v ?? '—',
    },
    { title: t('deputies.fields.body'), dataIndex: 'bodyName' },
    { title: t('deputies.fields.term'), dataIndex: 'term' },
    { title: t('deputies.fields.employer'), dataIndex: 'employer', render: (v: string | null) => v ?? '—' },
    { title: t('deputies.fields.constituency'), dataIndex: 'constituency', render: (v: string | null) => v ?? '—' },
    { title: t('deputies.list.group'), dataIndex: 'regionGroupName', render: (v: string | null) => v ?? '—' },
    {
      title: t('deputies.fields.status'),
      key: 'status',
      render: (_, d) => (
        <Space size={4} direction="vertical">
          <DeputyStatusBadge status={d.status} />
          {d.statusDate && d.status !== 'in_office' && <span>{d.statusDate}</span>}
        </Space>
      ),
    },
    {
      title: t('common.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      sorter: true,
      sortOrder: sortOrder('createdAt'),
      render: (v: string) => v.slice(0, 10),
    },
    ...(manage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, d: DeputyListItem) => (
              <Space size={0}>
                <Button type="link" onClick={() => setEditing(d)} aria-label={t('deputies.list.editOf', { name: d.name })}>
                  {t('common.edit')}
                </Button>
                <Button type="link" onClick={() => setStatusOf(d)} aria-label={t('deputies.list.statusOf', { name: d.name })}>
                  {t('deputies.list.changeStatus')}
                </Button>
              </Space>
            ),
          },
        ]
      : []),
  ];

  const onChange: TableProps<DeputyListItem>['onChange'] = (_pagination, _filters, sorter, extra) => {
    if (extra.action !== 'sort' || Array.isArray(sorter)) return;
    const key = sortable.find((k) => k === sorter.columnKey);
    list.setFilters({ sort: sorter.order && key ? key : undefined, order: sorter.order === 'descend' ? 'desc' : undefined });
  };

  return (
    <Page
      title={t('deputies.list.title')}
      extra={
        <>
          {manage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {t('deputies.list.create')}
            </Button>
          )}
          {manage && (
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
              {t('deputies.list.import')}
            </Button>
          )}
          <Button icon={<DownloadOutlined />} href={deputyUrls.export(list.filters)}>
            {t('deputies.list.export')}
          </Button>
          {manage && (
            <Button icon={<DownloadOutlined />} href={deputyUrls.template}>
              {t('deputies.import.template')}
            </Button>
          )}
        </>
      }
    >
      <PagedTable
        list={list}
        filters={filters}
        columns={columns}
        onChange={onChange}
        toolbar={
          <Space wrap>
            <DeputiesTabs />
            {manage && (
              <Button disabled={selected.length === 0} loading={openLogins.isPending} onClick={() => openLogins.mutate(selected)}>
                {t('deputies.list.createLogins', { count: selected.length })}
              </Button>
            )}
          </Space>
        }
        rowSelection={
          manage
            ? {
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys.map(String)),
                preserveSelectedRowKeys: true,
                // No select-all box: the table's hidden measuring row would copy it (axe: aria-hidden-focus).
                columnTitle: <span className="sr-only">{t('common.select')}</span>,
                getCheckboxProps: (d) => ({
                  disabled: !!d.userId || d.status !== 'in_office',
                  'aria-label': d.userId ? `${d.name} ${t('deputies.list.hasLogin')}` : t('deputies.list.selectRow', { name: d.name }),
                }),
              }
            : undefined
        }
      />
      {logins && <CreatedLoginsModal logins={logins.created} skipped={logins.skipped} onClose={() => setLogins(null)} />}
      {editing && <DeputyFormModal deputy={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
      {statusOf && <StatusModal deputy={statusOf} onClose={() => setStatusOf(null)} />}
      {importing && <ImportModal onClose={() => setImporting(false)} onLogins={setLogins} />}
    </Page>
  );
}
