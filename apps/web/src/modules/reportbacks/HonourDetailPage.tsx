import { lazy, Suspense, useState } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  Descriptions,
  Flex,
  Form,
  Input,
  Popconfirm,
  Spin,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { tagColour } from '../../components/tagColours';
import { can, nominationInput, type HonourCampaign, type HonourNominee, type HonourResultRow, type HonourVoter } from '@renda/shared';
import { useCurrentUser } from '../../app/auth/session';
import { FormModal } from '../../components/FormModal';
import { FormSelect } from '../../components/FormSelect';
import { useAction, useFormMutation } from '../../components/mutations';
import { Page } from '../../components/Page';
import { useDeputySearch } from '../deputies/api';
import { Section } from '../../components/Section';
import {
  honoursKey,
  useHonour,
  useHonourVoters,
  actOnHonourCampaign,
  castHonourBallot,
  nominateForHonour,
  withdrawNomination,
} from './api';
import { ConfirmedActions } from '../../components/ConfirmedActions';
import { HonourFormModal } from './HonoursPage';
import { HonourStateTag } from './labels';
import { DetailLoader } from '../../components/DetailLoader';

const CountsChart = lazy(() => import('./CountsChart'));

export function HonourDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  return (
    <DetailLoader query={useHonour(id)} notFoundTitle={t('reportbacks.honours.notFound')}>
      {(campaign) => <HonourDetail campaign={campaign} />}
    </DetailLoader>
  );
}

function HonourDetail({ campaign: c }: { campaign: HonourCampaign }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const manage = can(user.role, 'honours.manage');
  const [nominating, setNominating] = useState(false);
  const [editing, setEditing] = useState(false);
  const withdraw = useAction((nominationId: string) => withdrawNomination(c.id, nominationId), {
    invalidate: honoursKey,
  });
  const nomineeColumns: TableColumnsType<HonourNominee> = [
    { title: t('reportbacks.honours.deputy'), dataIndex: 'deputyName' },
    { title: t('reportbacks.honours.reason'), dataIndex: 'reason' },
    { title: t('reportbacks.honours.nominatedBy'), dataIndex: 'nominatedBy' },
  ];
  if (manage && c.allowedActions.includes('withdrawNomination'))
    nomineeColumns.push({
      title: t('reportbacks.honours.actions'),
      key: 'actions',
      render: (_, n) => (
        <Popconfirm
          title={t('reportbacks.honours.withdrawConfirm', { name: n.deputyName })}
          okText={t('reportbacks.honours.withdraw')}
          cancelText={t('common.cancel')}
          onConfirm={() => withdraw.mutate(n.id)}
        >
          <Button type="link" size="small" danger aria-label={`${t('reportbacks.honours.withdraw')} ${n.deputyName}`}>
            {t('reportbacks.honours.withdraw')}
          </Button>
        </Popconfirm>
      ),
    });
  return (
    <Page
      title={c.title}
      extra={
        manage && (
          <Flex gap="small" wrap>
            {c.allowedActions.includes('edit') && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t('reportbacks.honours.edit')}
              </Button>
            )}
            <ConfirmedActions
              actions={(['openVoting', 'close'] as const).filter((a) => c.allowedActions.includes(a))}
              label={(a) => t(`reportbacks.honours.${a}`)}
              act={(a) => actOnHonourCampaign(c.id, a)}
              invalidate={honoursKey}
            />
          </Flex>
        )
      }
    >
      <Flex vertical gap="middle">
        <Section title={t('reportbacks.honours.info')}>
          <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small">
            <Descriptions.Item label={t('reportbacks.fields.body')}>{c.bodyName}</Descriptions.Item>
            <Descriptions.Item label={t('common.status')}>
              <HonourStateTag state={c.state} />
            </Descriptions.Item>
            <Descriptions.Item label={t('reportbacks.honours.places')}>{c.places}</Descriptions.Item>
            <Descriptions.Item label={t('reportbacks.honours.maxChoices')}>{c.maxChoices}</Descriptions.Item>
            <Descriptions.Item label={t('reportbacks.honours.ballotsLabel')}>
              {t('reportbacks.honours.votedCount', { count: c.ballotsCast })}
            </Descriptions.Item>
          </Descriptions>
          {c.description && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{c.description}</Typography.Paragraph>}
        </Section>
        <Section
          title={t('reportbacks.honours.nominees')}
          extra={
            manage &&
            c.allowedActions.includes('nominate') && (
              <Button icon={<PlusOutlined />} onClick={() => setNominating(true)}>
                {t('reportbacks.honours.nominate')}
              </Button>
            )
          }
        >
          <Table rowKey="id" size="small" dataSource={c.nominees} columns={nomineeColumns} pagination={false} />
        </Section>
        {c.state === 'voting' && <Ballot campaign={c} />}
        {c.state === 'closed' && c.voteId && <Link to={`/votes/${c.voteId}/verify`}>{t('votes.verifyLink')}</Link>}
        {manage && <Voters campaign={c} />}
        <Outcome campaign={c} />
      </Flex>
      {nominating && <NominateModal campaign={c} onClose={() => setNominating(false)} />}
      {editing && <HonourFormModal campaign={c} onClose={() => setEditing(false)} />}
    </Page>
  );
}

/** An eligible voter's one ballot: up to maxChoices nominees, final once cast. */
function Ballot({ campaign: c }: { campaign: HonourCampaign }) {
  const { t } = useTranslation();
  const [choices, setChoices] = useState<string[]>([]);
  const [code, setCode] = useState<string>();
  // The ballot's own notice ("您已投票") replaces the form: no toast besides.
  const vote = useAction((nominationIds: string[]) => castHonourBallot(c.id, nominationIds), {
    invalidate: honoursKey,
    successMessage: false,
    onSuccess: (result) => setCode(result.ballotCode),
  });
  const body = !c.eligible ? (
    <Alert type="info" showIcon message={t('reportbacks.honours.notEligible')} />
  ) : c.voted ? (
    <Alert
      type="success"
      showIcon
      message={t('reportbacks.honours.voted')}
      description={code ? `${t('votes.ballot.yourCode')}：${code}。${t('votes.ballot.codeHint')}` : undefined}
    />
  ) : (
    <Flex vertical gap="middle" align="start">
      <Typography.Text id="ballot-hint">{t('reportbacks.honours.ballotHint', { max: c.maxChoices })}</Typography.Text>
      <Checkbox.Group
        aria-describedby="ballot-hint"
        value={choices}
        onChange={(v) => setChoices(v)}
        options={c.nominees.map((n) => ({
          value: n.id,
          label: n.deputyName,
          disabled: choices.length >= c.maxChoices && !choices.includes(n.id),
        }))}
      />
      <Popconfirm
        title={t('reportbacks.honours.confirm', { action: t('reportbacks.honours.vote') })}
        okText={t('reportbacks.honours.vote')}
        cancelText={t('common.cancel')}
        onConfirm={() => vote.mutate(choices)}
        disabled={choices.length === 0}
      >
        <Button type="primary" disabled={choices.length === 0} loading={vote.isPending}>
          {t('reportbacks.honours.vote')}
        </Button>
      </Popconfirm>
    </Flex>
  );
  return <Section title={t('reportbacks.honours.ballot')}>{body}</Section>;
}

/** The electorate and the turnout: who has voted, never for whom. */
function Voters({ campaign: c }: { campaign: HonourCampaign }) {
  const { t } = useTranslation();
  const voters = useHonourVoters(c.id);
  const list = voters.data ?? [];
  const columns = [
    { title: t('reportbacks.honours.voterName'), dataIndex: 'name' },
    { title: t('reportbacks.honours.voterKind'), dataIndex: 'kindLabel' },
    {
      title: t('reportbacks.honours.ballotsLabel'),
      dataIndex: 'voted',
      render: (v: boolean) =>
        v ? <Tag color={tagColour.success}>{t('reportbacks.honours.ballots')}</Tag> : <Tag>{t('reportbacks.honours.notVoted')}</Tag>,
    },
  ];
  return (
    <Section title={t('reportbacks.honours.voters')}>
      <Typography.Paragraph>
        {t('reportbacks.honours.votersSummary', { total: list.length, voted: list.filter((v) => v.voted).length })}
      </Typography.Paragraph>
      <Table<HonourVoter>
        rowKey="userId"
        size="small"
        loading={voters.isFetching}
        dataSource={list}
        columns={columns}
        pagination={{ pageSize: 10 }}
      />
    </Section>
  );
}

const outcomeColour = { honoured: 'success', tied: 'warning', not_honoured: 'default' } as const;

/** The ranked result, published when the vote closes; a tie across the last place is left to the body. */
function Outcome({ campaign: c }: { campaign: HonourCampaign }) {
  const { t } = useTranslation();
  if (!c.results)
    return (
      <Section title={t('reportbacks.honours.results')}>
        <Typography.Text type="secondary">{t('reportbacks.honours.resultsPending')}</Typography.Text>
      </Section>
    );
  const columns = [
    { title: t('reportbacks.honours.rank'), dataIndex: 'rank' },
    { title: t('reportbacks.honours.deputy'), dataIndex: 'deputyName' },
    { title: t('reportbacks.honours.votes'), dataIndex: 'votes' },
    {
      title: t('common.status'),
      dataIndex: 'outcome',
      render: (o: HonourResultRow['outcome']) => <Tag color={tagColour[outcomeColour[o]]}>{t(`reportbacks.honours.outcome.${o}`)}</Tag>,
    },
  ];
  return (
    <Section title={t('reportbacks.honours.results')}>
      <Suspense fallback={<Spin />}>
        <CountsChart
          bars={c.results.map((r) => ({ name: r.deputyName, value: r.votes }))}
          description={`${t('reportbacks.honours.chart')}：${c.results.map((r) => `${r.deputyName} ${r.votes}`).join('，')}`}
        />
      </Suspense>
      {c.results.some((r) => r.outcome === 'tied') && <Alert type="warning" showIcon message={t('reportbacks.honours.tieHint')} />}
      <Table<HonourResultRow> rowKey="nominationId" size="small" dataSource={c.results} columns={columns} pagination={false} />
    </Section>
  );
}

type Values = Record<string, unknown> & { deputyId?: string };

function NominateModal({ campaign: c, onClose }: { campaign: HonourCampaign; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const deputyId = Form.useWatch('deputyId', form);
  const deputies = useDeputySearch({ bodyId: c.bodyId }, deputyId ? [deputyId] : []);
  const { submit, pending } = useFormMutation({
    form,
    schema: nominationInput,
    mutationFn: (input) => nominateForHonour(c.id, input),
    invalidate: honoursKey,
    onSuccess: onClose,
  });
  return (
    <FormModal<Values>
      name="nomination"
      title={t('reportbacks.honours.nominateTitle')}
      open
      form={form}
      pending={pending}
      onFinish={submit}
      onClose={onClose}
    >
      <Form.Item name="deputyId" label={t('reportbacks.honours.deputy')} required>
        <FormSelect showSearch filterOption={false} options={deputies.options} loading={deputies.loading} onSearch={deputies.onSearch} />
      </Form.Item>
      <Form.Item name="reason" label={t('reportbacks.honours.reason')} required>
        <Input.TextArea rows={4} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}
