import { useState, type ReactNode } from 'react';
import {
  Button,
  Descriptions,
  Flex,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
  type TableProps,
} from 'antd';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import {
  can,
  candidateInput,
  livelihoodCategory,
  proposalInput,
  reportMidYearInput,
  type CycleAction,
  type CycleDetail,
  type LivelihoodCategory,
  type Project,
  type Proposal,
  type ProposalAction,
} from '@renda/shared';
import { useCurrentUser } from '../../app/auth/session';
import { ConfirmedActions } from '../../components/ConfirmedActions';
import { DetailLoader } from '../../components/DetailLoader';
import { FormModal } from '../../components/FormModal';
import { FormSelect } from '../../components/FormSelect';
import { RemoteSelect } from '../../components/RemoteSelect';
import { useAction, useFormMutation } from '../../components/mutations';
import { Page } from '../../components/Page';
import { Section } from '../../components/Section';
import { useSectionPage } from '../../components/PagedTable';
import { useUnitSource } from '../../components/remoteSources';
import {
  actOnCycle,
  actOnProposal,
  classify,
  createCandidate,
  deleteCandidate,
  livelihoodKey,
  livelihoodUrls,
  propose,
  useCycle,
} from './api';
import { VoteSection } from './VoteSection';

export function CycleDetailPage() {
  const { id = '' } = useParams();
  return <DetailLoader query={useCycle(id)}>{(c) => <CycleDetail cycle={c} />}</DetailLoader>;
}

type StaffAction = Exclude<CycleAction, 'announce' | 'finishEvaluation'>;

function CycleDetail({ cycle: c }: { cycle: CycleDetail }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [midYear, setMidYear] = useState(false);
  const staff = can(user.role, 'livelihood.manage');
  return (
    <Page
      title={c.title}
      extra={
        <Flex gap="small" wrap>
          {c.allowedActions.includes('reportMidYear') && (
            <Button onClick={() => setMidYear(true)}>{t('livelihood.cycleAction.reportMidYear')}</Button>
          )}
          <ConfirmedActions
            actions={(c.allowedActions as StaffAction[]).filter((a) => a !== 'reportMidYear')}
            label={(a) => t(`livelihood.cycleAction.${a}`)}
            act={(a) => actOnCycle(c.id, a)}
            invalidate={livelihoodKey}
            primary={(a) => a !== 'reopenScreening'}
            successMessage={t('livelihood.cycle.acted')}
          />
        </Flex>
      }
    >
      <Flex vertical gap="middle">
        <Section title={t('livelihood.cycle.state')}>
          <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small">
            <Descriptions.Item label={t('livelihood.cycle.state')}>
              <Tag color="processing">{c.stateLabel}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('livelihood.cycle.places')}>{c.places}</Descriptions.Item>
            <Descriptions.Item label={t('livelihood.cycle.solicitUntil')}>{c.solicitUntil ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('livelihood.cycle.proposals')}>{c.proposalCount}</Descriptions.Item>
            <Descriptions.Item label={t('livelihood.cycle.candidates')}>{c.candidateCount}</Descriptions.Item>
            <Descriptions.Item label={t('livelihood.cycle.chosen')}>{c.chosenCount}</Descriptions.Item>
            <Descriptions.Item label={t('livelihood.cycle.rule')} span="filled">
              {c.ruleText}
            </Descriptions.Item>
            <Descriptions.Item label={t('livelihood.cycle.evaluationRule')} span="filled">
              {c.evaluationRuleText}
            </Descriptions.Item>
            {c.midYearReport && (
              <Descriptions.Item label={`${t('livelihood.cycle.midYear')}（${c.midYearReportedOn}）`} span="filled">
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{c.midYearReport}</Typography.Paragraph>
              </Descriptions.Item>
            )}
          </Descriptions>
          <Space wrap>
            <a href={livelihoodUrls.portal(c.id)} target="_blank" rel="noreferrer">
              {t('livelihood.cycle.portal')}
            </a>
          </Space>
        </Section>
        {staff && c.state === 'soliciting' && <QrSection cycle={c} />}
        <ProposalsSection cycle={c} />
        <CandidatesSection cycle={c} />
        <VoteSection cycle={c} />
      </Flex>
      {midYear && <MidYearModal cycle={c} onClose={() => setMidYear(false)} />}
    </Page>
  );
}

function QrSection({ cycle: c }: { cycle: CycleDetail }) {
  const { t } = useTranslation();
  return (
    <Section title={t('livelihood.cycle.qr')}>
      <Flex gap="middle" wrap align="center">
        <img src={livelihoodUrls.qr(c.id)} alt={t('livelihood.cycle.qr')} width={160} height={160} />
        <Flex vertical gap="small" style={{ maxWidth: 420 }}>
          <Typography.Text>{t('livelihood.cycle.qrHint')}</Typography.Text>
          <a href={livelihoodUrls.phonePage(c.publicCode)} target="_blank" rel="noreferrer">
            {t('livelihood.cycle.phonePage')}
          </a>
        </Flex>
      </Flex>
    </Section>
  );
}

// ---- proposals ----
function ProposalsSection({ cycle: c }: { cycle: CycleDetail }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [proposing, setProposing] = useState(false);
  const [acting, setActing] = useState<{ proposal: Proposal; action: ProposalAction } | null>(null);
  const { query, pagination } = useSectionPage<Proposal>([...livelihoodKey, 'proposals', c.id], '/api/livelihood/proposals', {
    cycleId: c.id,
  });
  const setCategory = useAction(({ id, category }: { id: string; category: LivelihoodCategory }) => classify(id, category), {
    invalidate: livelihoodKey,
  });
  const staff = can(user.role, 'livelihood.manage');
  const columns: TableColumnsType<Proposal> = [
    { title: t('livelihood.proposal.name'), dataIndex: 'title' },
    { title: t('livelihood.proposal.source'), dataIndex: 'sourceLabel' },
    { title: t('livelihood.proposal.proposer'), dataIndex: 'proposerName', render: (v: string | null) => v ?? '—' },
    {
      title: t('livelihood.proposal.category'),
      dataIndex: 'category',
      render: (v: LivelihoodCategory, p) =>
        staff && p.state === 'submitted' ? (
          <Select
            size="small"
            aria-label={`${t('livelihood.proposal.classify')} ${p.title}`}
            value={v}
            style={{ minWidth: 120 }}
            onChange={(category) => setCategory.mutate({ id: p.id, category })}
            options={livelihoodCategory.options.map((o) => ({ value: o, label: t(`livelihood.category.${o}`) }))}
          />
        ) : (
          t(`livelihood.category.${v}`)
        ),
    },
    { title: t('livelihood.proposal.state'), dataIndex: 'stateLabel', render: (v: string) => <Tag>{v}</Tag> },
    { title: t('livelihood.proposal.project'), dataIndex: 'projectName', render: (v: string | null) => v ?? '—' },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, p: Proposal) => (
        <Space wrap>
          {p.allowedActions.map((action) => (
            <Button key={action} size="small" onClick={() => setActing({ proposal: p, action })}>
              {t(`livelihood.proposalAction.${action}`)}
            </Button>
          ))}
        </Space>
      ),
    },
  ];
  const mayPropose = can(user.role, 'livelihood.propose') && (c.state === 'soliciting' || (staff && c.state === 'screening'));
  return (
    <TableSection<Proposal>
      title={t('livelihood.proposal.title')}
      add={mayPropose && { label: t('livelihood.proposal.new'), onClick: () => setProposing(true) }}
      table={{
        columns,
        dataSource: query.data?.items,
        loading: query.isFetching,
        pagination,
        expandable: {
          expandedRowRender: (p: Proposal) => <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{p.content}</Typography.Paragraph>,
        },
      }}
    >
      {proposing && <ProposeModal cycleId={c.id} onClose={() => setProposing(false)} />}
      {acting && <ProposalActionModal cycleId={c.id} {...acting} onClose={() => setActing(null)} />}
    </TableSection>
  );
}

type ProposeValues = { title?: string; content?: string; location?: string; category?: LivelihoodCategory };

function ProposeModal({ cycleId, onClose }: { cycleId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ProposeValues>();
  const { submit, pending } = useFormMutation({
    form,
    schema: proposalInput,
    mutationFn: propose,
    invalidate: livelihoodKey,
    successMessage: t('livelihood.proposal.submitted'),
    onSuccess: onClose,
  });
  return (
    <FormModal<ProposeValues>
      name="proposal"
      title={t('livelihood.proposal.new')}
      open
      form={form}
      initialValues={{ category: 'other' }}
      pending={pending}
      onFinish={(v) => submit({ ...v, cycleId, location: v.location || null })}
      onClose={onClose}
    >
      <Form.Item name="title" label={t('livelihood.proposal.name')} required>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="content" label={t('livelihood.proposal.content')} required>
        <Input.TextArea rows={4} maxLength={4000} />
      </Form.Item>
      <Form.Item name="location" label={t('livelihood.proposal.location')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="category" label={t('livelihood.proposal.category')}>
        <FormSelect options={livelihoodCategory.options.map((o) => ({ value: o, label: t(`livelihood.category.${o}`) }))} />
      </Form.Item>
    </FormModal>
  );
}

function ProposalActionModal({
  cycleId,
  proposal,
  action,
  onClose,
}: {
  cycleId: string;
  proposal: Proposal;
  action: ProposalAction;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ projectId?: string; intoId?: string; reason?: string }>();
  const run = useAction((v: { projectId?: string; intoId?: string; reason?: string }) => actOnProposal(proposal.id, action, v), {
    invalidate: livelihoodKey,
    form,
    onSuccess: onClose,
  });
  const candidates = useSectionPage<Project>([...livelihoodKey, 'candidates', cycleId], '/api/livelihood/projects', {
    cycleId,
    pageSize: 100,
  }).query;
  const others = useSectionPage<Proposal>([...livelihoodKey, 'proposals', cycleId], '/api/livelihood/proposals', {
    cycleId,
    state: 'submitted',
  }).query;
  return (
    <FormModal
      name={`proposal-${action}`}
      title={`${t(`livelihood.proposalAction.${action}`)}：${proposal.title}`}
      open
      form={form}
      pending={run.isPending}
      okText={t(`livelihood.proposalAction.${action}`)}
      onFinish={(v) => run.mutate(v)}
      onClose={onClose}
    >
      {action === 'adopt' && (
        <Form.Item name="projectId" label={t('livelihood.proposal.project')} required>
          <FormSelect options={(candidates.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))} />
        </Form.Item>
      )}
      {action === 'merge' && (
        <Form.Item name="intoId" label={t('livelihood.proposal.intoId')} required>
          <FormSelect
            options={(others.data?.items ?? []).filter((p) => p.id !== proposal.id).map((p) => ({ value: p.id, label: p.title }))}
          />
        </Form.Item>
      )}
      {action === 'decline' && (
        <Form.Item name="reason" label={t('livelihood.proposal.reason')} required>
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      )}
    </FormModal>
  );
}

// ---- candidates ----
function CandidatesSection({ cycle: c }: { cycle: CycleDetail }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [adding, setAdding] = useState(false);
  const { query, pagination } = useSectionPage<Project>([...livelihoodKey, 'candidates', c.id], '/api/livelihood/projects', {
    cycleId: c.id,
  });
  const remove = useAction((id: string) => deleteCandidate(id), {
    invalidate: livelihoodKey,
    successMessage: t('livelihood.project.removed'),
  });
  const editable = can(user.role, 'livelihood.manage') && c.state === 'screening';
  const columns: TableColumnsType<Project> = [
    {
      title: t('livelihood.project.name'),
      dataIndex: 'name',
      render: (v: string, p) => <Link to={`/livelihood-projects/projects/${p.id}`}>{v}</Link>,
    },
    { title: t('livelihood.project.location'), dataIndex: 'location' },
    { title: t('livelihood.project.budget'), dataIndex: 'budget' },
    { title: t('livelihood.project.unit'), dataIndex: 'unitName' },
    { title: t('livelihood.project.target'), dataIndex: 'target' },
    { title: t('livelihood.project.dueOn'), dataIndex: 'dueOn' },
    { title: t('livelihood.project.votes'), dataIndex: 'votes', render: (v: number | null) => v ?? '—' },
    { title: t('livelihood.project.state'), dataIndex: 'stateLabel', render: (v: string) => <Tag>{v}</Tag> },
    ...(editable
      ? [
          {
            title: t('common.actions'),
            key: 'remove',
            render: (_: unknown, p: Project) => (
              <Popconfirm
                title={t('livelihood.project.remove')}
                onConfirm={() => remove.mutate(p.id)}
                okText={t('livelihood.project.remove')}
                cancelText={t('common.cancel')}
              >
                <Button size="small" danger>
                  {t('livelihood.project.remove')}
                </Button>
              </Popconfirm>
            ),
          },
        ]
      : []),
  ];
  return (
    <TableSection<Project>
      title={t('livelihood.project.candidates')}
      add={editable && { label: t('livelihood.project.newCandidate'), onClick: () => setAdding(true) }}
      table={{ columns, dataSource: query.data?.items, loading: query.isFetching, pagination }}
    >
      {adding && <CandidateModal cycle={c} onClose={() => setAdding(false)} />}
    </TableSection>
  );
}

/** A list of the cycle (proposals, candidates): its title, the add button when one may add, its paged table. */
function TableSection<T extends { id: string }>({
  title,
  add,
  table,
  children,
}: {
  title: string;
  add: { label: string; onClick: () => void } | false;
  table: TableProps<T>;
  children?: ReactNode;
}) {
  return (
    <Section
      title={title}
      extra={
        add && (
          <Button type="primary" onClick={add.onClick}>
            {add.label}
          </Button>
        )
      }
    >
      <Table<T> rowKey="id" size="small" scroll={{ x: 'max-content' }} {...table} />
      {children}
    </Section>
  );
}

type CandidateValues = {
  name?: string;
  content?: string;
  location?: string;
  budget?: number;
  unitId?: string;
  target?: string;
  dueOn?: string;
  category?: LivelihoodCategory;
  proposalIds?: string[];
};

function CandidateModal({ cycle: c, onClose }: { cycle: CycleDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CandidateValues>();
  // A township's projects are mostly carried out by the county's departments (seed 003, 区镇全覆盖; the demo's
  // 王江泾镇 names 秀洲区 bureaus) and a township body has no units of its own, so the picker offers every
  // unit the server accepts (any unit in the user's scope), each with its body, not only the cycle body's.
  const units = useUnitSource(undefined, true);
  const open = useSectionPage<Proposal>([...livelihoodKey, 'proposals', c.id, 'open'], '/api/livelihood/proposals', {
    cycleId: c.id,
    state: 'submitted',
  }).query;
  const { submit, pending } = useFormMutation({
    form,
    schema: candidateInput,
    mutationFn: createCandidate,
    invalidate: livelihoodKey,
    onSuccess: onClose,
  });
  return (
    <FormModal<CandidateValues>
      name="candidate"
      title={t('livelihood.project.newCandidate')}
      open
      form={form}
      width={640}
      initialValues={{ category: 'other', dueOn: `${c.year}-12-31`, proposalIds: [] }}
      pending={pending}
      onFinish={(v) => submit({ ...v, cycleId: c.id, regionCode: null })}
      onClose={onClose}
    >
      <Form.Item name="name" label={t('livelihood.project.name')} required>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="content" label={t('livelihood.project.content')} required>
        <Input.TextArea rows={3} maxLength={4000} />
      </Form.Item>
      <Form.Item name="location" label={t('livelihood.project.location')} required>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="budget" label={t('livelihood.project.budget')} required>
        <InputNumber min={0} step={10} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="unitId" label={t('livelihood.project.unit')} required>
        <RemoteSelect source={units} />
      </Form.Item>
      <Form.Item name="target" label={t('livelihood.project.target')} required>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
      <Form.Item name="dueOn" label={t('livelihood.project.dueOn')} required>
        <Input type="date" />
      </Form.Item>
      <Form.Item name="category" label={t('livelihood.project.category')}>
        <FormSelect options={livelihoodCategory.options.map((o) => ({ value: o, label: t(`livelihood.category.${o}`) }))} />
      </Form.Item>
      <Form.Item name="proposalIds" label={t('livelihood.project.proposals')}>
        <FormSelect mode="multiple" options={(open.data?.items ?? []).map((p) => ({ value: p.id, label: p.title }))} />
      </Form.Item>
    </FormModal>
  );
}

function MidYearModal({ cycle: c, onClose }: { cycle: CycleDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ report?: string; reportedOn?: string }>();
  const { submit, pending } = useFormMutation({
    form,
    schema: reportMidYearInput,
    mutationFn: (input) => actOnCycle(c.id, 'reportMidYear', input),
    invalidate: livelihoodKey,
    onSuccess: onClose,
  });
  return (
    <FormModal
      name="mid-year"
      title={t('livelihood.cycle.midYear')}
      open
      form={form}
      pending={pending}
      onFinish={(v) => submit(v)}
      onClose={onClose}
    >
      <Form.Item name="reportedOn" label={t('livelihood.cycle.midYearReportedOn')} required>
        <Input type="date" />
      </Form.Item>
      <Form.Item name="report" label={t('livelihood.cycle.midYearReport')} required>
        <Input.TextArea rows={6} maxLength={8000} />
      </Form.Item>
    </FormModal>
  );
}
