import { useState } from 'react';
import { Button, Card, Flex, List, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { decisionInput, jointMeetingInput, type JointMeeting } from '@renda/shared';
import { useCurrentUser } from '../../app/auth/session';
import { useAction } from '../../components/mutations';
import { Page } from '../../components/Page';
import { addDecision, completeDecision, createMeeting, meetingsKey, useMeetings } from './api';
import { FieldsModal, lines } from './forms';
import { SupervisionTabs } from './SupervisionTabs';
import { tagColour } from '../../components/tagColours';

/** 联席会议 with the “one government, one commission, two courts”: agenda, attendance, decisions tracked to done. */
export function MeetingsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const meetings = useMeetings();
  const [creating, setCreating] = useState(false);
  const [deciding, setDeciding] = useState<JointMeeting | null>(null);
  const done = useAction(
    ({ meetingId, decisionId }: { meetingId: string; decisionId: string }) => completeDecision(meetingId, decisionId),
    {
      invalidate: meetingsKey,
    },
  );
  return (
    <Page
      title={t('supervision.meetings')}
      extra={
        <>
          <SupervisionTabs />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('supervision.createMeeting')}
          </Button>
        </>
      }
    >
      <Flex vertical gap="middle">
        {(meetings.data ?? []).map((m) => (
          <Card
            key={m.id}
            title={`${m.heldOn} ${m.title}`}
            extra={
              <Button size="small" onClick={() => setDeciding(m)}>
                {t('supervision.addDecision')}
              </Button>
            }
          >
            <Typography.Paragraph>{`${t('supervision.agenda').replace(/（.*）/, '')}：${m.agenda.join('；')}`}</Typography.Paragraph>
            {m.attendees.length > 0 && (
              <Typography.Paragraph type="secondary">{m.attendees.map((a) => `${a.name}（${a.unit}）`).join('、')}</Typography.Paragraph>
            )}
            <List
              size="small"
              header={t('supervision.decisions')}
              dataSource={m.decisions}
              locale={{ emptyText: t('supervision.none') }}
              renderItem={(d) => (
                <List.Item
                  actions={[
                    d.done ? (
                      <Tag color={tagColour.success}>{t('supervision.done')}</Tag>
                    ) : (
                      <Button size="small" onClick={() => done.mutate({ meetingId: m.id, decisionId: d.id })}>
                        {t('supervision.markDone')}
                      </Button>
                    ),
                  ]}
                >
                  {`${d.content}（${d.owner}，${d.dueOn}）`}
                  {d.overdue && <Tag color="red">{t('supervision.overdue')}</Tag>}
                </List.Item>
              )}
            />
          </Card>
        ))}
      </Flex>
      <FieldsModal
        name="joint-meeting"
        title={t('supervision.createMeeting')}
        open={creating}
        schema={jointMeetingInput}
        fixed={{ bodyId: user.bodyId }}
        shape={(v) => ({
          ...v,
          agenda: lines(v.agenda),
          attendees: lines(v.attendees).map((l) => {
            const [name = '', ...unit] = l.split(/\s+/);
            return { name, unit: unit.join(' ') || name };
          }),
        })}
        fields={[
          { name: 'title', label: t('supervision.meetingTitle'), kind: 'text', required: true },
          { name: 'heldOn', label: t('supervision.heldOn'), kind: 'date', required: true },
          { name: 'place', label: t('supervision.place'), kind: 'text' },
          { name: 'agenda', label: t('supervision.agenda'), kind: 'textarea', required: true },
          { name: 'attendees', label: t('supervision.attendees'), kind: 'textarea' },
        ]}
        send={createMeeting}
        invalidate={meetingsKey}
        onClose={() => setCreating(false)}
      />
      {deciding && (
        <FieldsModal
          name="decision"
          title={`${t('supervision.addDecision')}：${deciding.title}`}
          open
          schema={decisionInput}
          fields={[
            { name: 'content', label: t('supervision.decision'), kind: 'textarea', required: true },
            { name: 'owner', label: t('supervision.owner'), kind: 'text', required: true },
            { name: 'dueOn', label: t('supervision.dueOn'), kind: 'date', required: true },
          ]}
          send={(input) => addDecision(deciding.id, input)}
          invalidate={meetingsKey}
          onClose={() => setDeciding(null)}
        />
      )}
    </Page>
  );
}
