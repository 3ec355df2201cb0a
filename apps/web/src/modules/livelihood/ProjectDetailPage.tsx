import { useState } from 'react';
import { Button, Descriptions, Flex, Form, Input, InputNumber, List, Progress, Space, Tag, Typography } from 'antd';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { completionInput, groupInput, inspectionInput, milestoneInput, type Inspection, type ProjectDetail } from '@renda/shared';
import { AttachmentsList } from '../../components/AttachmentsList';
import { DetailLoader } from '../../components/DetailLoader';
import { FormModal } from '../../components/FormModal';
import { FormSelect } from '../../components/FormSelect';
import { RemoteSelect } from '../../components/RemoteSelect';
import { useAction, useFormMutation } from '../../components/mutations';
import { Page } from '../../components/Page';
import { Section } from '../../components/Section';
import { useDeputySource } from '../../components/remoteSources';
import { followUpsKey } from '../followups/api';
import { FollowUpTasks } from '../followups/FollowUpTasks';
import { actOnProject, addMilestone, livelihoodKey, milestoneDone, recordInspection, setGroup, useProject } from './api';

export function ProjectDetailPage() {
  const { id = '' } = useParams();
  return <DetailLoader query={useProject(id)}>{(p) => <Detail project={p} />}</DetailLoader>;
}

const today = () => dayjs().format('YYYY-MM-DD');

function Detail({ project: p }: { project: ProjectDetail }) {
  const { t } = useTranslation();
  const [modal, setModal] = useState<'group' | 'milestone' | 'inspect' | 'reportCompletion' | 'reportRectified' | null>(null);
  const close = () => setModal(null);
  const inspectionLabel = (id: string) => {
    const i = p.inspections.find((x) => x.id === id);
    return i ? `${i.inspectedOn} ${t('livelihood.project.quarter', { quarter: i.quarter })}` : '—';
  };
  return (
    <Page
      title={p.name}
      extra={p.allowedActions
        .filter((a): a is 'reportCompletion' | 'reportRectified' => a === 'reportCompletion' || a === 'reportRectified')
        .map((a) => (
          <Button key={a} type="primary" onClick={() => setModal(a)}>
            {t(`livelihood.projectAction.${a}`)}
          </Button>
        ))}
    >
      <Flex vertical gap="middle">
        <Section title={t('livelihood.project.title')}>
          <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small">
            <Descriptions.Item label={t('livelihood.project.state')}>
              <Tag color="processing">{p.stateLabel}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('livelihood.project.body')}>{`${p.bodyName} · ${p.year}`}</Descriptions.Item>
            <Descriptions.Item label={t('livelihood.project.unit')}>{p.unitName}</Descriptions.Item>
            <Descriptions.Item label={t('livelihood.project.location')}>{p.location}</Descriptions.Item>
            <Descriptions.Item label={t('livelihood.project.budget')}>{p.budget}</Descriptions.Item>
            <Descriptions.Item label={t('livelihood.project.dueOn')}>{p.dueOn}</Descriptions.Item>
            <Descriptions.Item label={t('livelihood.project.votes')}>{p.votes ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('livelihood.project.satisfaction')}>
              {p.satisfaction == null ? '—' : `${p.satisfaction}%`}
            </Descriptions.Item>
            <Descriptions.Item label={t('livelihood.project.progress')}>
              <Progress
                percent={p.progress}
                size="small"
                style={{ minWidth: 120 }}
                aria-label={`${t('livelihood.project.progress')} ${p.progress}%`}
              />
            </Descriptions.Item>
            <Descriptions.Item label={t('livelihood.project.target')} span="filled">
              {p.target}
            </Descriptions.Item>
            <Descriptions.Item label={t('livelihood.project.content')} span="filled">
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{p.content}</Typography.Paragraph>
            </Descriptions.Item>
            {p.proposals.length > 0 && (
              <Descriptions.Item label={t('livelihood.project.proposals')} span="filled">
                {p.proposals.map((x) => x.title).join('；')}
              </Descriptions.Item>
            )}
            {p.completionReport && (
              <Descriptions.Item label={`${t('livelihood.project.completion')}（${p.completedOn}）`} span="filled">
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{p.completionReport}</Typography.Paragraph>
              </Descriptions.Item>
            )}
          </Descriptions>
        </Section>
        <Section
          title={t('livelihood.project.group')}
          extra={
            p.canManage &&
            p.state !== 'candidate' &&
            p.state !== 'not_chosen' && <Button onClick={() => setModal('group')}>{t('livelihood.project.setGroup')}</Button>
          }
        >
          {p.group.length ? (
            <Space wrap>
              {p.group.map((m) => (
                <Tag key={m.deputyId} color={m.leader ? 'red' : undefined}>
                  {m.name}
                  {m.leader ? `（${t('livelihood.project.leader')}）` : ''}
                </Tag>
              ))}
            </Space>
          ) : (
            <Typography.Text type="secondary">{t('livelihood.project.noGroup')}</Typography.Text>
          )}
        </Section>
        <Milestones project={p} onAdd={() => setModal('milestone')} />
        <Section
          title={t('livelihood.project.inspections')}
          extra={
            p.canInspect && (
              <Button type="primary" onClick={() => setModal('inspect')}>
                {t('livelihood.project.inspect')}
              </Button>
            )
          }
        >
          <List
            dataSource={p.inspections}
            locale={{ emptyText: t('livelihood.project.none') }}
            renderItem={(i) => <InspectionItem key={i.id} inspection={i} canUpload={p.canInspect} />}
          />
        </Section>
        {/* The problems an inspection finds, followed to rectification by the responsible unit. */}
        <FollowUpTasks
          subjectType="livelihood_project"
          subjectId={p.id}
          bodyId={p.bodyId}
          title={t('livelihood.project.followUps')}
          originLabel={inspectionLabel}
          defaultUnitId={p.unitId}
        />
      </Flex>
      {modal === 'group' && <GroupModal project={p} onClose={close} />}
      {modal === 'milestone' && <MilestoneModal project={p} onClose={close} />}
      {modal === 'inspect' && <InspectionModal project={p} onClose={close} />}
      {(modal === 'reportCompletion' || modal === 'reportRectified') && <CompletionModal project={p} action={modal} onClose={close} />}
    </Page>
  );
}

function Milestones({ project: p, onAdd }: { project: ProjectDetail; onAdd: () => void }) {
  const { t } = useTranslation();
  const done = useAction((id: string) => milestoneDone(id, today()), { invalidate: livelihoodKey });
  return (
    <Section
      title={t('livelihood.project.milestones')}
      extra={p.canManage && p.state !== 'candidate' && <Button onClick={onAdd}>{t('livelihood.project.addMilestone')}</Button>}
    >
      <List
        dataSource={p.milestones}
        locale={{ emptyText: t('livelihood.project.none') }}
        renderItem={(m) => (
          <List.Item
            actions={
              !m.doneOn && p.state !== 'candidate'
                ? [
                    <Button key="done" size="small" onClick={() => done.mutate(m.id)}>
                      {t('livelihood.project.done')}
                    </Button>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={m.title}
              description={`${t('livelihood.project.dueOn')} ${m.dueOn}${m.doneOn ? ` · ${t('livelihood.project.doneOn')} ${m.doneOn}` : ''}`}
            />
          </List.Item>
        )}
      />
    </Section>
  );
}

function InspectionItem({ inspection: i, canUpload }: { inspection: Inspection; canUpload: boolean }) {
  const { t } = useTranslation();
  return (
    <List.Item>
      <Flex vertical gap="small" style={{ width: '100%' }}>
        <Typography.Text strong>
          {i.inspectedOn} · {t('livelihood.project.quarter', { quarter: i.quarter })} · {t('livelihood.project.progress')} {i.progress}%
        </Typography.Text>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{i.findings}</Typography.Paragraph>
        {i.problems && (
          // Plain text under a bold label: antd's pale warning colour fails the contrast check (axe).
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
            <Typography.Text strong>{t('livelihood.project.problems')}：</Typography.Text>
            {i.problems}
          </Typography.Paragraph>
        )}
        <Typography.Text type="secondary">{t('livelihood.project.photos')}</Typography.Text>
        <AttachmentsList ownerEntity="livelihood_inspection" ownerId={i.id} canUpload={canUpload} />
      </Flex>
    </List.Item>
  );
}

function GroupModal({ project: p, onClose }: { project: ProjectDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ deputyIds?: string[]; leaderId?: string }>();
  const deputies = useDeputySource(p.bodyId);
  const chosen = Form.useWatch('deputyIds', form) ?? [];
  const [labels, setLabels] = useState<Record<string, string>>(Object.fromEntries(p.group.map((m) => [m.deputyId, m.name])));
  const { submit, pending } = useFormMutation({
    form,
    schema: groupInput,
    mutationFn: (input) => setGroup(p.id, input),
    invalidate: livelihoodKey,
    onSuccess: onClose,
  });
  return (
    <FormModal
      name="group"
      title={t('livelihood.project.setGroup')}
      open
      form={form}
      initialValues={{ deputyIds: p.group.map((m) => m.deputyId), leaderId: p.group.find((m) => m.leader)?.deputyId }}
      pending={pending}
      onFinish={(v) => submit(v)}
      onClose={onClose}
    >
      <Form.Item name="deputyIds" label={t('livelihood.project.members')} required>
        <RemoteSelect
          source={deputies}
          mode="multiple"
          onChange={(_v: unknown, options: unknown) => {
            const list = (Array.isArray(options) ? options : [options]) as { value: string; label: string }[];
            setLabels((l) => ({ ...l, ...Object.fromEntries(list.filter(Boolean).map((o) => [o.value, String(o.label)])) }));
          }}
        />
      </Form.Item>
      <Form.Item name="leaderId" label={t('livelihood.project.leader')} required>
        <FormSelect options={chosen.map((id) => ({ value: id, label: labels[id] ?? id }))} />
      </Form.Item>
    </FormModal>
  );
}

function MilestoneModal({ project: p, onClose }: { project: ProjectDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ title?: string; dueOn?: string }>();
  const { submit, pending } = useFormMutation({
    form,
    schema: milestoneInput,
    mutationFn: (input) => addMilestone(p.id, input),
    invalidate: livelihoodKey,
    onSuccess: onClose,
  });
  return (
    <FormModal
      name="milestone"
      title={t('livelihood.project.addMilestone')}
      open
      form={form}
      pending={pending}
      onFinish={(v) => submit(v)}
      onClose={onClose}
    >
      <Form.Item name="title" label={t('livelihood.project.milestone')} required>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="dueOn" label={t('livelihood.project.dueOn')} required>
        <Input type="date" />
      </Form.Item>
    </FormModal>
  );
}

type InspectionValues = { inspectedOn?: string; progress?: number; findings?: string; problems?: string; tasks?: string };

function InspectionModal({ project: p, onClose }: { project: ProjectDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<InspectionValues>();
  const { submit, pending } = useFormMutation({
    form,
    schema: inspectionInput,
    mutationFn: (input) => recordInspection(p.id, input),
    invalidate: livelihoodKey,
    // The problems found became follow-up tasks: their list refreshes too.
    onSuccess: () => (void queryClient.invalidateQueries({ queryKey: followUpsKey }), onClose()),
  });
  return (
    <FormModal<InspectionValues>
      name="inspection"
      title={t('livelihood.project.inspect')}
      open
      form={form}
      initialValues={{ inspectedOn: today(), progress: p.progress }}
      pending={pending}
      onFinish={(v) =>
        submit({
          ...v,
          problems: v.problems?.trim() || null,
          tasks: (v.tasks ?? '')
            .split('\n')
            .map((s) => s.trim())
            .filter(Boolean),
        })
      }
      onClose={onClose}
    >
      <Form.Item name="inspectedOn" label={t('livelihood.project.inspectedOn')} required>
        <Input type="date" />
      </Form.Item>
      <Form.Item name="progress" label={`${t('livelihood.project.progress')}（%）`} required>
        <InputNumber min={0} max={100} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="findings" label={t('livelihood.project.findings')} required>
        <Input.TextArea rows={3} maxLength={4000} />
      </Form.Item>
      <Form.Item name="problems" label={t('livelihood.project.problems')}>
        <Input.TextArea rows={2} maxLength={4000} />
      </Form.Item>
      <Form.Item name="tasks" label={t('livelihood.project.tasks')}>
        <Input.TextArea rows={3} />
      </Form.Item>
    </FormModal>
  );
}

function CompletionModal({
  project: p,
  action,
  onClose,
}: {
  project: ProjectDetail;
  action: 'reportCompletion' | 'reportRectified';
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ report?: string; completedOn?: string }>();
  const { submit, pending } = useFormMutation({
    form,
    schema: completionInput,
    mutationFn: (input) => actOnProject(p.id, action, input),
    invalidate: livelihoodKey,
    onSuccess: onClose,
  });
  return (
    <FormModal
      name="completion"
      title={t(`livelihood.projectAction.${action}`)}
      open
      form={form}
      initialValues={{ completedOn: today() }}
      pending={pending}
      okText={t(`livelihood.projectAction.${action}`)}
      onFinish={(v) => submit(v)}
      onClose={onClose}
    >
      <Form.Item name="completedOn" label={t('livelihood.project.doneOn')} required>
        <Input type="date" />
      </Form.Item>
      <Form.Item name="report" label={t('livelihood.project.report')} required>
        <Input.TextArea rows={6} maxLength={8000} />
      </Form.Item>
    </FormModal>
  );
}
