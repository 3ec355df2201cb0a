import { Button, Popconfirm, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { actionUrl, voteActions, type VoteView } from '@renda/shared';
import { api } from '../../app/api';
import { useAction } from '../../components/mutations';
import { meetingKey, myMeetingsKey } from './api';
import { tagColour } from '../../components/tagColours';

const voteKey = (id: string) => ['votes', id] as const;
const useVote = (id: string) =>
  useQuery({ queryKey: voteKey(id), queryFn: () => api.get<VoteView>(`/api/votes/${id}`), refetchInterval: 3000 });

/** Staff: start the vote on an item (记名 or 无记名); the server refuses below quorum. */
export function StartVoteButtons({ meetingId, itemId }: { meetingId: string; itemId: string }) {
  const { t } = useTranslation();
  const start = useAction((secret: boolean) => api.post(`/api/meetings/${meetingId}/items/${itemId}/vote`, { secret }), {
    invalidate: meetingKey(meetingId),
  });
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

/** Staff: a running vote's turnout, live, and the button that closes it (the result then goes on the item). */
export function RunningVote({ meetingId, voteId }: { meetingId: string; voteId: string }) {
  const { t } = useTranslation();
  const { data: vote } = useVote(voteId);
  const close = useAction(() => api.post(actionUrl(voteActions, voteId, 'close')), { invalidate: meetingKey(meetingId) });
  if (!vote) return null;
  return (
    <Space wrap>
      <Tag color="blue">{`${vote.stateLabel} ${vote.secret ? t('meetings.vote.secret') : t('meetings.vote.open')}`}</Tag>
      <span data-testid="turnout">{t('meetings.vote.turnout', { voted: vote.turnout.voted, size: vote.turnout.electorateSize })}</span>
      {vote.allowedActions.includes('close') && (
        <Popconfirm
          title={t('meetings.vote.confirmClose')}
          okText={t('meetings.vote.close')}
          cancelText={t('common.cancel')}
          onConfirm={() => close.mutate(undefined)}
        >
          <Button size="small" danger loading={close.isPending}>
            {t('meetings.vote.close')}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
}

/** A per-vote key kept for the page's life in this tab, so a retried ballot is stored once. */
function ballotKey(voteId: string) {
  const name = `ballot-key-${voteId}`;
  let key = sessionStorage.getItem(name);
  if (!key) {
    key = crypto.randomUUID();
    sessionStorage.setItem(name, key);
  }
  return key;
}

/** A member's ballot on the phone (赞成 / 反对 / 弃权), cast through the vote component's API. */
export function Ballot({ voteId }: { voteId: string }) {
  const { t } = useTranslation();
  const { data: vote } = useVote(voteId);
  const cast = useAction(
    (choice: 'for' | 'against' | 'abstain') =>
      api.post<{ ballotCode: string }>(
        `/api/votes/${voteId}/ballots`,
        { choices: { motion: choice } },
        { 'Idempotency-Key': ballotKey(voteId) },
      ),
    { invalidate: myMeetingsKey, successMessage: t('meetings.vote.cast') },
  );
  if (!vote || vote.state !== 'open' || !vote.eligible) return null;
  if (vote.youVoted) return <Tag color={tagColour.success}>{t('meetings.vote.youVoted')}</Tag>;
  return (
    <Space direction="vertical">
      <Typography.Text type="secondary">{vote.ruleText}</Typography.Text>
      <Space wrap>
        {(['for', 'against', 'abstain'] as const).map((c) => (
          <Button key={c} type={c === 'for' ? 'primary' : 'default'} onClick={() => cast.mutate(c)} loading={cast.isPending}>
            {t(`meetings.vote.choice.${c}`)}
          </Button>
        ))}
      </Space>
    </Space>
  );
}
