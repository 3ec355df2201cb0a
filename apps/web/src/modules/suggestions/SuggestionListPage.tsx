import { useState } from 'react';
import { Button, Space, type TableColumnsType } from 'antd';
import { BarChartOutlined, CalendarOutlined, DownloadOutlined, EditOutlined, EyeOutlined, SettingOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { can, suggestionKind, suggestionState, type SuggestionListItem } from '@renda/shared';
import { queryString } from '../../app/api';
import { useCurrentUser } from '../../app/auth/session';
import { Page } from '../../components/Page';
import { PagedTable, usePagedList, type FilterField } from '../../components/PagedTable';
import { useUnitSource } from '../../components/remoteSources';
import { suggestionsKey, useSessions } from './api';
import { ItemMarks, StateBadge } from './labels';
import { SessionFormModal } from './SessionFormModal';
import { SettingsFormModal } from './SettingsFormModal';
import { UnitAssignmentsPage } from './UnitAssignmentsPage';
import { DueDate } from '../../components/ProvisionalTag';
import type { CardView } from '../../components/ResponsiveTable';

/** The columns every list of items shares. */
export function useItemColumns<T extends SuggestionListItem>(): TableColumnsType<T> {
  const { t } = useTranslation();
  return [
    { title: t('suggestions.fields.number'), dataIndex: 'numberLabel', render: (v: string | null) => v ?? '—' },
    {
      title: t('suggestions.fields.title'),
      key: 'title',
      render: (_, item) => (
        <Space size={4} wrap>
          <Link to={`/suggestions/${item.id}`}>{item.title}</Link>
          <ItemMarks item={item} />
        </Space>
      ),
    },
    { title: t('suggestions.fields.kind'), dataIndex: 'kind', render: (k: T['kind']) => t(`suggestions.kind.${k}`) },
    { title: t('suggestions.fields.state'), dataIndex: 'state', render: (s: T['state']) => <StateBadge state={s} /> },
    { title: t('suggestions.fields.leadDeputy'), dataIndex: 'leadDeputyName' },
    { title: t('suggestions.fields.leadUnit'), dataIndex: 'leadUnitName', render: (v: string | null) => v ?? '—' },
    { title: t('suggestions.fields.dueAt'), dataIndex: 'dueAt', render: (at: string | null) => <DueDate at={at} /> },
    {
      title: t('suggestions.fields.category'),
      dataIndex: 'replyCategory',
      render: (c: T['replyCategory']) => (c ? t('suggestions.fields.categoryShort', { category: c }) : '—'),
    },
    { title: t('suggestions.fields.rating'), dataIndex: 'rating', render: (r: T['rating']) => (r ? t(`suggestions.rating.${r}`) : '—') },
  ];
}

/** An item as a card on a phone: number and title, state, reply deadline, the way in. */
export function useItemCard<T extends SuggestionListItem>(): CardView<T> {
  const { t } = useTranslation();
  return {
    title: (item) => (
      <Space size={4} wrap>
        <span>{item.title}</span>
        <ItemMarks item={item} />
      </Space>
    ),
    state: (item) => <StateBadge state={item.state} />,
    deadline: (item) =>
      item.dueAt ? (
        <>
          {t('suggestions.fields.dueAt')} <DueDate at={item.dueAt} />
        </>
      ) : null,
    facts: (item) => [
      [t('suggestions.fields.number'), item.numberLabel ?? '—'],
      [t('suggestions.fields.leadDeputy'), item.leadDeputyName],
      [t('suggestions.fields.leadUnit'), item.leadUnitName ?? '—'],
    ],
    action: (item) => <Link to={`/suggestions/${item.id}`}>{t('suggestions.list.open')}</Link>,
  };
}

/**
 * 建议议案: staff, leaders and administrators see their bodies' items with every filter; a deputy
 * sees the items they lead or co-sign and drafts new ones; a handling unit sees its own inbox.
 */
export function SuggestionListPage() {
  const user = useCurrentUser();
  if (user.role === 'handling_unit') return <UnitAssignmentsPage />;
  return <SuggestionList />;
}

function SuggestionList() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const deputy = user.role === 'deputy';
  const list = usePagedList<SuggestionListItem>(suggestionsKey, '/api/suggestions');
  const sessions = useSessions();
  const units = useUnitSource(user.bodyId);
  const [sessionForm, setSessionForm] = useState(false);
  const [settingsForm, setSettingsForm] = useState(false);
  const columns = useItemColumns<SuggestionListItem>();
  const itemCard = useItemCard<SuggestionListItem>();
  const yesNo = [
    { value: 'true', label: t('suggestions.list.yes') },
    { value: 'false', label: t('suggestions.list.no') },
  ];

  const filters: FilterField[] = [
    { kind: 'text', param: 'q', label: t('suggestions.list.search'), placeholder: t('suggestions.list.searchPlaceholder') },
    {
      kind: 'select',
      param: 'sessionId',
      label: t('suggestions.fields.session'),
      options: (sessions.data ?? []).map((s) => ({ value: s.id, label: s.name })),
      loading: sessions.isFetching,
    },
    {
      kind: 'select',
      param: 'state',
      label: t('suggestions.fields.state'),
      options: suggestionState.options.map((s) => ({ value: s, label: t(`suggestions.state.${s}`) })),
    },
    {
      kind: 'select',
      param: 'kind',
      label: t('suggestions.fields.kind'),
      options: suggestionKind.options.map((k) => ({ value: k, label: t(`suggestions.kind.${k}`) })),
    },
    {
      kind: 'select',
      param: 'awaiting',
      label: t('suggestions.list.awaiting'),
      options: (deputy ? (['cosign', 'rating'] as const) : (['reassignment', 'extension'] as const)).map((a) => ({
        value: a,
        label: t(`suggestions.list.awaitingOption.${a}`),
      })),
    },
    {
      kind: 'select',
      param: 'sort',
      label: t('suggestions.list.sort'),
      options: [{ value: 'number', label: t('suggestions.list.sortByNumber') }],
    },
    { kind: 'dateRange', from: 'from', to: 'to', label: t('suggestions.detail.submittedAt') },
    ...(deputy
      ? []
      : ([
          { kind: 'remote', param: 'unitId', label: t('suggestions.list.unit'), source: units },
          { kind: 'select', param: 'isKey', label: t('suggestions.list.isKey'), options: yesNo },
          { kind: 'select', param: 'overdue', label: t('suggestions.list.overdue'), options: yesNo },
        ] satisfies FilterField[])),
    // A congress leader follows the key suggestions they supervise (督办).
    ...(user.role === 'leader'
      ? ([{ kind: 'select', param: 'supervisedByMe', label: t('suggestions.list.supervisedByMe'), options: yesNo }] satisfies FilterField[])
      : []),
  ];

  return (
    <Page
      title={t(deputy ? 'suggestions.list.titleDeputy' : 'suggestions.list.title')}
      extra={
        <>
          {can(user.role, 'suggestions.draft') && (
            <Button type="primary" icon={<EditOutlined />} onClick={() => navigate('/suggestions/new')}>
              {t('suggestions.list.draft')}
            </Button>
          )}
          {user.role === 'leader' && (
            <Button icon={<EyeOutlined />} onClick={() => navigate('/suggestions?supervisedByMe=true')}>
              {t('suggestions.list.supervisedByMe')}
            </Button>
          )}
          {can(user.role, 'suggestions.rates') && (
            <Button icon={<BarChartOutlined />} onClick={() => navigate('/suggestions/rates')}>
              {t('suggestions.list.rates')}
            </Button>
          )}
          {can(user.role, 'suggestions.manage') && (
            <Button icon={<CalendarOutlined />} onClick={() => setSessionForm(true)}>
              {t('suggestions.session.create')}
            </Button>
          )}
          {can(user.role, 'suggestions.settings') && (
            <Button icon={<SettingOutlined />} onClick={() => setSettingsForm(true)}>
              {t('suggestions.settings.title')}
            </Button>
          )}
          {!deputy && (
            <Button icon={<DownloadOutlined />} href={`/api/suggestions/export${queryString(list.filters)}`}>
              {t('suggestions.list.export')}
            </Button>
          )}
        </>
      }
    >
      <PagedTable list={list} filters={filters} columns={columns} card={itemCard} />
      {sessionForm && <SessionFormModal onClose={() => setSessionForm(false)} />}
      {settingsForm && <SettingsFormModal onClose={() => setSettingsForm(false)} />}
    </Page>
  );
}
