import { Alert, Tag, type TableColumnsType } from 'antd';
import { Link, Navigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { MyParticipation } from '@renda/shared';
import { useCurrentUser } from '../../app/auth/session';
import { Page } from '../../components/Page';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { tagColour } from '../../components/tagColours';
import { exportUrls, useMyItems } from './api';
import { ExportButton } from './ExportButton';
import { StageTags } from './StageTags';
import { SupervisionTabs } from './SupervisionTabs';

/** 我参与的监督: the items a deputy takes part in (invited, or recorded in a stage) and the stages they took part in. */
export function MinePage() {
  const user = useCurrentUser();
  if (user.role !== 'deputy') return <Navigate to="/supervision" replace />;
  return <MyItems />;
}

function MyItems() {
  const { t } = useTranslation();
  const query = useMyItems();
  const part = (i: MyParticipation) => (
    <>
      {i.invited && <Tag color={tagColour.processing}>{t('supervision.invited')}</Tag>}
      {i.myParticipations.length > 0 && (
        <Tag color={tagColour.success}>{t('supervision.myParticipationCount', { count: i.myParticipations.length })}</Tag>
      )}
    </>
  );
  const stages = (i: MyParticipation) => i.myParticipations.map((v) => `${v.stageLabel} ${v.visitedOn} ${v.place}`).join('；') || '—';
  const subject = (i: MyParticipation) => <Link to={`/supervision/items/${i.id}`}>{i.subject}</Link>;
  const columns: TableColumnsType<MyParticipation> = [
    { title: t('supervision.year'), dataIndex: 'year' },
    { title: t('supervision.subject'), key: 'subject', render: (_, i) => subject(i) },
    { title: t('supervision.kind'), dataIndex: 'kindLabel' },
    { title: t('supervision.organ'), dataIndex: 'organName' },
    { title: t('supervision.stage'), key: 'stage', render: (_, i) => <StageTags item={i} /> },
    { title: t('supervision.myPart'), key: 'part', render: (_, i) => part(i) },
    { title: t('supervision.myParticipations'), key: 'participations', render: (_, i) => stages(i) },
  ];
  return (
    <Page
      title={t('supervision.mine')}
      extra={
        <>
          <SupervisionTabs />
          {/* The items export in a deputy's scope is exactly this list's items. */}
          <ExportButton href={exportUrls.items()} />
        </>
      }
    >
      {query.error && <Alert type="error" showIcon message={query.error.message} />}
      <ResponsiveTable<MyParticipation>
        rowKey="id"
        loading={query.isLoading}
        dataSource={query.data ?? []}
        columns={columns}
        pagination={false}
        locale={{ emptyText: t('supervision.mineEmpty') }}
        card={{
          title: subject,
          state: (i) => <StageTags item={i} />,
          deadline: (i) => (i.meetingOn ? `${t('supervision.meeting')} ${i.meetingOn}` : null),
          facts: (i) => [
            [t('supervision.kind'), i.kindLabel],
            [t('supervision.organ'), i.organName],
            [t('supervision.myPart'), part(i)],
            [t('supervision.myParticipations'), stages(i)],
          ],
        }}
      />
    </Page>
  );
}
