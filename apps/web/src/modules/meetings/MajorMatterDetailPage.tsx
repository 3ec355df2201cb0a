import { useState } from 'react';
import { Button, Descriptions, Flex, Form, Input, InputNumber, Modal, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { FileWordOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { can, type MajorMatterTask, type MajorMatter, type MajorMatterAction, type Meeting, type Page as PageOf } from '@renda/shared';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api';
import { useCurrentUser } from '../../app/auth/session';
import { DetailLoader } from '../../components/DetailLoader';
import { FormSelect } from '../../components/FormSelect';
import { useAction } from '../../components/mutations';
import { Page } from '../../components/Page';
import { RemoteSelect } from '../../components/RemoteSelect';
import { useUnitSource } from '../../components/remoteSources';
import { Section } from '../../components/Section';
import { actOnMajorMatter, addTask, completeTask, majorMattersKey, meetingUrls, useMajorMatter } from './api';

export function MajorMatterDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  return (
    <DetailLoader query={useMajorMatter(id)} notFoundTitle={t('meetings.matters.notFound')}>
      {(m) => <MatterView matter={m} />}
    </DetailLoader>
  );
}

/** The field each step asks for (the workflow's `needs`), as a form control. */
function StepInput({ action, matter }: { action: MajorMatterAction; matter: MajorMatter }) {
  const { t } = useTranslation();
  const meetings = useQuery({
    queryKey: ['meetings', 'open-for', matter.bodyId],
    queryFn: () => api.get<PageOf<Meeting>>('/api/meetings', { pageSize: 100 }),
    enabled: action === 'placeOnAgenda',
    select: (d) =>
      d.items.filter(
        (m) => m.bodyId === matter.bodyId && m.state !== 'closed' && (m.kind === 'standing_committee' || m.kind === 'congress_session'),
      ),
  });
  if (action === 'evaluate')
    return (
      <Form.Item name="evaluation" label={t('meetings.matters.evaluation')} required>
        <Input.TextArea rows={5} maxLength={8000} />
      </Form.Item>
    );
  if (action === 'placeOnAgenda')
    return (
      <Form.Item name="meetingId" label={t('meetings.matters.meeting')} required>
        <FormSelect loading={meetings.isFetching} options={(meetings.data ?? []).map((m) => ({ value: m.id, label: m.title }))} />
      </Form.Item>
    );
  if (action === 'decide')
    return (
      <Form.Item name="resolution" label={t('meetings.matters.resolution')} required>
        <Input.TextArea rows={8} maxLength={20000} />
      </Form.Item>
    );
  return null;
}

function MatterView({ matter: m }: { matter: MajorMatter }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const manage = can(user.role, 'meetings.manage');
  const key = majorMattersKey;
  const [step, setStep] = useState<MajorMatterAction | null>(null);
  const [tasking, setTasking] = useState(false);
  const [form] = Form.useForm();
  const [taskForm] = Form.useForm();
  const units = useUnitSource(m.bodyId);
  const act = useAction((v: { action: MajorMatterAction; input: Record<string, unknown> }) => actOnMajorMatter(m.id, v.action, v.input), {
    invalidate: key,
    form,
    onSuccess: () => setStep(null),
  });
  const task = useAction((v: { title: string; unitId: string; workingDays: number }) => addTask(m.id, v), {
    invalidate: key,
    form: taskForm,
    onSuccess: () => setTasking(false),
  });
  const done = useAction((taskId: string) => completeTask(m.id, taskId, '已按期落实'), { invalidate: key });
  const taskColumns: TableColumnsType<MajorMatterTask> = [
    { title: t('meetings.matters.task'), dataIndex: 'title' },
    { title: t('meetings.matters.unit'), dataIndex: 'unitName' },
    {
      title: t('meetings.matters.due'),
      dataIndex: 'dueOn',
      render: (d: string, r) => (r.overdue ? <Tag color="red">{`${d} ${t('meetings.matters.overdue')}`}</Tag> : d),
    },
    {
      title: t('meetings.matters.report'),
      key: 'done',
      render: (_, r) =>
        r.doneAt ? (
          r.report
        ) : manage ? (
          <Button size="small" onClick={() => done.mutate(r.id)}>
            {t('meetings.matters.markDone')}
          </Button>
        ) : null,
    },
  ];
  return (
    <Page
      title={m.title}
      extra={
        <Flex wrap gap={8}>
          {manage &&
            m.allowedActions.map((a) => (
              <Button key={a} type="primary" onClick={() => (form.resetFields(), setStep(a))}>
                {t(`meetings.matterAction.${a}`)}
              </Button>
            ))}
          {m.state === 'decided' && (
            <Button icon={<FileWordOutlined />} href={meetingUrls.resolution(m.id)}>
              {t('meetings.matters.download')}
            </Button>
          )}
        </Flex>
      }
    >
      <Descriptions bordered size="small" column={1}>
        <Descriptions.Item label={t('common.status')}>{m.stateLabel}</Descriptions.Item>
        <Descriptions.Item label={t('meetings.matters.proposer')}>{m.proposer}</Descriptions.Item>
        <Descriptions.Item label={t('meetings.matters.proposal')}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{m.proposal}</Typography.Paragraph>
        </Descriptions.Item>
        <Descriptions.Item label={t('meetings.matters.threshold')}>{t(`meetings.threshold.${m.threshold}`)}</Descriptions.Item>
        <Descriptions.Item label={t('meetings.matters.evaluation')}>{m.evaluation ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('meetings.matters.meeting')}>
          {m.meetingId ? <Link to={`/meetings/${m.meetingId}`}>{m.meetingTitle}</Link> : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('meetings.matters.result')}>{m.resultText ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('meetings.matters.resolution')}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{m.resolution ?? '—'}</Typography.Paragraph>
        </Descriptions.Item>
      </Descriptions>
      {m.state === 'decided' && (
        <Section
          title={t('meetings.matters.tasks')}
          extra={manage && <Button onClick={() => (taskForm.resetFields(), setTasking(true))}>{t('meetings.matters.addTask')}</Button>}
        >
          <Table<MajorMatterTask>
            rowKey="id"
            size="small"
            pagination={false}
            scroll={{ x: 'max-content' }}
            columns={taskColumns}
            dataSource={m.tasks}
          />
        </Section>
      )}
      <Modal
        open={!!step}
        title={step ? t(`meetings.matterAction.${step}`) : ''}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={act.isPending}
        onOk={() => step && act.mutate({ action: step, input: form.getFieldsValue() as Record<string, unknown> })}
        onCancel={() => setStep(null)}
      >
        <Form form={form} layout="vertical" name="matter-step">
          {step && <StepInput action={step} matter={m} />}
        </Form>
      </Modal>
      <Modal
        open={tasking}
        title={t('meetings.matters.addTask')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={task.isPending}
        onOk={() => task.mutate(taskForm.getFieldsValue() as { title: string; unitId: string; workingDays: number })}
        onCancel={() => setTasking(false)}
      >
        <Form form={taskForm} layout="vertical" name="matter-task" initialValues={{ workingDays: 20 }}>
          <Form.Item name="title" label={t('meetings.matters.task')} required>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="unitId" label={t('meetings.matters.unit')} required>
            <RemoteSelect<string> source={units} />
          </Form.Item>
          <Form.Item name="workingDays" label={t('meetings.matters.workingDays')} required>
            <InputNumber min={1} max={250} style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
    </Page>
  );
}
