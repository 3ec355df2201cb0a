import { Button, Flex, Space, Typography, type TableColumnsType } from 'antd';
import { DownloadOutlined, EditOutlined, TeamOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { dutyKind, type DutyRecord } from '@renda/shared';
import { useCurrentUser } from '../../app/auth/session';
import { AttachmentsList } from '../../components/AttachmentsList';
import { Page } from '../../components/Page';
import { PagedTable, usePagedList, type FilterField } from '../../components/PagedTable';
import { dutiesKey, deputyUrls } from './api';
import { DeputiesTabs } from './labels';

/** 履职登记: staff see their bodies' records; a deputy sees the records they took part in. */
export function DutiesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const deputy = user.role === 'deputy';
  const list = usePagedList<DutyRecord>(dutiesKey, '/api/duties');
  const filters: FilterField[] = [
    {
      kind: 'select',
      param: 'kind',
      label: t('deputies.duty.kind'),
      options: dutyKind.options.map((k) => ({ value: k, label: t(`deputies.dutyKind.${k}`) })),
    },
    { kind: 'dateRange', from: 'from', to: 'to', label: t('deputies.duty.occurredOn') },
  ];
  const columns: TableColumnsType<DutyRecord> = [
    { title: t('deputies.duty.occurredOn'), dataIndex: 'occurredOn' },
    { title: t('deputies.duty.kind'), dataIndex: 'kind', render: (k: DutyRecord['kind']) => t(`deputies.dutyKind.${k}`) },
    { title: t('deputies.duty.title'), dataIndex: 'title' },
    { title: t('deputies.duty.place'), dataIndex: 'place', render: (v: string | null) => v ?? '—' },
    {
      title: t('deputies.duty.participants'),
      dataIndex: 'participants',
      render: (ps: DutyRecord['participants']) =>
        ps.length > 5
          ? t('deputies.duty.manyParticipants', {
              names: ps
                .slice(0, 5)
                .map((p) => p.name)
                .join('、'),
              count: ps.length,
            })
          : ps.map((p) => p.name).join('、'),
    },
    { title: t('deputies.duty.votersReceived'), dataIndex: 'votersReceived' },
    { title: t('deputies.duty.source'), dataIndex: 'source', render: (s: DutyRecord['source']) => t(`deputies.dutySource.${s}`) },
    { title: t('deputies.duty.recordedBy'), dataIndex: 'recordedByName', render: (v: string | null) => v ?? '—' },
  ];
  return (
    <Page
      title={t(deputy ? 'deputies.duty.mine' : 'deputies.duty.listTitle')}
      extra={
        <Space wrap>
          <Button type="primary" icon={deputy ? <EditOutlined /> : <TeamOutlined />} onClick={() => navigate('/deputies/duties/new')}>
            {t(deputy ? 'deputies.duty.record' : 'deputies.duty.recordGroup')}
          </Button>
          <Button icon={<DownloadOutlined />} href={deputyUrls.dutiesExport(list.filters)}>
            {t('deputies.list.export')}
          </Button>
        </Space>
      }
    >
      <PagedTable
        list={list}
        filters={filters}
        columns={columns}
        card={{
          title: (r) => r.title,
          state: (r) => t(`deputies.dutyKind.${r.kind}`),
          deadline: (r) => r.occurredOn,
          facts: (r) => [
            [t('deputies.duty.place'), r.place ?? '—'],
            [t('deputies.duty.votersReceived'), r.votersReceived],
          ],
        }}
        toolbar={deputy ? undefined : <DeputiesTabs />}
        expandable={{ expandedRowRender: (record) => <DutyDetails record={record} /> }}
      />
    </Page>
  );
}

/** A record's description and its attachments (photos, minutes); whoever sees the record may add to them. */
function DutyDetails({ record }: { record: DutyRecord }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap="small">
      {record.description && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{record.description}</Typography.Paragraph>}
      <Typography.Text strong>{t('common.attachments.title')}</Typography.Text>
      <AttachmentsList ownerEntity="duty_record" ownerId={record.id} canUpload />
    </Flex>
  );
}
