import { Alert, App, Button, Flex, Form, Input, InputNumber, Table, Tag, Typography } from 'antd';
import { DownloadOutlined, MessageOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { tagColour } from '../../components/tagColours';
import { attendeesInput, type AttendeesInput, type OutboxStatus, type ReportBack, type ReportBackAttendee } from '@renda/shared';
import { clearErrorsOnChange } from '../../components/forms';
import { useAction } from '../../components/mutations';
import { Section } from '../../components/Section';
import { reportBacksKey, reportBackUrls, useAttendees, registerAttendees, resendAttendeeSms } from './api';
import './print.css';

type Values = { names?: string; count?: number | null };
const smsColour: Record<OutboxStatus, string | undefined> = {
  pending: tagColour.processing,
  recorded: undefined,
  sent: tagColour.success,
  failed: tagColour.error,
};

/** "王芳 13711112222" or "王芳，13711112222" or just "王芳": one attendee per line. */
export function parseAttendeeLines(text: string) {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const phone = /[\s,，、]+(1\d{10})$/.exec(line);
      return phone ? { name: line.slice(0, phone.index).trim(), phone: phone[1] } : { name: line };
    });
}

/** Attendee mode: register the people at the event and hand each a one-time rating code (a printed sheet). */
export function AttendeesSection({ reportBack: r, manage }: { reportBack: ReportBack; manage: boolean }) {
  const { t } = useTranslation();
  const attendees = useAttendees(r.id, true);
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const register = useAction((input: AttendeesInput) => registerAttendees(r.id, input), {
    invalidate: reportBacksKey,
    successMessage: false,
    onSuccess: (res) => {
      const sms = res.items.filter((a) => a.sms).length;
      void message.success(
        t('reportbacks.attendees.registered', res) +
          (sms > 0 ? t('reportbacks.attendees.smsQueued', { count: sms }) : '') +
          (res.skipped > 0 ? t('reportbacks.attendees.skipped', res) : ''),
      );
      form.resetFields();
    },
  });
  const resend = useAction((a: ReportBackAttendee) => resendAttendeeSms(r.id, a.id), {
    invalidate: reportBacksKey,
    successMessage: false,
    onSuccess: (a) => void message.success(t('reportbacks.attendees.resent', { name: a.name })),
  });
  const canResend = (a: ReportBackAttendee) => manage && r.state !== 'closed' && a.sms !== null && !a.used;
  // The list is one text box: every problem, wherever in the list, is shown under it.
  const submit = (v: Values) => {
    const parsed = attendeesInput.safeParse({ attendees: parseAttendeeLines(v.names ?? ''), count: v.count ?? 0 });
    if (parsed.success) return register.mutate(parsed.data);
    const issue = parsed.error.issues[0]!;
    const line = typeof issue.path[1] === 'number' ? `${t('reportbacks.attendees.line', { line: issue.path[1] + 1 })}` : '';
    form.setFields([{ name: issue.path[0] === 'count' ? 'count' : 'names', errors: [line + issue.message] }]);
  };
  const columns = [
    { title: '#', key: 'no', render: (_: unknown, __: ReportBackAttendee, i: number) => i + 1 },
    { title: t('reportbacks.attendees.name'), dataIndex: 'name' },
    { title: t('reportbacks.attendees.phone'), dataIndex: 'phone', render: (v: string | null) => v ?? '—' },
    {
      title: t('reportbacks.attendees.code'),
      dataIndex: 'code',
      render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
    },
    {
      title: t('reportbacks.attendees.used'),
      dataIndex: 'used',
      render: (used: boolean) =>
        used ? <Tag color={tagColour.success}>{t('reportbacks.attendees.usedYes')}</Tag> : <Tag>{t('reportbacks.attendees.usedNo')}</Tag>,
    },
    {
      // Whether the code went out by SMS: the message itself (with the code) is shown nowhere.
      title: t('reportbacks.attendees.sms'),
      key: 'sms',
      className: 'no-print',
      render: (_: unknown, a: ReportBackAttendee) => (
        <Flex gap="small" align="center" wrap>
          {a.sms ? (
            <Tag color={smsColour[a.sms.status]}>{t(`outboxStatus.${a.sms.status}`)}</Tag>
          ) : (
            <Typography.Text type="secondary">{t('reportbacks.attendees.noSms')}</Typography.Text>
          )}
          {canResend(a) && (
            <Button
              size="small"
              icon={<MessageOutlined />}
              loading={resend.isPending && resend.variables?.id === a.id}
              onClick={() => resend.mutate(a)}
            >
              {t('reportbacks.attendees.resend')}
              <span className="sr-only">{t('reportbacks.attendees.resendTo', { name: a.name })}</span>
            </Button>
          )}
        </Flex>
      ),
    },
  ];
  return (
    <Section
      title={t('reportbacks.attendees.title')}
      extra={
        <Flex gap="small" wrap className="no-print">
          <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
            {t('reportbacks.attendees.print')}
          </Button>
          <Button icon={<DownloadOutlined />} href={reportBackUrls.attendeesXlsx(r.id)}>
            {t('reportbacks.attendees.excel')}
          </Button>
        </Flex>
      }
    >
      <Typography.Paragraph type="secondary">{t('reportbacks.attendees.hint')}</Typography.Paragraph>
      <Alert type="info" showIcon message={t('reportbacks.attendees.summary', r.attendees)} />
      {manage && r.state !== 'closed' && (
        <Form<Values>
          form={form}
          name="attendees"
          layout="vertical"
          className="no-print"
          style={{ marginTop: 16 }}
          onValuesChange={clearErrorsOnChange(form)}
          onFinish={submit}
        >
          <Form.Item name="names" label={t('reportbacks.attendees.names')} extra={t('reportbacks.attendees.namesHint')}>
            <Input.TextArea rows={4} />
          </Form.Item>
          <Form.Item name="count" label={t('reportbacks.attendees.count')} extra={t('reportbacks.attendees.countHint')}>
            <InputNumber min={0} max={500} precision={0} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={register.isPending}>
            {t('reportbacks.attendees.register')}
          </Button>
        </Form>
      )}
      <Table<ReportBackAttendee>
        rowKey="id"
        size="small"
        style={{ marginTop: 16 }}
        loading={attendees.isFetching}
        dataSource={attendees.data}
        columns={columns}
        pagination={false}
      />
    </Section>
  );
}
