import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  List,
  Select,
  Table,
  Upload,
  type TableColumnsType,
} from 'antd';
import { DownloadOutlined, EditOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { can, contactPointInput, offlineCommentInput, type ContactPoint, type ImportResult } from '@renda/shared';
import { ApiError } from '../../app/api';
import { useCurrentUser } from '../../app/auth/session';
import { FormModal } from '../../components/FormModal';
import { useAction, useFormMutation } from '../../components/mutations';
import { Page } from '../../components/Page';
import { Section } from '../../components/Section';
import {
  enterOffline,
  importOffline,
  legislationKey,
  legislationUrls,
  savePoint,
  useMemberCandidates,
  useMyPoints,
  usePoints,
  type MyPoint,
} from './api';
import { DraftStateTag } from './labels';

function PointFormModal({ point, onClose }: { point: ContactPoint | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const candidates = useMemberCandidates(true);
  const { submit, pending } = useFormMutation({
    form,
    schema: contactPointInput,
    mutationFn: (input) => savePoint(point?.id ?? null, input),
    invalidate: legislationKey,
    onSuccess: onClose,
  });
  return (
    <FormModal
      name="contact-point"
      title={t(point ? 'legislation.points.edit' : 'legislation.points.create')}
      open
      form={form}
      initialValues={point ? { ...point, memberIds: point.members.map((m) => m.id) } : {}}
      pending={pending}
      onFinish={submit}
      onClose={onClose}
    >
      <Form.Item name="name" label={t('legislation.points.name')} required>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="address" label={t('legislation.points.address')} required>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="contactPerson" label={t('legislation.points.contactPerson')}>
        <Input maxLength={20} />
      </Form.Item>
      <Form.Item name="contactPhone" label={t('legislation.points.contactPhone')}>
        <Input maxLength={20} />
      </Form.Item>
      <Form.Item name="memberIds" label={t('legislation.points.members')} extra={t('legislation.points.membersHelp')}>
        <Select
          mode="multiple"
          optionFilterProp="label"
          loading={candidates.isFetching}
          options={(candidates.data ?? []).map((c) => ({ value: c.id, label: `${c.displayName}（${c.bodyName}）` }))}
        />
      </Form.Item>
    </FormModal>
  );
}

type OfflineValues = Record<string, unknown> & { gatheredOn?: Dayjs };

/** One comment gathered offline, with how many people took part. */
function OfflineModal({ point, draftId, onClose }: { point: MyPoint; draftId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<OfflineValues>();
  const { submit, pending } = useFormMutation({
    form,
    schema: offlineCommentInput,
    mutationFn: (input) => enterOffline(draftId, input),
    invalidate: legislationKey,
    onSuccess: onClose,
  });
  return (
    <FormModal<OfflineValues>
      name="offline-comment"
      title={`${t('legislation.points.enter')} · ${point.name}`}
      open
      form={form}
      initialValues={{ participants: 1, gatheredOn: dayjs() }}
      pending={pending}
      onFinish={(v) => submit({ ...v, contactPointId: point.id, gatheredOn: v.gatheredOn?.format('YYYY-MM-DD') })}
      onClose={onClose}
    >
      <Form.Item name="articleNumber" label={t('legislation.points.articleNumber')}>
        <InputNumber min={1} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="content" label={t('legislation.fields.content')} required>
        <Input.TextArea rows={4} maxLength={2000} />
      </Form.Item>
      <Form.Item name="participants" label={t('legislation.fields.participants')} required>
        <InputNumber min={1} max={10000} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="gatheredOn" label={t('legislation.fields.gatheredOn')} required>
        <DatePicker style={{ width: '100%' }} inputReadOnly />
      </Form.Item>
      <Form.Item name="name" label={t('legislation.fields.name')}>
        <Input maxLength={20} />
      </Form.Item>
    </FormModal>
  );
}

/** The member's own points and the drafts they take part in: enter one comment, or a whole Excel sheet. */
function MyPoints() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const mine = useMyPoints(true);
  const [entering, setEntering] = useState<{ point: MyPoint; draftId: string } | null>(null);
  const [rowErrors, setRowErrors] = useState<ImportResult['errors']>([]);
  const upload = useAction(
    ({ point, draftId, file }: { point: MyPoint; draftId: string; file: File }) => importOffline(draftId, point.id, file),
    {
      invalidate: legislationKey,
      successMessage: false,
      onSuccess: (r) => {
        setRowErrors([]);
        void message.success(t('legislation.points.imported', r));
      },
    },
  );
  const send = (point: MyPoint, draftId: string, file: File) =>
    upload.mutate(
      { point, draftId, file },
      { onError: (e) => setRowErrors(e instanceof ApiError ? ((e.details as { errors?: ImportResult['errors'] })?.errors ?? []) : []) },
    );
  if (!mine.data?.length) return <Empty description={t('legislation.points.noMine')} />;
  return (
    <Flex vertical gap="small">
      <Button icon={<DownloadOutlined />} href={legislationUrls.template} style={{ alignSelf: 'flex-start' }}>
        {t('legislation.points.template')}
      </Button>
      {rowErrors.length > 0 && (
        <Alert
          type="error"
          showIcon
          message={t('legislation.points.importErrors')}
          description={<List size="small" dataSource={rowErrors} renderItem={(e) => <List.Item>{e.message}</List.Item>} />}
        />
      )}
      {mine.data.map((point) => (
        <Card key={point.id} size="small" title={point.name}>
          <List
            dataSource={point.drafts}
            locale={{ emptyText: '—' }}
            renderItem={(d) => (
              <List.Item
                actions={
                  d.state === 'open'
                    ? [
                        <Button key="enter" size="small" onClick={() => setEntering({ point, draftId: d.id })}>
                          {t('legislation.points.enter')}
                        </Button>,
                        <Upload
                          key="import"
                          accept=".xlsx"
                          showUploadList={false}
                          beforeUpload={(file) => {
                            send(point, d.id, file);
                            return false;
                          }}
                        >
                          <Button size="small" icon={<UploadOutlined />} loading={upload.isPending}>
                            {t('legislation.points.import')}
                          </Button>
                        </Upload>,
                      ]
                    : []
                }
              >
                <List.Item.Meta
                  title={d.title}
                  description={
                    <>
                      {`${d.commentFrom} 至 ${d.commentTo}`} <DraftStateTag state={d.state} />
                    </>
                  }
                />
              </List.Item>
            )}
          />
        </Card>
      ))}
      {entering && <OfflineModal {...entering} onClose={() => setEntering(null)} />}
    </Flex>
  );
}

/** 基层立法联系点: the list (staff keep it), and for a point's members what they enter. */
export function ContactPointsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const manage = can(user.role, 'legislation.manage');
  const points = usePoints();
  const [editing, setEditing] = useState<ContactPoint | null | 'new'>(null);
  const columns: TableColumnsType<ContactPoint> = [
    { title: t('legislation.points.name'), dataIndex: 'name' },
    { title: t('legislation.points.address'), dataIndex: 'address' },
    {
      title: t('legislation.points.contactPerson'),
      key: 'contact',
      render: (_, p) => [p.contactPerson, p.contactPhone].filter(Boolean).join(' ') || '—',
    },
    { title: t('legislation.points.members'), key: 'members', render: (_, p) => p.members.map((m) => m.displayName).join('、') || '—' },
    ...(manage
      ? [
          {
            title: t('common.actions'),
            key: 'edit',
            render: (_: unknown, p: ContactPoint) => (
              <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(p)}>
                {t('legislation.points.edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <Page
      title={t('legislation.points.title')}
      extra={
        manage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('legislation.points.create')}
          </Button>
        )
      }
    >
      <Flex vertical gap="middle">
        <Table<ContactPoint>
          rowKey="id"
          size="small"
          scroll={{ x: 700 }}
          loading={points.isFetching}
          dataSource={points.data ?? []}
          columns={columns}
          pagination={false}
        />
        {can(user.role, 'legislation.contribute') && (
          <Section title={t('legislation.points.mine')}>
            <MyPoints />
          </Section>
        )}
      </Flex>
      {editing && <PointFormModal point={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Page>
  );
}
