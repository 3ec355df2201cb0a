import { useState } from 'react';
import { Button, type TableColumnsType } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { can, reportBackState, type ReportBack } from '@renda/shared';
import { useCurrentUser } from '../../app/auth/session';
import { bodyOptions, useBodies } from '../../components/bodies';
import { Page } from '../../components/Page';
import { PagedTable, usePagedList, type FilterField } from '../../components/PagedTable';
import { DeputiesTabs } from '../deputies/labels';
import { reportBacksKey, reportBackUrls } from './api';
import { percent, ReportBackStateTag } from './labels';
import { ReportBackFormModal } from './ReportBackFormModal';

/** 回选区述职: every event in scope with its state and the voters' verdict. */
export function ReportBacksPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const manage = can(user.role, 'reportbacks.manage');
  const list = usePagedList<ReportBack>(reportBacksKey, '/api/reportbacks');
  const bodies = useBodies();
  const [creating, setCreating] = useState(false);

  const filters: FilterField[] = [
    { kind: 'select', param: 'bodyId', label: t('reportbacks.fields.body'), options: bodyOptions(bodies.data), loading: bodies.isFetching },
    {
      kind: 'select',
      param: 'state',
      label: t('common.status'),
      options: reportBackState.options.map((s) => ({ value: s, label: t(`reportbacks.state.${s}`) })),
    },
    { kind: 'dateRange', from: 'from', to: 'to', label: t('reportbacks.list.heldOn') },
  ];
  const columns: TableColumnsType<ReportBack> = [
    { title: t('reportbacks.fields.heldOn'), dataIndex: 'heldOn' },
    { title: t('reportbacks.fields.deputy'), dataIndex: 'deputyName' },
    {
      title: t('reportbacks.fields.title'),
      dataIndex: 'title',
      render: (title: string, r) => <Link to={`/deputies/reportbacks/${r.id}`}>{title}</Link>,
    },
    { title: t('reportbacks.fields.place'), dataIndex: 'place' },
    { title: t('reportbacks.fields.body'), dataIndex: 'bodyName' },
    { title: t('common.status'), dataIndex: 'state', render: (s: ReportBack['state']) => <ReportBackStateTag state={s} /> },
    {
      title: t('reportbacks.fields.results'),
      key: 'results',
      render: (_, r) => `${r.results.counts.satisfied} / ${r.results.counts.basically_satisfied} / ${r.results.counts.dissatisfied}`,
    },
    { title: t('reportbacks.fields.satisfaction'), key: 'rate', render: (_, r) => percent(r.results.satisfactionRate) },
  ];
  return (
    <Page
      title={t('reportbacks.list.title')}
      extra={
        <>
          {manage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('reportbacks.list.create')}
            </Button>
          )}
          <Button icon={<DownloadOutlined />} href={reportBackUrls.export(list.filters)}>
            {t('reportbacks.list.export')}
          </Button>
        </>
      }
    >
      <PagedTable<ReportBack> list={list} filters={filters} columns={columns} toolbar={<DeputiesTabs />} />
      {creating && <ReportBackFormModal onClose={() => setCreating(false)} onSaved={(r) => navigate(`/deputies/reportbacks/${r.id}`)} />}
    </Page>
  );
}
