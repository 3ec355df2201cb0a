import { Badge, Button, Flex, Typography, type TableColumnsType } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Notification } from '@renda/shared';
import { formatDateTime } from '../../components/format';
import { useAction } from '../../components/mutations';
import { Page } from '../../components/Page';
import { PagedTable, usePagedList, type FilterField } from '../../components/PagedTable';
import { notificationsKey, markAllNotificationsRead, markNotificationRead } from './api';

export function NotificationsPage() {
  const { t } = useTranslation();
  const list = usePagedList<Notification>([...notificationsKey, 'list'], '/api/notifications');
  const markRead = useAction(markNotificationRead, {
    invalidate: notificationsKey,
    successMessage: false,
  });
  const markAllRead = useAction(markAllNotificationsRead, {
    invalidate: notificationsKey,
    successMessage: t('notifications.allRead'),
  });

  const filters: FilterField[] = [
    {
      kind: 'select',
      param: 'unread',
      label: t('notifications.show'),
      options: [{ value: 'true', label: t('notifications.unreadOnly') }],
    },
  ];

  const actions = (n: Notification) => (
    <Flex gap="small" wrap>
      {n.link && (
        <Link to={n.link} onClick={() => !n.readAt && markRead.mutate(n.id)}>
          {t('notifications.open')}
        </Link>
      )}
      {!n.readAt && (
        <Button size="small" onClick={() => markRead.mutate(n.id)}>
          {t('notifications.markRead')}
        </Button>
      )}
    </Flex>
  );
  const readBadge = (readAt: string | null) =>
    readAt ? <Badge status="default" text={t('notifications.read')} /> : <Badge status="processing" text={t('notifications.unread')} />;

  const columns: TableColumnsType<Notification> = [
    {
      title: t('common.status'),
      dataIndex: 'readAt',
      render: readBadge,
    },
    {
      title: t('notifications.content'),
      key: 'content',
      render: (_, n) => (
        <Flex vertical>
          <Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>
          <Typography.Text>{n.body}</Typography.Text>
        </Flex>
      ),
    },
    { title: t('notifications.time'), dataIndex: 'createdAt', render: formatDateTime },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, n) => actions(n),
    },
  ];

  return (
    <Page
      title={t('notifications.title')}
      extra={
        <Button icon={<CheckOutlined />} loading={markAllRead.isPending} onClick={() => markAllRead.mutate(undefined)}>
          {t('notifications.markAllRead')}
        </Button>
      }
    >
      <PagedTable
        list={list}
        filters={filters}
        columns={columns}
        card={{
          title: (n) => (
            <Flex vertical>
              <Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>
              <Typography.Text>{n.body}</Typography.Text>
            </Flex>
          ),
          state: (n) => readBadge(n.readAt),
          deadline: (n) => formatDateTime(n.createdAt),
          action: actions,
        }}
      />
    </Page>
  );
}
