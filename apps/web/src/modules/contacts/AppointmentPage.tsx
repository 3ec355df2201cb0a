import { useState, type ReactNode } from 'react';
import { Button, DatePicker, Descriptions, Form, Input, Popconfirm } from 'antd';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import {
  actionUrl,
  appointmentActionInput,
  appointmentActions,
  voterRating,
  type Appointment,
  type AppointmentAction,
} from '@renda/shared';
import { api } from '../../app/api';
import { formatDateTime } from '../../components/format';
import { FormModal } from '../../components/FormModal';
import { FormSelect } from '../../components/FormSelect';
import { useAction, useFormMutation } from '../../components/mutations';
import { Page } from '../../components/Page';
import { Section } from '../deputies/PerformancePage';
import { Loaded } from './Loaded';
import { appointmentsKey, useAppointment } from './api';
import { AppointmentStateTag } from './AppointmentsPage';

export function AppointmentPage() {
  const { id = '' } = useParams();
  return <Loaded query={useAppointment(id)}>{(l) => <AppointmentDetail appointment={l} />}</Loaded>;
}

function AppointmentDetail({ appointment: a }: { appointment: Appointment }) {
  const { t } = useTranslation();
  const [acting, setActing] = useState<AppointmentAction | null>(null);
  const approve = useAction(() => api.post<Appointment>(actionUrl(appointmentActions, a.id, 'approve'), {}), {
    invalidate: appointmentsKey,
  });
  const dash = (v: ReactNode) => v ?? '—';
  return (
    <Page
      title={t('contacts.appointment.title', { topic: a.topic })}
      extra={a.allowedActions.map((action) =>
        action === 'approve' ? (
          <Popconfirm
            key={action}
            title={t('contacts.action.approve')}
            okText={t('contacts.action.approve')}
            cancelText={t('common.cancel')}
            onConfirm={() => approve.mutate(undefined)}
          >
            <Button type="primary" loading={approve.isPending}>
              {t('contacts.action.approve')}
            </Button>
          </Popconfirm>
        ) : (
          <Button key={action} type={action === 'cancel' || action === 'decline' ? 'default' : 'primary'} onClick={() => setActing(action)}>
            {t(`contacts.action.${action}`)}
          </Button>
        ),
      )}
    >
      <Section title={t('contacts.appointments.title')}>
        <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small">
          <Descriptions.Item label={t('contacts.appointment.state')}>
            <AppointmentStateTag state={a.state} />
          </Descriptions.Item>
          <Descriptions.Item label={t('contacts.appointment.deputy')}>{a.deputyName}</Descriptions.Item>
          <Descriptions.Item label={t('contacts.appointment.unit')}>{a.unitName}</Descriptions.Item>
          <Descriptions.Item label={t('contacts.appointment.official')}>{a.official}</Descriptions.Item>
          <Descriptions.Item label={t('contacts.appointment.requestedAt')}>{formatDateTime(a.createdAt)}</Descriptions.Item>
          {a.groupName && <Descriptions.Item label={t('contacts.appointment.group')}>{a.groupName}</Descriptions.Item>}
          <Descriptions.Item label={t('contacts.appointment.reason')} span="filled">
            {a.reason}
          </Descriptions.Item>
          {a.declineReason && <Descriptions.Item label={t('contacts.appointment.declineReason')}>{a.declineReason}</Descriptions.Item>}
          {a.cancelReason && <Descriptions.Item label={t('contacts.appointment.cancelReason')}>{a.cancelReason}</Descriptions.Item>}
          <Descriptions.Item label={t('contacts.appointment.scheduledAt')}>
            {a.scheduledAt ? formatDateTime(a.scheduledAt) : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('contacts.appointment.place')}>{dash(a.place)}</Descriptions.Item>
          <Descriptions.Item label={t('contacts.appointment.heldOn')}>{dash(a.heldOn)}</Descriptions.Item>
          <Descriptions.Item label={t('contacts.appointment.attendees')}>{dash(a.attendees)}</Descriptions.Item>
          <Descriptions.Item label={t('contacts.appointment.meetingNotes')} span="filled">
            {dash(a.meetingNotes)}
          </Descriptions.Item>
          <Descriptions.Item label={t('contacts.appointment.commitment')} span="filled">
            {dash(a.commitment)}
          </Descriptions.Item>
          <Descriptions.Item label={t('contacts.appointment.followUp')}>{dash(a.followUp)}</Descriptions.Item>
          <Descriptions.Item label={t('contacts.appointment.rating')}>
            {a.rating ? t(`reportbacks.rating.${a.rating}`) : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('contacts.appointment.ratingComment')}>{dash(a.ratingComment)}</Descriptions.Item>
        </Descriptions>
      </Section>
      {acting && <ActionModal appointment={a} action={acting} onClose={() => setActing(null)} />}
    </Page>
  );
}

type Values = {
  reason?: string;
  scheduledAt?: Dayjs;
  place?: string;
  heldOn?: Dayjs;
  attendees?: string;
  meetingNotes?: string;
  commitment?: string;
  followUp?: string;
  rating?: string;
  comment?: string;
};

/** The fields each step asks for (the server says which are required). */
function ActionFields({ action }: { action: AppointmentAction }) {
  const { t } = useTranslation();
  const area = (name: keyof Values, label: string, required = true) => (
    <Form.Item name={name} label={label} required={required}>
      <Input.TextArea rows={3} maxLength={4000} />
    </Form.Item>
  );
  switch (action) {
    case 'decline':
      return area('reason', t('contacts.appointment.declineReason'));
    case 'cancel':
      return area('reason', t('contacts.appointment.cancelReason'));
    case 'schedule':
      return (
        <>
          <Form.Item name="scheduledAt" label={t('contacts.appointment.scheduledAt')} required>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="place" label={t('contacts.appointment.place')} required>
            <Input maxLength={200} />
          </Form.Item>
        </>
      );
    case 'recordMeeting':
      return (
        <>
          <Form.Item name="heldOn" label={t('contacts.appointment.heldOn')} required>
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
          {area('attendees', t('contacts.appointment.attendees'))}
          {area('meetingNotes', t('contacts.appointment.meetingNotes'))}
        </>
      );
    case 'recordOutcome':
      return (
        <>
          {area('commitment', t('contacts.appointment.commitment'))}
          {area('followUp', t('contacts.appointment.followUp'), false)}
        </>
      );
    case 'rate':
      return (
        <>
          <Form.Item name="rating" label={t('contacts.appointment.rating')} required>
            <FormSelect options={voterRating.options.map((r) => ({ value: r, label: t(`reportbacks.rating.${r}`) }))} />
          </Form.Item>
          {area('comment', t('contacts.appointment.ratingComment'), false)}
        </>
      );
    case 'approve':
      return null;
  }
}

function ActionModal({ appointment, action, onClose }: { appointment: Appointment; action: AppointmentAction; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { submit, pending } = useFormMutation({
    form,
    schema: appointmentActionInput,
    mutationFn: (input) => api.post<Appointment>(actionUrl(appointmentActions, appointment.id, action), input),
    invalidate: appointmentsKey,
    successMessage: t('contacts.appointment.done'),
    onSuccess: onClose,
  });
  const onFinish = (v: Values) => {
    const { scheduledAt, heldOn, ...rest } = v;
    const filled = Object.fromEntries(Object.entries(rest).filter(([, value]) => typeof value === 'string' && value.trim() !== ''));
    submit({
      ...filled,
      ...(scheduledAt ? { scheduledAt: scheduledAt.second(0).millisecond(0).toISOString() } : {}),
      ...(heldOn ? { heldOn: heldOn.format('YYYY-MM-DD') } : {}),
    });
  };
  return (
    <FormModal<Values>
      name={`appointment-${action}`}
      title={t(`contacts.action.${action}`)}
      open
      form={form}
      initialValues={action === 'recordMeeting' ? { heldOn: dayjs() } : {}}
      pending={pending}
      okText={t(`contacts.action.${action}`)}
      onFinish={onFinish}
      onClose={onClose}
    >
      <ActionFields action={action} />
    </FormModal>
  );
}
