import { useState } from 'react';
import { Button, Card, Flex, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { jointMeetingInput } from '@renda/shared';
import { useCurrentUser } from '../../app/auth/session';
import { Page } from '../../components/Page';
import { FollowUpTasks } from '../followups/FollowUpTasks';
import { createMeeting, exportUrls, meetingsKey, useMeetings } from './api';
import { ExportButton } from './ExportButton';
import { FieldsModal, lines } from './forms';
import { SupervisionTabs } from './SupervisionTabs';

/** 联席会议 with the “one government, one commission, two courts”: agenda, attendance, decisions tracked to done. */
export function MeetingsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const meetings = useMeetings();
  const [creating, setCreating] = useState(false);
  return (
    <Page
      title={t('supervision.meetings')}
      extra={
        <>
          <SupervisionTabs />
          <ExportButton href={exportUrls.meetings} />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('supervision.createMeeting')}
          </Button>
        </>
      }
    >
      <Flex vertical gap="middle">
        {(meetings.data ?? []).map((m) => (
          <Card key={m.id} title={`${m.heldOn} ${m.title}`}>
            <Typography.Paragraph>{`${t('supervision.agenda').replace(/（.*）/, '')}：${m.agenda.join('；')}`}</Typography.Paragraph>
            {m.attendees.length > 0 && (
              <Typography.Paragraph type="secondary">{m.attendees.map((a) => `${a.name}（${a.unit}）`).join('、')}</Typography.Paragraph>
            )}
            {/* The decisions (议定事项) are follow-up tasks with an owner and a deadline, followed until done. */}
            <FollowUpTasks subjectType="joint_meeting" subjectId={m.id} bodyId={m.bodyId} title={t('supervision.decisions')} />
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
    </Page>
  );
}
