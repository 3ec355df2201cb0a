import { List, Space } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page';
import { useMyMeetings } from './api';
import { MeetingsTabs, MeetingStateTag } from './labels';

/** 我的会议: the meetings a deputy is a member of or invited to, on a phone. */
export function MyMeetingsPage() {
  const { t } = useTranslation();
  const { data, isPending } = useMyMeetings();
  return (
    <Page title={t('meetings.my.title')}>
      <MeetingsTabs />
      <List
        loading={isPending}
        dataSource={data ?? []}
        locale={{ emptyText: t('meetings.my.empty') }}
        renderItem={(m) => (
          <List.Item>
            <List.Item.Meta
              title={<Link to={`/meetings/my/${m.id}`}>{m.title}</Link>}
              description={
                <Space wrap>
                  <MeetingStateTag state={m.state} />
                  <span>{m.from === m.to ? m.from : `${m.from} 至 ${m.to}`}</span>
                  <span>{m.place}</span>
                </Space>
              }
            />
          </List.Item>
        )}
      />
    </Page>
  );
}
