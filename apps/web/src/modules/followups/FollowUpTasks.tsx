import { useState } from 'react';
import { Button, Flex, Form, Input, InputNumber, Tag, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import {
  followUpCompleteInput,
  followUpReopenInput,
  followUpTaskInput,
  type FollowUpAction,
  type FollowUpSubject,
  type FollowUpTask,
} from '@renda/shared';
import { FormModal } from '../../components/FormModal';
import { blankToNull } from '../../components/forms';
import { formatDateTime } from '../../components/format';
import { useFormMutation } from '../../components/mutations';
import { ProvisionalTag } from '../../components/ProvisionalTag';
import { RemoteSelect } from '../../components/RemoteSelect';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { useUnitSource } from '../../components/remoteSources';
import { Section } from '../../components/Section';
import { tagColour } from '../../components/tagColours';
import { actOnFollowUp, createFollowUp, followUpsKey, useFollowUps } from './api';

export interface FollowUpTasksProps extends FollowUpSubject {
  /** The body whose handling units may be chosen. */
  bodyId: string;
  /** The section's title: 整改任务, 落实任务, 议定事项… */
  title?: string;
  /** How the owning page names what raised a task (an inspection, a stage); no column without it. */
  originLabel?: (origin: string) => string;
  /** The unit chosen when the form opens (a project's responsible unit). */
  defaultUnitId?: string;
}

/**
 * The follow-up tasks of one item, for every module's page: who is responsible, by when, whether it is done
 * and what was done; the buttons are the server's `allowedActions` (the unit reports, staff send back), and
 * staff add tasks where the owning module allows. A table on a desktop, cards on a phone.
 */
export function FollowUpTasks({ subjectType, subjectId, bodyId, title, originLabel, defaultUnitId }: FollowUpTasksProps) {
  const { t } = useTranslation();
  const query = useFollowUps({ subjectType, subjectId });
  const [adding, setAdding] = useState(false);
  const [acting, setActing] = useState<{ task: FollowUpTask; action: FollowUpAction } | null>(null);
  if (query.isError) return null;
  const list = query.data;
  const actions = (task: FollowUpTask) =>
    task.allowedActions.length > 0 && (
      <Flex gap="small" wrap>
        {task.allowedActions.map((action) => (
          <Button key={action} size="small" onClick={() => setActing({ task, action })}>
            {t(`followUps.action.${action}`)}
          </Button>
        ))}
      </Flex>
    );
  const due = (task: FollowUpTask) => (
    <Flex gap={4} wrap align="center">
      <span>{t('followUps.due', { date: task.dueOn })}</span>
      {task.dueProvisional && <ProvisionalTag date={task.dueOn} />}
      {task.overdue && <Tag color="red">{t('followUps.overdue')}</Tag>}
      {task.overdue && task.overdueNotifiedAt && <Tag>{t('followUps.reminded')}</Tag>}
    </Flex>
  );
  const state = (task: FollowUpTask) => (
    <Tag color={task.state === 'done' ? tagColour.success : tagColour.processing}>{t(`followUps.state.${task.state}`)}</Tag>
  );
  const outcome = (task: FollowUpTask) => (
    <>
      {task.evidence && <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{task.evidence}</Typography.Paragraph>}
      {task.doneAt && (
        <Typography.Text type="secondary">
          {t('followUps.doneBy', { name: task.doneByName ?? '', at: formatDateTime(task.doneAt) })}
        </Typography.Text>
      )}
      {task.state === 'open' && task.returnReason && (
        <Typography.Text type="warning">{t('followUps.returned', { reason: task.returnReason })}</Typography.Text>
      )}
    </>
  );
  const columns: TableColumnsType<FollowUpTask> = [
    ...(originLabel
      ? [{ title: t('followUps.origin'), key: 'origin', render: (_: unknown, r: FollowUpTask) => (r.origin ? originLabel(r.origin) : '—') }]
      : []),
    { title: t('followUps.task'), dataIndex: 'title' },
    { title: t('followUps.responsible'), dataIndex: 'responsible' },
    { title: t('followUps.dueOn'), key: 'due', render: (_, r) => due(r) },
    { title: t('common.status'), key: 'state', render: (_, r) => state(r) },
    { title: t('followUps.evidence'), key: 'evidence', render: (_, r) => outcome(r) },
    { title: '', key: 'actions', render: (_, r) => actions(r) },
  ];
  return (
    <Section
      title={title ?? t('followUps.title')}
      extra={
        list?.canCreate && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('followUps.add')}
          </Button>
        )
      }
    >
      <ResponsiveTable<FollowUpTask>
        rowKey="id"
        size="small"
        pagination={false}
        loading={query.isLoading}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('followUps.none') }}
        columns={columns}
        dataSource={list?.items ?? []}
        card={{
          title: (r) => r.title,
          state,
          deadline: due,
          facts: (r) => [
            [t('followUps.responsible'), r.responsible],
            ...(originLabel && r.origin ? [[t('followUps.origin'), originLabel(r.origin)] as const] : []),
            ...(r.evidence || r.returnReason ? [[t('followUps.evidence'), outcome(r)] as const] : []),
          ],
          action: (r) => actions(r) || null,
        }}
      />
      <AddTaskModal
        open={adding}
        subject={{ subjectType, subjectId }}
        bodyId={bodyId}
        defaultUnitId={defaultUnitId}
        onClose={() => setAdding(false)}
      />
      {acting && <ActionModal {...acting} onClose={() => setActing(null)} />}
    </Section>
  );
}

function AddTaskModal(p: { open: boolean; subject: FollowUpSubject; bodyId: string; defaultUnitId?: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Record<string, unknown>>();
  const units = useUnitSource(p.bodyId);
  const { submit, pending } = useFormMutation({
    form,
    schema: followUpTaskInput,
    mutationFn: createFollowUp,
    invalidate: followUpsKey,
    onSuccess: p.onClose,
  });
  return (
    <FormModal<Record<string, unknown>>
      name="follow-up-add"
      title={t('followUps.add')}
      open={p.open}
      form={form}
      initialValues={{ unitId: p.defaultUnitId }}
      pending={pending}
      onFinish={(values) => submit({ ...blankToNull(values), ...p.subject })}
      onClose={p.onClose}
    >
      <Form.Item name="title" label={t('followUps.task')} required>
        <Input.TextArea rows={3} maxLength={500} />
      </Form.Item>
      <Form.Item name="unitId" label={t('followUps.unit')}>
        <RemoteSelect<string> source={units} allowClear />
      </Form.Item>
      <Form.Item name="responsible" label={t('followUps.responsible')} extra={t('followUps.responsibleHint')}>
        <Input maxLength={60} />
      </Form.Item>
      <Flex gap="middle" wrap>
        <Form.Item name="dueOn" label={t('followUps.dueOn')}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="workingDays" label={t('followUps.workingDays')}>
          <InputNumber min={1} max={250} />
        </Form.Item>
      </Flex>
      <Typography.Text type="secondary">{t('followUps.deadlineHint')}</Typography.Text>
    </FormModal>
  );
}

/** The unit's report (落实情况) or staff sending it back (a reason, perhaps a new deadline). */
function ActionModal({ task, action, onClose }: { task: FollowUpTask; action: FollowUpAction; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Record<string, unknown>>();
  const { submit, pending } = useFormMutation<Record<string, unknown>, FollowUpTask>({
    form,
    schema: action === 'complete' ? followUpCompleteInput : followUpReopenInput,
    mutationFn: (input) => actOnFollowUp(task.id, action, input),
    invalidate: followUpsKey,
    onSuccess: onClose,
  });
  return (
    <FormModal<Record<string, unknown>>
      name={`follow-up-${action}`}
      title={`${t(`followUps.action.${action}`)}：${task.title}`}
      open
      form={form}
      pending={pending}
      onFinish={(values) => submit(blankToNull(values))}
      onClose={onClose}
    >
      {action === 'complete' ? (
        <Form.Item name="evidence" label={t('followUps.evidence')} required>
          <Input.TextArea rows={4} maxLength={4000} />
        </Form.Item>
      ) : (
        <>
          <Form.Item name="reason" label={t('followUps.reason')} required>
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
          <Form.Item name="dueOn" label={t('followUps.newDueOn')} extra={t('followUps.newDueOnHint')}>
            <Input type="date" />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
