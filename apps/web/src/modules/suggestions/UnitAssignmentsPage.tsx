import { Space, Tag, type TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { assignmentRole, assignmentState, type UnitAssignmentItem } from '@renda/shared';
import { useCurrentUser } from '../../app/auth/session';
import { Page } from '../../components/Page';
import { PagedTable, usePagedList, type FilterField } from '../../components/PagedTable';
import { suggestionsKey, useSessions } from './api';
import { ItemMarks, StateBadge, formatDate } from './labels';
import { DueDate } from '../../components/ProvisionalTag';

/** 承办件: what was assigned to the user's unit, with the unit's own part and deadlines. */
export function UnitAssignmentsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const list = usePagedList<UnitAssignmentItem>([...suggestionsKey, 'assigned'], '/api/suggestions/assigned');
  const sessions = useSessions();
  const yes = [{ value: 'true', label: t('suggestions.list.yes') }];

  const filters: FilterField[] = [
    { kind: 'text', param: 'q', label: t('suggestions.list.search'), placeholder: t('suggestions.list.searchPlaceholder') },
    { kind: 'select', param: 'pending', label: t('suggestions.unit.pending'), options: yes },
    { kind: 'select', param: 'overdue', label: t('suggestions.list.overdue'), options: yes },
    {
      kind: 'select',
      param: 'role',
      label: t('suggestions.unit.role'),
      options: assignmentRole.options.map((r) => ({ value: r, label: t(`suggestions.assignmentRole.${r}`) })),
    },
    {
      kind: 'select',
      param: 'state',
      label: t('suggestions.unit.assignmentState'),
      options: assignmentState.options
        .filter((s) => s !== 'withdrawn')
        .map((s) => ({ value: s, label: t(`suggestions.assignmentState.${s}`) })),
    },
    {
      kind: 'select',
      param: 'sort',
      label: t('suggestions.unit.order'),
      options: [{ value: 'due', label: t('suggestions.unit.soonestDue') }],
    },
    {
      kind: 'select',
      param: 'sessionId',
      label: t('suggestions.fields.session'),
      options: (sessions.data ?? []).map((s) => ({ value: s.id, label: s.name })),
      loading: sessions.isFetching,
    },
  ];

  const columns: TableColumnsType<UnitAssignmentItem> = [
    { title: t('suggestions.fields.number'), dataIndex: 'numberLabel', render: (v: string | null) => v ?? '—' },
    {
      title: t('suggestions.fields.title'),
      key: 'title',
      render: (_, item) => (
        <Space size={4} wrap>
          <Link to={`/suggestions/${item.id}`}>{item.title}</Link>
          <ItemMarks item={{ isKey: item.isKey, overdue: false }} />
        </Space>
      ),
    },
    { title: t('suggestions.unit.role'), key: 'role', render: (_, item) => t(`suggestions.assignmentRole.${item.assignment.role}`) },
    {
      title: t('suggestions.unit.assignmentState'),
      key: 'astate',
      render: (_, item) => t(`suggestions.assignmentState.${item.assignment.state}`),
    },
    { title: t('suggestions.fields.state'), dataIndex: 'state', render: (s: UnitAssignmentItem['state']) => <StateBadge state={s} /> },
    { title: t('suggestions.fields.leadDeputy'), dataIndex: 'leadDeputyName' },
    { title: t('suggestions.unit.assignedAt'), key: 'assignedAt', render: (_, item) => formatDate(item.assignment.assignedAt) },
    { title: t('suggestions.unit.signForDueAt'), key: 'signForDueAt', render: (_, item) => formatDate(item.assignment.signForDueAt) },
    {
      title: t('suggestions.unit.dueAt'),
      key: 'dueAt',
      render: (_, item) => (
        <Space size={4}>
          <DueDate at={item.assignment.dueAt} />
          {item.assignment.overdue && <Tag color="red">{t('suggestions.fields.overdueMark')}</Tag>}
        </Space>
      ),
    },
  ];

  return (
    <Page title={t('suggestions.unit.title', { unit: user.handlingUnitName ?? '' })}>
      <PagedTable
        list={list}
        filters={filters}
        columns={columns}
        card={{
          title: (item) => (
            <Space size={4} wrap>
              <span>{item.title}</span>
              <ItemMarks item={{ isKey: item.isKey, overdue: false }} />
            </Space>
          ),
          state: (item) => (
            <Space size={4} wrap>
              <Tag>{t(`suggestions.assignmentState.${item.assignment.state}`)}</Tag>
              {item.assignment.overdue && <Tag color="red">{t('suggestions.fields.overdueMark')}</Tag>}
            </Space>
          ),
          deadline: (item) => (
            <>
              {t('suggestions.unit.dueAt')} <DueDate at={item.assignment.dueAt} />
            </>
          ),
          facts: (item) => [
            [t('suggestions.fields.number'), item.numberLabel ?? '—'],
            [t('suggestions.unit.role'), t(`suggestions.assignmentRole.${item.assignment.role}`)],
          ],
          action: (item) => <Link to={`/suggestions/${item.id}`}>{t('suggestions.list.open')}</Link>,
        }}
      />
    </Page>
  );
}
