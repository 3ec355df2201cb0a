import { Alert, Badge, Flex, type BadgeProps, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OutboxChannel, OutboxMessage, OutboxStatus } from '@renda/shared';
import { formatDateTime } from '../../../components/format';
import { Page } from '../../../components/Page';
import { PagedTable, usePagedList } from '../../../components/PagedTable';

const statusBadge: Record<OutboxStatus, BadgeProps['status']> = {
  pending: 'processing',
  recorded: 'warning',
  sent: 'success',
  failed: 'error',
};

export function OutboxPage() {
  const { t } = useTranslation();
  const list = usePagedList<OutboxMessage>(['admin', 'outbox'], '/api/admin/outbox');

  const columns: TableColumnsType<OutboxMessage> = [
    { title: t('outbox.createdAt'), dataIndex: 'createdAt', render: formatDateTime },
    { title: t('outbox.channel'), dataIndex: 'channel', render: (channel: OutboxChannel) => t(`outboxChannel.${channel}`) },
    { title: t('outbox.recipient'), dataIndex: 'recipient' },
    { title: t('outbox.subject'), dataIndex: 'subject' },
    {
      title: t('common.status'),
      dataIndex: 'status',
      render: (status: OutboxStatus) => <Badge status={statusBadge[status]} text={t(`outboxStatus.${status}`)} />,
    },
    { title: t('outbox.attempts'), dataIndex: 'attempts', align: 'right' },
    { title: t('outbox.sentAt'), dataIndex: 'sentAt', render: formatDateTime },
    { title: t('outbox.error'), dataIndex: 'error' },
  ];

  return (
    <Page title={t('outbox.title')}>
      <Flex vertical gap="middle">
        <Alert type="info" showIcon message={t('outbox.recordedNote')} />
        <PagedTable
          list={list}
          columns={columns}
          expandable={{
            expandedRowRender: (item) => (
              <div>
                <strong>{t('outbox.body')}</strong>
                <p className="pre-line">{item.body}</p>
              </div>
            ),
          }}
        />
      </Flex>
    </Page>
  );
}
