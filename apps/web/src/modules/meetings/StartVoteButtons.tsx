import { Button, Popconfirm, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAction } from '../../components/mutations';
import { meetingKey, startItemVote } from './api';

/**
 * Staff put an agenda item to the vote (记名 or 无记名). The meeting creates and opens the vote on the
 * vote component in one step and refuses below quorum; from then on the vote's own panel runs it.
 */
export function StartVoteButtons({ meetingId, itemId }: { meetingId: string; itemId: string }) {
  const { t } = useTranslation();
  const start = useAction((secret: boolean) => startItemVote(meetingId, itemId, secret), { invalidate: meetingKey(meetingId) });
  return (
    <Space wrap>
      {[false, true].map((secret) => (
        <Popconfirm
          key={String(secret)}
          title={t('meetings.vote.confirmStart')}
          okText={t('meetings.vote.start')}
          cancelText={t('common.cancel')}
          onConfirm={() => start.mutate(secret)}
        >
          <Button size="small" loading={start.isPending}>
            {t(secret ? 'meetings.vote.secret' : 'meetings.vote.open')}
          </Button>
        </Popconfirm>
      ))}
    </Space>
  );
}
