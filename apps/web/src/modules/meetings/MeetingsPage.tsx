import { useState } from 'react';
import { Button, type TableColumnsType } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, Navigate, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { can, meetingKind, meetingState, type Meeting } from '@renda/shared';
import { useCurrentUser } from '../../app/auth/session';
import { Page } from '../../components/Page';
import { PagedTable, usePagedList, type FilterField } from '../../components/PagedTable';
import { meetingsKey, meetingUrls } from './api';
import { MeetingsTabs, MeetingStateTag, QuorumTag } from './labels';
import { MeetingFormModal } from './MeetingFormModal';

/** 会议与表决: the body's meetings; a deputy lands on their own meetings instead. */
export function MeetingsPage() {
  const user = useCurrentUser();
  if (!can(user.role, 'meetings.read') && can(user.role, 'meetings.attend')) return <Navigate to="/meetings/my" replace />;
  return <MeetingsList />;
}

function MeetingsList() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const list = usePagedList<Meeting>(meetingsKey, '/api/meetings');
  const [creating, setCreating] = useState(false);
  const filters: FilterField[] = [
    {
      kind: 'select',
      param: 'kind',
      label: t('meetings.fields.kind'),
      options: meetingKind.options.map((k) => ({ value: k, label: t(`meetings.kind.${k}`) })),
    },
    {
      kind: 'select',
      param: 'state',
      label: t('common.status'),
      options: meetingState.options.map((s) => ({ value: s, label: t(`meetings.state.${s}`) })),
    },
    { kind: 'dateRange', from: 'from', to: 'to', label: t('meetings.fields.dates') },
  ];
  const columns: TableColumnsType<Meeting> = [
    { title: t('meetings.fields.from'), dataIndex: 'from' },
    { title: t('meetings.fields.title'), dataIndex: 'title', render: (title: string, m) => <Link to={`/meetings/${m.id}`}>{title}</Link> },
    { title: t('meetings.fields.kind'), dataIndex: 'kindLabel' },
    { title: t('meetings.fields.place'), dataIndex: 'place' },
    { title: t('meetings.fields.body'), dataIndex: 'bodyName' },
    { title: t('meetings.fields.quorum'), key: 'quorum', render: (_, m) => <QuorumTag quorum={m.quorum} /> },
    { title: t('common.status'), dataIndex: 'state', render: (s: Meeting['state']) => <MeetingStateTag state={s} /> },
  ];
  return (
    <Page
      title={t('meetings.list.title')}
      extra={
        <>
          {can(user.role, 'meetings.manage') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('meetings.list.create')}
            </Button>
          )}
          <Button icon={<DownloadOutlined />} href={meetingUrls.export(list.filters)}>
            {t('meetings.list.export')}
          </Button>
        </>
      }
    >
      <PagedTable<Meeting> list={list} filters={filters} columns={columns} toolbar={<MeetingsTabs />} />
      {creating && <MeetingFormModal onClose={() => setCreating(false)} onSaved={(m) => navigate(`/meetings/${m.id}`)} />}
    </Page>
  );
}
