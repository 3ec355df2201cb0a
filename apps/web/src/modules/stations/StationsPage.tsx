import { useState } from 'react';
import { Button, Space, type TableColumnsType } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { can, stationKind, type Station } from '@renda/shared';
import { useCurrentUser } from '../../app/auth/session';
import { ActiveBadge } from '../../components/ActiveBadge';
import { bodyOptions, useBodies } from '../../components/bodies';
import { Page } from '../../components/Page';
import { PagedTable, usePagedList, type FilterField } from '../../components/PagedTable';
import { thisYear } from '../deputies/api';
import { stationsKey, stationUrls, useFigures, useFiguresByStation } from './api';
import { Figures } from './Figures';
import { StationFormModal } from './StationFormModal';
import { Section } from '../../components/Section';
import { LazyBarChart } from '../../components/LazyBarChart';

/** 家站: every station the user's bodies run, with this year's reception figures. */
export function StationsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const manage = can(user.role, 'stations.manage');
  const list = usePagedList<Station>(stationsKey, '/api/stations');
  const bodies = useBodies();
  const year = thisYear();
  const bodyFilter = list.filters.bodyId ? { bodyId: list.filters.bodyId } : {};
  const figures = useFigures({ ...year, ...bodyFilter });
  const byStation = useFiguresByStation({ ...year, ...bodyFilter });
  const [creating, setCreating] = useState(false);
  const filters: FilterField[] = [
    { kind: 'text', param: 'q', label: t('stations.fields.name') },
    {
      kind: 'select',
      param: 'kind',
      label: t('stations.fields.kind'),
      options: stationKind.options.map((k) => ({ value: k, label: t(`stations.kind.${k}`) })),
    },
    { kind: 'select', param: 'bodyId', label: t('stations.fields.body'), options: bodyOptions(bodies.data), loading: bodies.isFetching },
    {
      kind: 'select',
      param: 'rotaGap',
      label: t('stations.list.rota'),
      options: [{ value: 'thisWeek', label: t('stations.list.rotaGap') }],
    },
  ];
  const columns: TableColumnsType<Station> = [
    { title: t('stations.fields.name'), dataIndex: 'name', render: (name: string, s) => <Link to={`/stations/${s.id}`}>{name}</Link> },
    { title: t('stations.fields.kind'), dataIndex: 'kind', render: (k: Station['kind']) => t(`stations.kind.${k}`) },
    { title: t('stations.fields.body'), dataIndex: 'bodyName' },
    { title: t('stations.fields.address'), dataIndex: 'address', render: (v: string | null) => v ?? '—' },
    { title: t('stations.fields.openingHours'), dataIndex: 'openingHours', render: (v: string | null) => v ?? '—' },
    {
      title: t('stations.fields.contactName'),
      key: 'contact',
      render: (_, s) => (s.contactName ? `${s.contactName} ${s.contactPhone ?? ''}` : '—'),
    },
    { title: t('common.status'), dataIndex: 'active', render: (a: boolean) => <ActiveBadge active={a} /> },
  ];
  return (
    <Page
      title={t('stations.list.title')}
      extra={
        <Space wrap>
          {manage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('stations.list.create')}
            </Button>
          )}
          <Button icon={<DownloadOutlined />} href={stationUrls.export(list.filters)}>
            {t('stations.list.export')}
          </Button>
        </Space>
      }
    >
      <Section title={t('stations.list.figuresTitle', { year: year.from.slice(0, 4) })}>
        <Figures figures={figures.data} />
        {byStation.data && byStation.data.length > 0 && (
          <LazyBarChart
            names={byStation.data.map((s) => s.name)}
            series={[
              { label: t('stations.figures.sessions'), values: byStation.data.map((s) => s.sessions) },
              { label: t('stations.figures.votersReceived'), values: byStation.data.map((s) => s.votersReceived) },
              { label: t('stations.figures.concerns'), values: byStation.data.map((s) => s.concerns) },
            ]}
            description={t('stations.list.chartDescription', {
              year: year.from.slice(0, 4),
              count: byStation.data.length,
              figures: byStation.data
                .map((s) =>
                  t('stations.list.chartItem', { name: s.name, sessions: s.sessions, voters: s.votersReceived, concerns: s.concerns }),
                )
                .join('；'),
            })}
          />
        )}
      </Section>
      <div style={{ marginTop: '1rem' }}>
        <PagedTable list={list} filters={filters} columns={columns} />
      </div>
      {creating && <StationFormModal onClose={() => setCreating(false)} onSaved={(s) => navigate(`/stations/${s.id}`)} />}
    </Page>
  );
}
