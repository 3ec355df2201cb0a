import { useState } from 'react';
import { Button, Form, Input, InputNumber, Table, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { can, honourCampaignEdit, honourCampaignInput, type HonourCampaign } from '@renda/shared';
import { useCurrentUser } from '../../app/auth/session';
import { BodyTreeSelect } from '../../components/bodies';
import { FormModal } from '../../components/FormModal';
import { formatDateTime } from '../../components/format';
import { useFormMutation } from '../../components/mutations';
import { Page } from '../../components/Page';
import { DeputiesTabs } from '../deputies/labels';
import { honoursKey, useHonours, saveHonourCampaign } from './api';
import { HonourStateTag } from './labels';

/** 最美人大代表: the selections of the bodies in scope (the latest 100). */
export function HonoursPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const manage = can(user.role, 'honours.manage');
  const honours = useHonours();
  const [creating, setCreating] = useState(false);
  const columns: TableColumnsType<HonourCampaign> = [
    {
      title: t('reportbacks.honours.name'),
      dataIndex: 'title',
      render: (title: string, c) => <Link to={`/deputies/honours/${c.id}`}>{title}</Link>,
    },
    { title: t('reportbacks.fields.body'), dataIndex: 'bodyName' },
    { title: t('common.status'), dataIndex: 'state', render: (s: HonourCampaign['state']) => <HonourStateTag state={s} /> },
    { title: t('reportbacks.honours.places'), dataIndex: 'places' },
    { title: t('reportbacks.honours.nominees'), key: 'nominees', render: (_, c) => c.nominees.length },
    { title: t('reportbacks.honours.ballots'), dataIndex: 'ballotsCast' },
    { title: t('common.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
  ];
  return (
    <Page
      title={t('reportbacks.honours.title')}
      extra={
        manage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('reportbacks.honours.create')}
          </Button>
        )
      }
    >
      {can(user.role, 'deputies.read') && <DeputiesTabs />}
      <Table<HonourCampaign>
        rowKey="id"
        style={{ marginTop: 16 }}
        loading={honours.isFetching}
        dataSource={honours.data}
        columns={columns}
        scroll={{ x: 'max-content' }}
      />
      {creating && <HonourFormModal onClose={() => setCreating(false)} onSaved={(c) => navigate(`/deputies/honours/${c.id}`)} />}
    </Page>
  );
}

type Values = Record<string, unknown>;

/** Starts a selection, or (given `campaign`) changes its terms while nominations are open; its body stays. */
export function HonourFormModal({
  campaign,
  onClose,
  onSaved,
}: {
  campaign?: HonourCampaign;
  onClose: () => void;
  onSaved?: (c: HonourCampaign) => void;
}) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [form] = Form.useForm<Values>();
  const { submit, pending } = useFormMutation({
    form,
    schema: campaign ? honourCampaignEdit : honourCampaignInput,
    mutationFn: (input) => saveHonourCampaign(campaign?.id ?? null, input),
    invalidate: honoursKey,
    onSuccess: (c) => {
      onSaved?.(c);
      onClose();
    },
  });
  return (
    <FormModal<Values>
      name="honour"
      title={t(campaign ? 'reportbacks.honours.editTitle' : 'reportbacks.honours.createTitle')}
      open
      form={form}
      initialValues={
        campaign
          ? { title: campaign.title, description: campaign.description, places: campaign.places, maxChoices: campaign.maxChoices }
          : { bodyId: user.bodyId, places: 10, maxChoices: 10 }
      }
      pending={pending}
      onFinish={submit}
      onClose={onClose}
    >
      {!campaign && (
        <Form.Item name="bodyId" label={t('reportbacks.fields.body')} required>
          <BodyTreeSelect />
        </Form.Item>
      )}
      <Form.Item name="title" label={t('reportbacks.honours.name')} required>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="description" label={t('reportbacks.honours.description')}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <Form.Item name="places" label={t('reportbacks.honours.places')} required>
        <InputNumber min={1} max={100} precision={0} />
      </Form.Item>
      <Form.Item name="maxChoices" label={t('reportbacks.honours.maxChoices')} required>
        <InputNumber min={1} max={100} precision={0} />
      </Form.Item>
    </FormModal>
  );
}
