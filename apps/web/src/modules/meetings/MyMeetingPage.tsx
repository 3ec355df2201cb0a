import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, Descriptions, Input, List, Space, Tag, Typography } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { MyMeeting } from '@renda/shared';
import { DetailLoader } from '../../components/DetailLoader';
import { formatDateTime } from '../../components/format';
import { useAction } from '../../components/mutations';
import { Page } from '../../components/Page';
import { meetingUrls, myMeetingsKey, replyToMeeting, signInByCode, useMyMeeting } from './api';
import { MeetingStateTag } from './labels';
import { ItemResult } from './MeetingDetailPage';
import { tagColour } from '../../components/tagColours';

/** A member's or observer's meeting on the phone: agenda and materials, 出席 / 请假, and the hall's QR sign-in (?signIn=code). */
export function MyMeetingPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  return (
    <DetailLoader query={useMyMeeting(id)} notFoundTitle={t('meetings.detail.notFound')}>
      {(m) => <MyMeetingView meeting={m} />}
    </DetailLoader>
  );
}

function MyMeetingView({ meeting: m }: { meeting: MyMeeting }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const code = params.get('signIn');
  const [reason, setReason] = useState('');
  const [asking, setAsking] = useState(false);
  const reply = useAction((input: { response: 'confirmed' | 'leave'; leaveReason: string | null }) => replyToMeeting(m.id, input), {
    invalidate: myMeetingsKey,
    onSuccess: () => setAsking(false),
  });
  const signIn = useAction((c: string) => signInByCode(m.id, c), {
    invalidate: myMeetingsKey,
    successMessage: t('meetings.my.signedIn'),
    onSuccess: () => setParams({}, { replace: true }),
  });
  // The hall's QR code opens this page with ?signIn=<code>: sign in once, as soon as the page is open.
  const tried = useRef(false);
  useEffect(() => {
    if (code && !tried.current) {
      tried.current = true;
      signIn.mutate(code);
    }
  }, [code, signIn]);
  const you = m.you;
  const canReply = (m.state === 'notified' || m.state === 'in_session') && !you.signedInAt;
  return (
    <Page title={m.title}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Descriptions size="small" column={1} bordered>
          <Descriptions.Item label={t('common.status')}>
            <MeetingStateTag state={m.state} />
          </Descriptions.Item>
          <Descriptions.Item label={t('meetings.fields.dates')}>{m.from === m.to ? m.from : `${m.from} 至 ${m.to}`}</Descriptions.Item>
          <Descriptions.Item label={t('meetings.fields.place')}>{m.place}</Descriptions.Item>
          <Descriptions.Item label={t('meetings.my.you')}>
            <Space wrap>
              <Tag>{t(`meetings.role.${you.role}`)}</Tag>
              {you.signedInAt ? (
                <Tag color={tagColour.success}>{`${t('meetings.my.signedIn')} ${formatDateTime(you.signedInAt)}`}</Tag>
              ) : (
                <Tag>{`${t(`meetings.response.${you.response}`)}${you.leaveReason ? `：${you.leaveReason}` : ''}`}</Tag>
              )}
            </Space>
          </Descriptions.Item>
        </Descriptions>
        {signIn.isPending && <Alert type="info" message={t('meetings.my.signingIn')} />}
        {canReply && (
          <Card size="small">
            <Space wrap>
              <Button type="primary" onClick={() => reply.mutate({ response: 'confirmed', leaveReason: null })} loading={reply.isPending}>
                {t('meetings.my.confirm')}
              </Button>
              <Button onClick={() => setAsking(true)}>{t('meetings.my.leave')}</Button>
            </Space>
            {asking && (
              <Space.Compact style={{ width: '100%', marginTop: 8 }}>
                <Input
                  aria-label={t('meetings.my.leaveReason')}
                  placeholder={t('meetings.my.leaveReason')}
                  value={reason}
                  onChange={(e) => setReason(e.target.value)}
                  maxLength={500}
                />
                <Button type="primary" onClick={() => reply.mutate({ response: 'leave', leaveReason: reason || null })}>
                  {t('meetings.my.leave')}
                </Button>
              </Space.Compact>
            )}
          </Card>
        )}
        <Typography.Title level={5}>{t('meetings.detail.agenda')}</Typography.Title>
        {!m.materialsPublishedAt && <Typography.Text type="secondary">{t('meetings.my.noMaterials')}</Typography.Text>}
        <List
          dataSource={m.agenda}
          renderItem={(i) => (
            <List.Item>
              <Space direction="vertical" size={2} style={{ width: '100%' }}>
                <Typography.Text strong>{`${i.position}. ${i.title}`}</Typography.Text>
                <Typography.Text type="secondary">
                  {i.kindLabel}
                  {i.presenter ? ` · ${i.presenter}` : ''}
                </Typography.Text>
                {i.documents.map((d) => (
                  <a key={d.id} href={meetingUrls.myFile(m.id, i.id, d.id)} target="_blank" rel="noreferrer">
                    {d.fileName}
                  </a>
                ))}
                {i.voteId && i.vote?.state === 'open' && you.role === 'member' && <BallotLink voteId={i.voteId} voted={i.vote.youVoted} />}
                <ItemResult item={i} />
              </Space>
            </List.Item>
          )}
        />
      </Space>
    </Page>
  );
}

/** A member votes on the vote component's phone ballot (the same page as every vote of the platform). */
function BallotLink({ voteId, voted }: { voteId: string; voted: boolean }) {
  const { t } = useTranslation();
  if (voted) return <Tag color={tagColour.success}>{t('meetings.vote.youVoted')}</Tag>;
  return (
    <Link to={`/votes/${voteId}/ballot`}>
      <Button type="primary">{t('meetings.vote.ballot')}</Button>
    </Link>
  );
}
