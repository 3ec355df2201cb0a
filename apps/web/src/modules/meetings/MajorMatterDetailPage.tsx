import { useState } from 'react';
import { Button, Descriptions, Flex, Form, Input, Modal, Typography } from 'antd';
import { FileWordOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { can, type MajorMatter, type MajorMatterAction, type Meeting, type Page as PageOf } from '@renda/shared';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api';
import { useCurrentUser } from '../../app/auth/session';
import { DetailLoader } from '../../components/DetailLoader';
import { FormSelect } from '../../components/FormSelect';
import { useAction } from '../../components/mutations';
import { Page } from '../../components/Page';
import { FollowUpTasks } from '../followups/FollowUpTasks';
import { actOnMajorMatter, majorMattersKey, meetingUrls, useMajorMatter } from './api';

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
  const [form] = Form.useForm();
  const act = useAction((v: { action: MajorMatterAction; input: Record<string, unknown> }) => actOnMajorMatter(m.id, v.action, v.input), {
    invalidate: key,
    form,
    onSuccess: () => setStep(null),
  });
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
        // 公布与实施: the decision's implementation, followed as tasks of the responsible units.
        <FollowUpTasks subjectType="major_matter" subjectId={m.id} bodyId={m.bodyId} title={t('meetings.matters.tasks')} />
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
    </Page>
  );
}
