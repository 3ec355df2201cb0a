import { useState } from 'react';
import { Button, Form, Input, Radio, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { can, majorMatterInput, majorMatterState, passThreshold, type MajorMatter } from '@renda/shared';
import { useCurrentUser } from '../../app/auth/session';
import { BodyTreeSelect } from '../../components/bodies';
import { FormModal } from '../../components/FormModal';
import { useFormMutation } from '../../components/mutations';
import { Page } from '../../components/Page';
import { PagedTable, usePagedList, type FilterField } from '../../components/PagedTable';
import { createMajorMatter, majorMattersKey } from './api';
import { MeetingsTabs } from './labels';

/** 重大事项决定: matters proposed to the body, from proposal to decision and follow-up. */
export function MajorMattersPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const list = usePagedList<MajorMatter>(majorMattersKey, '/api/major-matters');
  const [creating, setCreating] = useState(false);
  const filters: FilterField[] = [
    {
      kind: 'select',
      param: 'state',
      label: t('common.status'),
      options: majorMatterState.options.map((s) => ({ value: s, label: t(`meetings.matterState.${s}`) })),
    },
  ];
  const columns: TableColumnsType<MajorMatter> = [
    {
      title: t('meetings.matters.name'),
      dataIndex: 'title',
      render: (title: string, m) => <Link to={`/meetings/major-matters/${m.id}`}>{title}</Link>,
    },
    { title: t('meetings.matters.proposer'), dataIndex: 'proposer' },
    { title: t('meetings.matters.meeting'), dataIndex: 'meetingTitle' },
    { title: t('common.status'), dataIndex: 'stateLabel' },
  ];
  return (
    <Page
      title={t('meetings.matters.title')}
      extra={
        can(user.role, 'meetings.manage') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('meetings.matters.create')}
          </Button>
        )
      }
    >
      <PagedTable<MajorMatter> list={list} filters={filters} columns={columns} toolbar={<MeetingsTabs />} />
      {creating && <MatterFormModal onClose={() => setCreating(false)} onSaved={(m) => navigate(`/meetings/major-matters/${m.id}`)} />}
    </Page>
  );
}

function MatterFormModal({ onClose, onSaved }: { onClose: () => void; onSaved: (m: MajorMatter) => void }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [form] = Form.useForm<Record<string, unknown>>();
  const { submit, pending } = useFormMutation({
    form,
    schema: majorMatterInput,
    mutationFn: createMajorMatter,
    invalidate: majorMattersKey,
    onSuccess: (m) => {
      onSaved(m);
      onClose();
    },
  });
  return (
    <FormModal
      name="major-matter"
      title={t('meetings.matters.create')}
      open
      form={form}
      initialValues={{ bodyId: user.bodyId, threshold: 'more_than_half' }}
      pending={pending}
      onFinish={submit}
      onClose={onClose}
    >
      <Form.Item name="bodyId" label={t('meetings.fields.body')} required>
        <BodyTreeSelect />
      </Form.Item>
      <Form.Item name="title" label={t('meetings.matters.name')} required>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="proposer" label={t('meetings.matters.proposer')} required>
        <Input maxLength={80} />
      </Form.Item>
      <Form.Item name="proposal" label={t('meetings.matters.proposal')} required>
        <Input.TextArea rows={5} maxLength={8000} />
      </Form.Item>
      <Form.Item name="threshold" label={t('meetings.matters.threshold')}>
        <Radio.Group options={passThreshold.options.map((p) => ({ value: p, label: t(`meetings.threshold.${p}`) }))} />
      </Form.Item>
    </FormModal>
  );
}
