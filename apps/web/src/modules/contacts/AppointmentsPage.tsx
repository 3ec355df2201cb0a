import { useState } from 'react';
import { Button, Form, Input, Space, Tag, type TableColumnsType } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { tagColour, type TagTone } from '../../components/tagColours';
import { appointmentInput, appointmentState, can, type Appointment, type AppointmentState } from '@renda/shared';
import { useCurrentUser } from '../../app/auth/session';
import { formatDateTime } from '../../components/format';
import { FormModal } from '../../components/FormModal';
import { FormSelect } from '../../components/FormSelect';
import { useFormMutation } from '../../components/mutations';
import { Page } from '../../components/Page';
import { PagedTable, usePagedList, type FilterField } from '../../components/PagedTable';
import { DeputiesTabs } from '../deputies/labels';
import { appointmentsKey, contactUrls, useOwnGroupOptions, useUnitOptions, requestAppointment } from './api';

/** Status colours only (processing, success, default): their text keeps a readable contrast. */
const stateColour: Record<AppointmentState, TagTone> = {
  requested: 'processing',
  approved: 'processing',
  declined: 'default',
  scheduled: 'processing',
  held: 'processing',
  answered: 'processing',
  closed: 'success',
  cancelled: 'default',
};

export function AppointmentStateTag({ state }: { state: AppointmentState }) {
  const { t } = useTranslation();
  return <Tag color={tagColour[stateColour[state]]}>{t(`contacts.state.${state}`)}</Tag>;
}

/** 代表约见: staff see their bodies' appointments, a deputy their own, an agency those with it. */
export function AppointmentsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const staffView = can(user.role, 'deputies.read');
  const [requesting, setRequesting] = useState(false);
  const list = usePagedList<Appointment>(appointmentsKey, '/api/appointments');
  const filters: FilterField[] = [
    {
      kind: 'select',
      param: 'state',
      label: t('contacts.appointment.state'),
      options: appointmentState.options.map((s) => ({ value: s, label: t(`contacts.state.${s}`) })),
    },
    { kind: 'text', param: 'q', label: t('contacts.appointments.search') },
  ];
  const columns: TableColumnsType<Appointment> = [
    { title: t('contacts.appointment.topic'), dataIndex: 'topic' },
    { title: t('contacts.appointment.deputy'), dataIndex: 'deputyName' },
    { title: t('contacts.appointment.unit'), dataIndex: 'unitName' },
    { title: t('contacts.appointment.official'), dataIndex: 'official' },
    { title: t('contacts.appointment.state'), dataIndex: 'state', render: (s: AppointmentState) => <AppointmentStateTag state={s} /> },
    {
      title: t('contacts.appointment.scheduledAt'),
      dataIndex: 'scheduledAt',
      render: (v: string | null) => (v ? formatDateTime(v) : '—'),
    },
    { title: t('contacts.appointment.requestedAt'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
    {
      title: t('common.actions'),
      key: 'view',
      render: (_: unknown, a: Appointment) => (
        <Link to={`/deputies/appointments/${a.id}`} aria-label={`${t('contacts.appointments.view')} ${a.topic}`}>
          {t('contacts.appointments.view')}
        </Link>
      ),
    },
  ];
  return (
    <Page
      title={t(user.role === 'deputy' ? 'contacts.appointments.mine' : 'contacts.appointments.title')}
      extra={
        <Space wrap>
          {can(user.role, 'appointments.request') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setRequesting(true)}>
              {t('contacts.appointments.request')}
            </Button>
          )}
          <Button icon={<DownloadOutlined />} href={contactUrls.appointmentsExport(list.filters)}>
            {t('contacts.links.export')}
          </Button>
        </Space>
      }
    >
      <PagedTable list={list} filters={filters} columns={columns} toolbar={staffView ? <DeputiesTabs /> : undefined} />
      {requesting && <RequestModal onClose={() => setRequesting(false)} />}
    </Page>
  );
}

type Values = { unitId?: string; groupId?: string; official?: string; topic?: string; reason?: string };

function RequestModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const units = useUnitOptions();
  const groups = useOwnGroupOptions();
  const { submit, pending } = useFormMutation({
    form,
    schema: appointmentInput,
    mutationFn: requestAppointment,
    invalidate: appointmentsKey,
    successMessage: t('contacts.appointments.requested'),
    onSuccess: (a) => navigate(`/deputies/appointments/${a.id}`),
  });
  return (
    <FormModal<Values>
      name="appointment"
      title={t('contacts.appointments.request')}
      open
      form={form}
      pending={pending}
      okText={t('contacts.appointments.request')}
      onFinish={(v) => submit({ ...v, groupId: v.groupId ?? null })}
      onClose={onClose}
    >
      <Form.Item name="unitId" label={t('contacts.appointment.unit')} required>
        <FormSelect showSearch optionFilterProp="label" options={units.options} loading={units.loading} />
      </Form.Item>
      <Form.Item name="groupId" label={t('contacts.appointment.group')} extra={t('contacts.appointment.groupHint')}>
        <FormSelect allowClear options={groups.options} loading={groups.loading} />
      </Form.Item>
      <Form.Item name="official" label={t('contacts.appointment.official')} required>
        <Input maxLength={60} placeholder="局长" />
      </Form.Item>
      <Form.Item name="topic" label={t('contacts.appointment.topic')} required>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="reason" label={t('contacts.appointment.reason')} required>
        <Input.TextArea rows={4} maxLength={4000} />
      </Form.Item>
    </FormModal>
  );
}
