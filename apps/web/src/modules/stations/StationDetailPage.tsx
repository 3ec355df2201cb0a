import { useState } from 'react';
import {
  Alert,
  Button,
  DatePicker,
  Descriptions,
  Flex,
  Form,
  Input,
  Popconfirm,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { CalendarOutlined, DownloadOutlined, EditOutlined, PlayCircleOutlined, PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { can, rotaInput, sessionInput, type ReceptionSession, type RotaEntry, type Station } from '@renda/shared';
import { useCurrentUser } from '../../app/auth/session';
import { ActiveBadge } from '../../components/ActiveBadge';
import { FormModal } from '../../components/FormModal';
import { blankToNull } from '../../components/forms';
import { useAction, useFormMutation } from '../../components/mutations';
import { Page } from '../../components/Page';
import { thisYear } from '../deputies/api';
import { Section } from '../../components/Section';
import { tagColour } from '../../components/tagColours';
import {
  stationKey,
  stationUrls,
  useFigures,
  useRota,
  useSessions,
  useStation,
  addRotaEntry,
  deleteRotaEntry,
  openReceptionSession,
} from './api';
import { Figures } from './Figures';
import { SessionStateBadge } from './SessionPage';
import { StationFormModal } from './StationFormModal';
import { rotaDefaults, RotaRepeatModal } from './RotaRepeatModal';
import { RotaFields, rotaFieldsInput, TopicFields, type RotaFieldValues } from './RotaFields';
import { DetailLoader } from '../../components/DetailLoader';

export function StationDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  return (
    <DetailLoader query={useStation(id)} notFoundTitle={t('stations.detail.notFound')}>
      {(station) => <StationDetail station={station} />}
    </DetailLoader>
  );
}

function StationDetail({ station }: { station: Station }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const manage = can(user.role, 'stations.manage');
  const figures = useFigures({ ...thisYear(), stationId: station.id });
  const [editing, setEditing] = useState(false);
  const dash = (v: string | number | null) => v ?? '—';
  return (
    <Page
      title={station.name}
      extra={
        manage && (
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
            {t('common.edit')}
          </Button>
        )
      }
    >
      <Flex vertical gap="middle">
        <Section title={t('stations.detail.info')}>
          <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small">
            <Descriptions.Item label={t('stations.fields.kind')}>{t(`stations.kind.${station.kind}`)}</Descriptions.Item>
            <Descriptions.Item label={t('stations.fields.body')}>{station.bodyName}</Descriptions.Item>
            <Descriptions.Item label={t('common.status')}>
              <ActiveBadge active={station.active} />
            </Descriptions.Item>
            <Descriptions.Item label={t('stations.fields.placeKind')}>
              {station.placeKind ? t(`stations.placeKind.${station.placeKind}`) : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('stations.fields.region')}>{dash(station.regionName)}</Descriptions.Item>
            <Descriptions.Item label={t('stations.fields.address')}>{dash(station.address)}</Descriptions.Item>
            <Descriptions.Item label={t('stations.fields.coordinates')}>
              {station.latitude !== null && station.longitude !== null ? `${station.latitude}, ${station.longitude}` : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('stations.fields.openingHours')}>{dash(station.openingHours)}</Descriptions.Item>
            <Descriptions.Item label={t('stations.fields.contactName')}>
              {station.contactName ? `${station.contactName} ${station.contactPhone ?? ''}` : '—'}
            </Descriptions.Item>
          </Descriptions>
          {station.rules && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{station.rules}</Typography.Paragraph>}
        </Section>
        <Section title={t('stations.detail.figures', { year: thisYear().from.slice(0, 4) })}>
          <Figures figures={figures.data} />
        </Section>
        <RotaSection station={station} manage={manage} />
        <SessionsSection station={station} manage={manage} />
        <Section title={t('stations.detail.qr')}>
          <Flex gap="large" align="center" wrap>
            <img src={stationUrls.qr(station.id)} alt={t('stations.detail.qrAlt', { name: station.name })} width={160} height={160} />
            <Flex vertical gap="small">
              <Typography.Text>{t('stations.detail.qrHint')}</Typography.Text>
              <a href={stationUrls.qr(station.id)} download>
                {t('stations.detail.qrPng')}
              </a>
              <a href={stationUrls.poster(station.id)} target="_blank" rel="noreferrer">
                <PrinterOutlined aria-hidden /> {t('stations.detail.poster')}
              </a>
            </Flex>
          </Flex>
        </Section>
      </Flex>
      {editing && <StationFormModal station={station} onClose={() => setEditing(false)} />}
    </Page>
  );
}

/** 四定: who is on duty which day, on what topic, and who answers for the follow-up. */
function RotaSection({ station, manage }: { station: Station; manage: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [range] = useState(() => ({
    from: dayjs().subtract(30, 'day').format('YYYY-MM-DD'),
    to: dayjs().add(60, 'day').format('YYYY-MM-DD'),
  }));
  const rota = useRota(station.id, range.from, range.to);
  const [adding, setAdding] = useState(false);
  const [repeating, setRepeating] = useState(false);
  const [opening, setOpening] = useState<RotaEntry | 'free' | null>(null);
  const removeRota = useAction((rotaId: string) => deleteRotaEntry(station.id, rotaId), {
    invalidate: stationKey(station.id),
  });
  const today = dayjs().format('YYYY-MM-DD');
  const onHolidays = (rota.data ?? []).filter((r) => r.holiday && r.day >= today && !r.sessionId).map((r) => `${r.day}（${r.holiday}）`);
  const columns: TableColumnsType<RotaEntry> = [
    {
      title: t('stations.rota.day'),
      dataIndex: 'day',
      // A day saved before its year's holidays were entered may now be a day off: staff move or cancel it.
      render: (day: string, r) =>
        r.holiday ? (
          <Space size={4} wrap>
            {day}
            <Tag color={tagColour.warning}>{t('stations.rota.holiday', { name: r.holiday })}</Tag>
          </Space>
        ) : (
          day
        ),
    },
    { title: t('stations.rota.time'), key: 'time', render: (_, r) => `${r.startTime}—${r.endTime}` },
    { title: t('stations.rota.topic'), dataIndex: 'topic' },
    { title: t('stations.rota.deputies'), dataIndex: 'deputies', render: (ds: RotaEntry['deputies']) => ds.map((d) => d.name).join('、') },
    { title: t('stations.rota.responsible'), key: 'responsible', render: (_, r) => `${r.responsibleName} ${r.responsiblePhone ?? ''}` },
    {
      title: t('stations.rota.reminded'),
      dataIndex: 'remindedAt',
      render: (v: string | null) => (v ? dayjs(v).format('YYYY-MM-DD HH:mm') : t('stations.rota.notReminded')),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, r) =>
        r.sessionId ? (
          <Link to={`/stations/sessions/${r.sessionId}`}>{t('stations.rota.viewSession')}</Link>
        ) : manage ? (
          <Space size={0}>
            {r.day <= today && (
              <Button type="link" onClick={() => setOpening(r)} aria-label={t('stations.rota.openFor', { day: r.day })}>
                {t('stations.session.open')}
              </Button>
            )}
            <Popconfirm
              title={t('stations.rota.deleteConfirm')}
              onConfirm={() => removeRota.mutate(r.id)}
              okText={t('stations.rota.delete')}
              cancelText={t('common.cancel')}
            >
              <Button type="link" danger aria-label={t('stations.rota.deleteOf', { day: r.day })}>
                {t('stations.rota.delete')}
              </Button>
            </Popconfirm>
          </Space>
        ) : (
          '—'
        ),
    },
  ];
  return (
    <Section
      title={t('stations.rota.title')}
      extra={
        manage && (
          <Space wrap>
            <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              {t('stations.rota.add')}
            </Button>
            <Button icon={<CalendarOutlined />} onClick={() => setRepeating(true)}>
              {t('stations.rota.repeat.open')}
            </Button>
            <Button type="primary" icon={<PlayCircleOutlined />} onClick={() => setOpening('free')}>
              {t('stations.session.open')}
            </Button>
          </Space>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('stations.rota.hint', range)}</Typography.Paragraph>
      {onHolidays.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('stations.rota.onHolidays', { days: onHolidays.join('、') })}
        />
      )}
      <Table<RotaEntry>
        rowKey="id"
        size="small"
        loading={rota.isFetching}
        columns={columns}
        dataSource={rota.data}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
      {adding && <RotaModal station={station} onClose={() => setAdding(false)} />}
      {repeating && <RotaRepeatModal station={station} onClose={() => setRepeating(false)} />}
      {opening && (
        <OpenSessionModal
          station={station}
          rota={opening === 'free' ? null : opening}
          onClose={() => setOpening(null)}
          onOpened={(s) => navigate(`/stations/sessions/${s.id}`)}
        />
      )}
    </Section>
  );
}

type RotaValues = RotaFieldValues & { day?: Dayjs };

function RotaModal({ station, onClose }: { station: Station; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<RotaValues>();
  const { submit, pending } = useFormMutation({
    form,
    schema: rotaInput,
    mutationFn: (input) => addRotaEntry(station.id, input),
    invalidate: stationKey(station.id),
    onSuccess: onClose,
  });
  return (
    <FormModal<RotaValues>
      name="rota"
      title={t('stations.rota.add')}
      open
      form={form}
      initialValues={rotaDefaults}
      pending={pending}
      onFinish={(v) => submit({ day: v.day?.format('YYYY-MM-DD'), ...rotaFieldsInput(v) })}
      onClose={onClose}
    >
      <Form.Item name="day" label={t('stations.rota.day')} required>
        <DatePicker disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
      </Form.Item>
      <RotaFields form={form} />
    </FormModal>
  );
}

type SessionValues = { heldOn?: Dayjs; topic?: string; responsibleName?: string; committee?: string };

function OpenSessionModal({
  station,
  rota,
  onClose,
  onOpened,
}: {
  station: Station;
  rota: RotaEntry | null;
  onClose: () => void;
  onOpened: (s: ReceptionSession) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<SessionValues>();
  const { submit, pending } = useFormMutation({
    form,
    schema: sessionInput,
    mutationFn: (input) => openReceptionSession(station.id, input),
    invalidate: stationKey(station.id),
    successMessage: t('stations.session.opened'),
    onSuccess: onOpened,
  });
  return (
    <FormModal<SessionValues>
      name="open-session"
      title={t('stations.session.open')}
      okText={t('stations.session.open')}
      open
      form={form}
      initialValues={{
        heldOn: rota ? dayjs(rota.day) : dayjs(),
        topic: rota?.topic,
        responsibleName: rota?.responsibleName,
      }}
      pending={pending}
      onFinish={(v) =>
        submit({
          ...blankToNull({ topic: v.topic ?? '', responsibleName: v.responsibleName ?? '', committee: v.committee ?? '' }),
          heldOn: v.heldOn?.format('YYYY-MM-DD'),
          rotaId: rota?.id ?? null,
        })
      }
      onClose={onClose}
    >
      <Form.Item name="heldOn" label={t('stations.session.heldOn')} required>
        <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
      </Form.Item>
      <TopicFields />
      <Form.Item name="committee" label={t('stations.session.committee')} extra={t('stations.session.committeeHint')}>
        <Input />
      </Form.Item>
    </FormModal>
  );
}

function SessionsSection({ station, manage }: { station: Station; manage: boolean }) {
  const { t } = useTranslation();
  const sessions = useSessions(station.id);
  const columns: TableColumnsType<ReceptionSession> = [
    {
      title: t('stations.session.heldOn'),
      dataIndex: 'heldOn',
      render: (v: string, s) => <Link to={`/stations/sessions/${s.id}`}>{v}</Link>,
    },
    { title: t('stations.rota.topic'), dataIndex: 'topic' },
    { title: t('stations.session.state'), dataIndex: 'state', render: (s: ReceptionSession['state']) => <SessionStateBadge state={s} /> },
    {
      title: t('stations.session.signedIn'),
      dataIndex: 'signedIn',
      render: (ds: ReceptionSession['signedIn']) => ds.map((d) => d.name).join('、') || '—',
    },
    { title: t('stations.session.votersReceived'), dataIndex: 'votersReceived' },
    { title: t('stations.session.concernCount'), dataIndex: 'concerns', render: (cs: ReceptionSession['concerns']) => cs.length },
    { title: t('stations.session.committee'), dataIndex: 'committee', render: (v: string | null) => v ?? '—' },
  ];
  return (
    <Section
      title={t('stations.session.listTitle')}
      extra={
        manage && (
          <Button icon={<DownloadOutlined />} href={stationUrls.sessionsExport(station.id)}>
            {t('stations.session.export')}
          </Button>
        )
      }
    >
      <Table<ReceptionSession>
        rowKey="id"
        size="small"
        loading={sessions.isFetching}
        columns={columns}
        dataSource={sessions.data}
        pagination={{ pageSize: 10 }}
        scroll={{ x: 'max-content' }}
      />
    </Section>
  );
}
