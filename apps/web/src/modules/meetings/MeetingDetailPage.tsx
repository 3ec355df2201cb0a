import { useState } from 'react';
import { Button, Descriptions, Flex, Image, Input, Modal, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { DesktopOutlined, FileWordOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import {
  can,
  chineseNumeral,
  type AgendaItem,
  type AgendaLink,
  type Attendee,
  type AttendanceInput,
  type MeetingDetail,
} from '@renda/shared';
import { useCurrentUser } from '../../app/auth/session';
import { AttachmentsList } from '../../components/AttachmentsList';
import { DetailLoader } from '../../components/DetailLoader';
import { formatDateTime } from '../../components/format';
import { useAction } from '../../components/mutations';
import { Page } from '../../components/Page';
import { Section } from '../../components/Section';
import { actOnMeeting, deleteItem, markAttendance, meetingKey, meetingUrls, publishMaterials, reorderAgenda, useMeeting } from './api';
import { AgendaItemModal } from './AgendaItemModal';
import { InviteModal } from './InviteModal';
import { ConfirmedActions } from '../../components/ConfirmedActions';
import { MeetingStateTag, QuorumTag } from './labels';
import { StartVoteButtons } from './StartVoteButtons';
import { VotePanel } from '../votes/routes';
import { tagColour } from '../../components/tagColours';

export function MeetingDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  return (
    <DetailLoader query={useMeeting(id, true)} notFoundTitle={t('meetings.detail.notFound')}>
      {(m) => <MeetingView meeting={m} />}
    </DetailLoader>
  );
}

/** 议题 result as the vote recorded it, or what is still to come. */
export function ItemResult({ item }: { item: AgendaItem }) {
  const { t } = useTranslation();
  if (!item.toVote) return null;
  if (!item.outcome) return <Tag data-testid="item-result">{item.vote?.stateLabel ?? t('meetings.detail.notVoted')}</Tag>;
  return (
    <Space direction="vertical" size={0} data-testid="item-result">
      <Space size={4}>
        <Tag color={item.outcome === 'passed' ? tagColour.success : tagColour.error}>{t(`meetings.outcome.${item.outcome}`)}</Tag>
        <Tag>{item.vote?.state === 'announced' ? t('meetings.detail.announced') : t('meetings.detail.notAnnounced')}</Tag>
      </Space>
      {item.resultText && <Typography.Text type="secondary">{item.resultText}</Typography.Text>}
    </Space>
  );
}

function MeetingView({ meeting: m }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const manage = can(user.role, 'meetings.manage') && m.state !== 'closed';
  const key = meetingKey(m.id);
  const [adding, setAdding] = useState(false);
  const [inviting, setInviting] = useState(false);
  const [leaveFor, setLeaveFor] = useState<Attendee | null>(null);
  const [reason, setReason] = useState('');
  const publish = useAction(() => publishMaterials(m.id), { invalidate: key });
  const remove = useAction((itemId: string) => deleteItem(m.id, itemId), { invalidate: key });
  const reorder = useAction((ids: string[]) => reorderAgenda(m.id, ids), { invalidate: key });
  const attendance = useAction(({ a, input }: { a: Attendee; input: AttendanceInput }) => markAttendance(m.id, a.id, input), {
    invalidate: key,
    onSuccess: () => setLeaveFor(null),
  });
  const moveUp = (index: number) => {
    const ids = m.agenda.map((i) => i.id);
    [ids[index - 1], ids[index]] = [ids[index]!, ids[index - 1]!];
    reorder.mutate(ids);
  };
  const signInOpen = m.state === 'notified' || m.state === 'in_session';
  // Each vote is run on the vote component's own panel: turnout, paper ballots, 结束投票, 公布结果 (after a recount).
  const voted = m.agenda.filter((i) => i.voteId);

  const agendaColumns: TableColumnsType<AgendaItem> = [
    { title: '#', dataIndex: 'position', width: 48 },
    {
      title: t('meetings.detail.itemTitle'),
      dataIndex: 'title',
      render: (title: string, i) => (
        <Space direction="vertical" size={0}>
          <span>{title}</span>
          <Typography.Text type="secondary">
            {i.kindLabel}
            {i.presenter ? ` · ${i.presenter}` : ''}
            {i.link && (
              <>
                {` · ${t(`meetings.linkedModule.${i.link.module}`)}：`}
                <LinkedRecord link={i.link} />
              </>
            )}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('meetings.detail.result'),
      key: 'result',
      render: (_, i) =>
        i.toVote && !i.voteId && manage && m.state === 'in_session' ? (
          <StartVoteButtons meetingId={m.id} itemId={i.id} />
        ) : (
          <ItemResult item={i} />
        ),
    },
    ...(manage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, i: AgendaItem, index: number) => (
              <Space wrap>
                {index > 0 && (
                  <Button size="small" onClick={() => moveUp(index)}>
                    {t('meetings.detail.moveUp')}
                  </Button>
                )}
                {!i.voteId && (
                  <Button size="small" danger onClick={() => remove.mutate(i.id)}>
                    {t('meetings.detail.remove')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]
      : []),
  ];

  const attendeeColumns: TableColumnsType<Attendee> = [
    { title: t('meetings.attendance.name'), dataIndex: 'name' },
    {
      title: t('meetings.detail.attendeeRole'),
      dataIndex: 'role',
      render: (r: Attendee['role'], a) => `${t(`meetings.role.${r}`)}${a.reporter ? `（${a.reporter}）` : ''}`,
    },
    {
      title: t('meetings.detail.response'),
      key: 'response',
      render: (_, a) => `${t(`meetings.response.${a.response}`)}${a.leaveReason ? `：${a.leaveReason}` : ''}`,
    },
    {
      title: t('meetings.detail.signedIn'),
      key: 'signedIn',
      render: (_, a) =>
        a.leftAt ? (
          <Tag>{t('meetings.detail.left')}</Tag>
        ) : a.signedInAt ? (
          <Tag
            color={tagColour.success}
          >{`${formatDateTime(a.signedInAt)} ${a.signInWay ? t(`meetings.signInWay.${a.signInWay}`) : ''}`}</Tag>
        ) : null,
    },
    ...(manage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, a: Attendee) => (
              <Space wrap>
                {signInOpen && (!a.signedInAt || a.leftAt) && (
                  <Button size="small" onClick={() => attendance.mutate({ a, input: { action: 'signIn', leaveReason: null } })}>
                    {t('meetings.detail.signIn')}
                  </Button>
                )}
                {m.state === 'in_session' && a.signedInAt && !a.leftAt && (
                  <Button size="small" onClick={() => attendance.mutate({ a, input: { action: 'signOut', leaveReason: null } })}>
                    {t('meetings.detail.signOut')}
                  </Button>
                )}
                {signInOpen && !a.signedInAt && a.response !== 'leave' && (
                  <Button size="small" onClick={() => (setReason(''), setLeaveFor(a))}>
                    {t('meetings.detail.leave')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <Page
      title={m.title}
      extra={
        <Flex wrap gap={8}>
          {can(user.role, 'meetings.manage') && (
            <ConfirmedActions
              actions={m.allowedActions}
              label={(a) => t(`meetings.action.${a}`)}
              act={(a) => actOnMeeting(m.id, a)}
              invalidate={key}
            />
          )}
          {manage && (
            <Button onClick={() => publish.mutate(undefined)} loading={publish.isPending}>
              {t('meetings.detail.publish')}
            </Button>
          )}
          <Button icon={<FileWordOutlined />} href={meetingUrls.minutes(m.id)}>
            {t('meetings.detail.minutes')}
          </Button>
          <Link to={`/meetings/${m.id}/screen`}>
            <Button icon={<DesktopOutlined />}>{t('meetings.detail.screen')}</Button>
          </Link>
        </Flex>
      }
    >
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('meetings.fields.kind')}>{m.kindLabel}</Descriptions.Item>
        <Descriptions.Item label={t('common.status')}>
          <MeetingStateTag state={m.state} />
        </Descriptions.Item>
        <Descriptions.Item label={t('meetings.fields.term')}>{`${m.term}第${chineseNumeral(m.number)}次`}</Descriptions.Item>
        <Descriptions.Item label={t('meetings.fields.dates')}>{m.from === m.to ? m.from : `${m.from} 至 ${m.to}`}</Descriptions.Item>
        <Descriptions.Item label={t('meetings.fields.place')}>{m.place}</Descriptions.Item>
        <Descriptions.Item label={t('meetings.fields.body')}>{m.bodyName}</Descriptions.Item>
        <Descriptions.Item label={t('meetings.fields.quorum')} span={2}>
          <Space wrap>
            <QuorumTag quorum={m.quorum} />
            <span data-testid="quorum-text">{m.quorum.text}</span>
          </Space>
        </Descriptions.Item>
      </Descriptions>

      <Section
        title={t('meetings.detail.agenda')}
        extra={
          manage && (
            <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              {t('meetings.detail.addItem')}
            </Button>
          )
        }
      >
        {m.materialsPublishedAt && (
          <Typography.Paragraph type="secondary">
            {t('meetings.detail.published', { at: formatDateTime(m.materialsPublishedAt) })}
          </Typography.Paragraph>
        )}
        <Table<AgendaItem>
          rowKey="id"
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          columns={agendaColumns}
          dataSource={m.agenda}
          expandable={{
            expandedRowRender: (i) => <AttachmentsList ownerEntity="meeting_item" ownerId={i.id} canUpload={manage && !i.voteId} />,
          }}
        />
      </Section>

      {can(user.role, 'votes.read') && voted.map((i) => <VotePanel key={i.voteId} voteId={i.voteId!} />)}

      <Section
        title={`${t('meetings.detail.attendees')}（${m.attendees.length}）`}
        extra={manage && <Button onClick={() => setInviting(true)}>{t('meetings.detail.invite')}</Button>}
      >
        <Table<Attendee>
          rowKey="id"
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          columns={attendeeColumns}
          dataSource={m.attendees}
        />
      </Section>

      {m.signInCode && signInOpen && (
        <Section title={t('meetings.detail.qr')}>
          <Typography.Paragraph type="secondary">{t('meetings.detail.qrHint')}</Typography.Paragraph>
          <Image src={meetingUrls.signInQr(m.id)} width={220} alt={t('meetings.detail.qr')} preview={false} />
        </Section>
      )}

      {adding && <AgendaItemModal meetingId={m.id} onClose={() => setAdding(false)} />}
      {inviting && <InviteModal meetingId={m.id} onClose={() => setInviting(false)} />}
      <Modal
        open={!!leaveFor}
        title={`${t('meetings.detail.leave')}：${leaveFor?.name ?? ''}`}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={attendance.isPending}
        onOk={() => leaveFor && attendance.mutate({ a: leaveFor, input: { action: 'leave', leaveReason: reason || null } })}
        onCancel={() => setLeaveFor(null)}
      >
        <Input.TextArea
          aria-label={t('meetings.detail.leaveReason')}
          placeholder={t('meetings.detail.leaveReason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          maxLength={500}
        />
      </Modal>
    </Page>
  );
}

/** Where the record an agenda item is about lives, for the modules whose records have a page of their own. */
const linkedPages: Partial<Record<AgendaLink['module'], (id: string) => string>> = {
  supervision: (id) => `/supervision/items/${id}`,
  major_matters: (id) => `/meetings/major-matters/${id}`,
};

/** The record an agenda item is about: a link to its page when it has one, else its title. */
function LinkedRecord({ link }: { link: AgendaLink }) {
  const page = linkedPages[link.module];
  return page ? <Link to={page(link.id)}>{link.title}</Link> : <>{link.title}</>;
}
