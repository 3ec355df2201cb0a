import { Segmented } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { myMeetingsShow, type Meeting, type MyMeetingsShow } from '@renda/shared';
import { Page } from '../../components/Page';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { useMyMeetings } from './api';
import { MeetingsTabs, MeetingStateTag } from './labels';

const datesOf = (m: Meeting) => (m.from === m.to ? m.from : `${m.from} 至 ${m.to}`);

/**
 * 我的会议: the meetings a deputy is a member of or invited to, as cards on a phone. `?show=awaiting` or
 * `?show=coming` (the to-do list's links) keeps only the meetings waiting for their answer, or those coming up.
 */
export function MyMeetingsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const show = myMeetingsShow.catch('all').parse(params.get('show') ?? undefined);
  const { data, isPending } = useMyMeetings(show);
  const title = (m: Meeting) => <Link to={`/meetings/my/${m.id}`}>{m.title}</Link>;
  return (
    <Page title={t('meetings.my.title')}>
      <MeetingsTabs />
      <Segmented<MyMeetingsShow>
        aria-label={t('meetings.my.showLabel')}
        value={show}
        onChange={(value) => setParams(value === 'all' ? {} : { show: value })}
        options={myMeetingsShow.options.map((value) => ({ value, label: t(`meetings.my.show.${value}`) }))}
      />
      <ResponsiveTable<Meeting>
        rowKey="id"
        size="small"
        loading={isPending}
        dataSource={data ?? []}
        locale={{ emptyText: t('meetings.my.empty') }}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20, total: data?.length ?? 0, showTotal: (total) => t('common.total', { total }) }}
        columns={[
          { title: t('meetings.fields.title'), key: 'title', render: (_, m) => title(m) },
          { title: t('common.status'), dataIndex: 'state', render: (s: Meeting['state']) => <MeetingStateTag state={s} /> },
          { title: t('meetings.fields.dates'), key: 'dates', render: (_, m) => datesOf(m) },
          { title: t('meetings.fields.place'), dataIndex: 'place' },
        ]}
        card={{
          title,
          state: (m) => <MeetingStateTag state={m.state} />,
          deadline: (m) => `${t('meetings.fields.dates')} ${datesOf(m)}`,
          facts: (m) => [[t('meetings.fields.place'), m.place]],
        }}
      />
    </Page>
  );
}
