import { useState, type ReactNode } from 'react';
import { Alert, Button, Card, DatePicker, Descriptions, Flex, List, Spin, Table, Typography, type TableColumnsType } from 'antd';
import { ArrowLeftOutlined, DownloadOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import {
  actionUrl,
  can,
  clueActions,
  clueKind,
  clueStatus,
  type CampaignClue,
  type CampaignDetail,
  type CampaignFigures,
  type CampaignVisit,
  type ClueAction,
} from '@renda/shared';
import { api, queryString } from '../../../app/api';
import { useCurrentUser } from '../../../app/auth/session';
import { useAction } from '../../../components/mutations';
import { Page } from '../../../components/Page';
import { PagedTable, usePagedList, useSectionPage, type FilterField } from '../../../components/PagedTable';
import { useUnitSource } from '../../../components/remoteSources';
import { OverdueTag } from '../StatusTag';
import { campaignsKey, useCampaign, useDispatch, visitsKey } from './api';
import { CampaignEditModal } from './CampaignEditModal';
import { ClueSuggestionLink, LinkSuggestionModal } from './ClueSuggestion';
import { ClueActionModal, ClueFormModal, TeamFormModal, VisitFormModal } from './forms';
import { CampaignStatusTag, ClueStatusTag } from './tags';

const figureKeys: { key: keyof CampaignFigures; label: string }[] = [
  { key: 'visits', label: 'campaigns.visits' },
  { key: 'personTimes', label: 'campaigns.personTimes' },
  { key: 'deputies', label: 'campaigns.deputies' },
  { key: 'problems', label: 'campaigns.problems' },
  { key: 'suggestions', label: 'campaigns.suggestions' },
  { key: 'transferred', label: 'campaigns.transferred' },
  { key: 'transferredToGovernment', label: 'campaigns.transferredToGovernment' },
  { key: 'closed', label: 'campaigns.closed' },
  { key: 'open', label: 'campaigns.openClues' },
  { key: 'overdue', label: 'campaigns.overdue' },
];

function Section({ title, extra, children }: { title: string; extra?: ReactNode; children: ReactNode }) {
  return (
    <Card className="section-card" title={<h2 className="card-heading">{title}</h2>} extra={extra}>
      {children}
    </Card>
  );
}

function Figures({ figures }: { figures: CampaignFigures }) {
  const { t } = useTranslation();
  return (
    <Descriptions column={{ xs: 2, md: 5 }} size="small" bordered>
      {figureKeys.map((f) => (
        <Descriptions.Item key={f.key} label={t(f.label as 'campaigns.visits')}>
          {figures[f.key]}
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}

function Teams({ campaign, manage }: { campaign: CampaignDetail; manage: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <Section
      title={t('campaigns.teams')}
      extra={
        manage && (
          <Button icon={<PlusOutlined />} onClick={() => setOpen(true)}>
            {t('campaigns.addTeam')}
          </Button>
        )
      }
    >
      <List
        dataSource={campaign.teams}
        locale={{ emptyText: t('campaigns.noTeams') }}
        renderItem={(team) => (
          <List.Item>
            <List.Item.Meta
              title={`${team.name}${team.area ? `（${team.area}）` : ''}`}
              description={team.deputies.map((d) => d.name).join('、')}
            />
          </List.Item>
        )}
      />
      {open && <TeamFormModal campaign={campaign} open onClose={() => setOpen(false)} />}
    </Section>
  );
}

function Visits({ campaign, manage }: { campaign: CampaignDetail; manage: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const { query: visits, pagination } = useSectionPage<CampaignVisit>(visitsKey(campaign.id), `/api/campaigns/${campaign.id}/visits`);
  const columns: TableColumnsType<CampaignVisit> = [
    { title: t('campaigns.visitedOn'), dataIndex: 'visitedOn' },
    { title: t('campaigns.team'), dataIndex: 'teamName', render: (name: string | null) => name ?? '—' },
    { title: t('campaigns.place'), dataIndex: 'place' },
    {
      title: t('campaigns.visitDeputies'),
      key: 'deputies',
      render: (_, v) => `${v.deputies.map((d) => d.name).join('、')}（${v.deputies.length}）`,
    },
    { title: t('campaigns.clueCount'), dataIndex: 'clueCount', align: 'right' },
  ];
  return (
    <Section
      title={t('campaigns.visitsTitle')}
      extra={
        manage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
            {t('campaigns.recordVisit')}
          </Button>
        )
      }
    >
      <Table<CampaignVisit>
        rowKey="id"
        size="small"
        scroll={{ x: 'max-content' }}
        columns={columns}
        dataSource={visits.data?.items}
        loading={visits.isFetching}
        pagination={pagination}
      />
      {open && <VisitFormModal campaign={campaign} open onClose={() => setOpen(false)} />}
    </Section>
  );
}

function Ledger({ campaign, manage }: { campaign: CampaignDetail; manage: boolean }) {
  const { t } = useTranslation();
  const list = usePagedList<CampaignClue>([...campaignsKey, 'clues', campaign.id], `/api/campaigns/${campaign.id}/clues`);
  const [adding, setAdding] = useState(false);
  const [acting, setActing] = useState<{ clue: CampaignClue; action: ClueAction } | null>(null);
  const [linking, setLinking] = useState<CampaignClue | null>(null);
  const units = useUnitSource(undefined, true);
  const confirm = useAction((id: string) => api.post(actionUrl(clueActions, id, 'confirm'), {}), {
    invalidate: campaignsKey,
  });
  const filters: FilterField[] = [
    { kind: 'text', param: 'q', label: t('campaigns.search'), placeholder: t('campaigns.clueContent') },
    {
      kind: 'select',
      param: 'status',
      label: t('campaigns.status'),
      options: clueStatus.options.map((s) => ({ value: s, label: t(`clueStatus.${s}`) })),
    },
    {
      kind: 'select',
      param: 'kind',
      label: t('campaigns.clueKind'),
      options: clueKind.options.map((k) => ({ value: k, label: t(`clueKind.${k}`) })),
    },
    { kind: 'select', param: 'teamId', label: t('campaigns.team'), options: campaign.teams.map((x) => ({ value: x.id, label: x.name })) },
    { kind: 'remote', param: 'handlingUnitId', label: t('campaigns.handlingUnitFilter'), source: units },
    {
      kind: 'select',
      param: 'overdue',
      label: t('campaigns.overdueFilter'),
      options: [
        { value: 'true', label: t('campaigns.overdueYes') },
        { value: 'false', label: t('campaigns.overdueNo') },
      ],
    },
  ];
  const columns: TableColumnsType<CampaignClue> = [
    { title: t('campaigns.number'), dataIndex: 'number' },
    { title: t('campaigns.clueKind'), dataIndex: 'kind', render: (k: CampaignClue['kind']) => t(`clueKind.${k}`) },
    { title: t('campaigns.foundOn'), dataIndex: 'foundOn' },
    { title: t('campaigns.team'), dataIndex: 'teamName', render: (n: string | null) => n ?? '—' },
    {
      title: t('campaigns.clueContent'),
      key: 'content',
      render: (_, c) => (
        <Typography.Paragraph className="opinion-summary">
          {c.content}
          {c.location && <Typography.Text type="secondary">（{c.location}）</Typography.Text>}
        </Typography.Paragraph>
      ),
    },
    { title: t('campaigns.status'), dataIndex: 'status', render: (s: CampaignClue['status']) => <ClueStatusTag status={s} /> },
    { title: t('campaigns.handlingUnit'), dataIndex: 'handlingUnitName', render: (n: string | null) => n ?? '—' },
    {
      title: t('campaigns.dueDate'),
      key: 'due',
      render: (_, c) => (
        <Flex gap="small" align="center">
          {c.dueDate ?? '—'}
          {c.overdue && <OverdueTag />}
        </Flex>
      ),
    },
    { title: t('campaigns.suggestion'), key: 'suggestion', render: (_, c) => <ClueSuggestionLink clue={c} /> },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, c) => (
        <Flex gap="small" wrap>
          {c.actions.map((action) => (
            <Button
              key={action}
              size="small"
              aria-label={`${t(`clueAction.${action}`)} ${c.number}`}
              onClick={() => (action === 'confirm' ? confirm.mutate(c.id) : setActing({ clue: c, action }))}
            >
              {t(`clueAction.${action}`)}
            </Button>
          ))}
          {manage && !c.suggestion && (
            <Button size="small" aria-label={`${t('campaigns.linkSuggestion')} ${c.number}`} onClick={() => setLinking(c)}>
              {t('campaigns.linkSuggestion')}
            </Button>
          )}
        </Flex>
      ),
    },
  ];
  return (
    <Section
      title={t('campaigns.ledger')}
      extra={
        <Flex gap="small" wrap>
          {manage && (
            <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              {t('campaigns.addClue')}
            </Button>
          )}
          <Button icon={<DownloadOutlined />} href={`/api/campaigns/${campaign.id}/clues/export${queryString(list.filters)}`}>
            {t('campaigns.exportLedger')}
          </Button>
        </Flex>
      }
    >
      <PagedTable<CampaignClue> list={list} filters={filters} columns={columns} size="small" />
      {adding && <ClueFormModal campaign={campaign} open onClose={() => setAdding(false)} />}
      {acting && <ClueActionModal clue={acting.clue} action={acting.action} onClose={() => setActing(null)} />}
      {linking && <LinkSuggestionModal clue={linking} onClose={() => setLinking(null)} />}
    </Section>
  );
}

function Dispatch({ campaign }: { campaign: CampaignDetail }) {
  const { t } = useTranslation();
  const latest = dayjs().format('YYYY-MM') < campaign.endsOn.slice(0, 7) ? dayjs() : dayjs(campaign.endsOn);
  const [month, setMonth] = useState<Dayjs>(latest.isBefore(dayjs(campaign.startsOn)) ? dayjs(campaign.startsOn) : latest);
  const key = month.format('YYYY-MM');
  const report = useDispatch(campaign.id, key);
  const rows = figureKeys.map((f) => ({
    key: f.key,
    label: t(f.label as 'campaigns.visits'),
    thisMonth: report.data?.thisMonth[f.key],
    cumulative: report.data?.cumulative[f.key],
  }));
  return (
    <Section
      title={t('campaigns.dispatch')}
      extra={
        <Button
          type="primary"
          icon={<DownloadOutlined />}
          href={`/api/campaigns/${campaign.id}/dispatch.docx?month=${key}`}
          disabled={!report.data}
        >
          {t('campaigns.dispatchDocx')}
        </Button>
      }
    >
      <Flex vertical gap="middle">
        <Flex gap="small" align="center">
          <label htmlFor="dispatch-month">{t('campaigns.dispatchMonth')}</label>
          <DatePicker
            id="dispatch-month"
            picker="month"
            allowClear={false}
            value={month}
            onChange={(d) => d && setMonth(d)}
            disabledDate={(d) =>
              d.isAfter(dayjs(), 'month') || d.isBefore(dayjs(campaign.startsOn), 'month') || d.isAfter(dayjs(campaign.endsOn), 'month')
            }
          />
        </Flex>
        {report.error && <Alert type="error" showIcon message={report.error.message} />}
        <Table
          size="small"
          pagination={false}
          loading={report.isFetching}
          dataSource={rows}
          columns={[
            { title: t('campaigns.figure'), dataIndex: 'label' },
            { title: t('campaigns.thisMonth'), dataIndex: 'thisMonth', align: 'right' },
            { title: t('campaigns.cumulative'), dataIndex: 'cumulative', align: 'right' },
          ]}
        />
      </Flex>
    </Section>
  );
}

/** One campaign: its totals, teams, field visits, the clue ledger and the monthly dispatch. */
export function CampaignDetailPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const manage = can(user.role, 'campaigns.manage');
  const { id = '' } = useParams();
  const { data, error, isPending } = useCampaign(id);
  const [editing, setEditing] = useState(false);
  const back = (
    <Link to="/opinions/campaigns">
      <ArrowLeftOutlined /> {t('campaigns.back')}
    </Link>
  );
  if (isPending || error || !data)
    return (
      <Page title={t('campaigns.title')} extra={back}>
        {error ? <Alert type="error" showIcon message={error.message} /> : <Spin />}
      </Page>
    );
  return (
    <Page
      title={data.title}
      extra={
        <Flex gap="middle" align="center">
          {manage && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              {t('campaigns.edit')}
            </Button>
          )}
          {back}
        </Flex>
      }
    >
      {editing && <CampaignEditModal campaign={data} onClose={() => setEditing(false)} />}
      <Descriptions column={{ xs: 1, md: 3 }} size="small">
        <Descriptions.Item label={t('campaigns.theme')}>{data.theme}</Descriptions.Item>
        <Descriptions.Item label={t('campaigns.body')}>{data.bodyName}</Descriptions.Item>
        <Descriptions.Item label={t('campaigns.period')}>
          <Flex gap="small" align="center">
            {`${data.startsOn} — ${data.endsOn}`}
            <CampaignStatusTag status={data.status} />
          </Flex>
        </Descriptions.Item>
        {data.description && (
          <Descriptions.Item label={t('campaigns.description')} span={3}>
            {data.description}
          </Descriptions.Item>
        )}
      </Descriptions>
      <Section title={t('campaigns.figures')}>
        <Figures figures={data.figures} />
      </Section>
      <Teams campaign={data} manage={manage} />
      <Visits campaign={data} manage={manage} />
      <Ledger campaign={data} manage={manage} />
      <Dispatch campaign={data} />
    </Page>
  );
}
