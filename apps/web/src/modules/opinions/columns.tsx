import { Flex, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import type { TFunction } from 'i18next';
import type { OpinionListItem } from '@renda/shared';
import { formatDateTime } from '../../components/format';
import { OverdueTag, StatusTag } from './StatusTag';
import { ProvisionalTag } from '../../components/ProvisionalTag';
import type { CardView } from '../../components/ResponsiveTable';

/** An opinion as a card on a phone: its summary, state, deadline and the way in. */
export function opinionCard(t: TFunction): CardView<OpinionListItem> {
  return {
    title: (o) => o.summary,
    state: (o) => (
      <Flex gap="small" wrap>
        <StatusTag status={o.status} />
        {o.overdue && <OverdueTag />}
      </Flex>
    ),
    deadline: (o) => (o.dueAt ? `${t('opinions.dueAt')} ${formatDateTime(o.dueAt).slice(0, 10)}` : null),
    facts: (o) => [
      [t('opinions.trackingCode'), o.trackingCode],
      [t('opinions.handlingUnit'), o.handlingUnitName ?? '—'],
    ],
    action: (o) => <Link to={`/opinions/${o.id}`}>{t('opinions.openItem')}</Link>,
  };
}

/** The columns both the inbox and the handling unit's list show. */
export function opinionColumns(t: TFunction, { showBody }: { showBody: boolean }): TableColumnsType<OpinionListItem> {
  return [
    {
      title: t('opinions.trackingCode'),
      dataIndex: 'trackingCode',
      render: (code: string, o) => <Link to={`/opinions/${o.id}`}>{code}</Link>,
    },
    { title: t('opinions.submittedAt'), dataIndex: 'createdAt', render: formatDateTime },
    { title: t('opinions.category'), dataIndex: 'categoryLabel' },
    {
      title: t('opinions.summary'),
      dataIndex: 'summary',
      render: (summary: string) => (
        <Typography.Paragraph ellipsis={{ rows: 2 }} className="opinion-summary">
          {summary}
        </Typography.Paragraph>
      ),
    },
    {
      title: t('opinions.source'),
      key: 'source',
      render: (_, o) => o.stationName ?? (o.deputyName ? `${t('opinions.deputy')} ${o.deputyName}` : t(`opinionChannel.${o.channel}`)),
    },
    ...(showBody ? [{ title: t('opinions.body'), dataIndex: 'bodyName' }] : []),
    { title: t('opinions.status'), dataIndex: 'status', render: (status: OpinionListItem['status']) => <StatusTag status={status} /> },
    { title: t('opinions.handlingUnit'), dataIndex: 'handlingUnitName', render: (name: string | null) => name ?? '—' },
    {
      title: t('opinions.dueAt'),
      key: 'dueAt',
      render: (_, o) => (
        <Flex gap="small" align="center" wrap>
          <span>{o.dueAt ? formatDateTime(o.dueAt).slice(0, 10) : '—'}</span>
          {o.overdue && <OverdueTag />}
          <ProvisionalTag date={o.dueAt} />
        </Flex>
      ),
    },
  ];
}
