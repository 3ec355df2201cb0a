import { useState } from 'react';
import { Badge, Button, Flex, Popconfirm, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { roles, type User } from '@renda/shared';
import { ActiveBadge } from '../../../components/ActiveBadge';
import { bodyOptions, useBodies } from '../../../components/bodies';
import { formatDateTime, isFuture } from '../../../components/format';
import { Page } from '../../../components/Page';
import { PagedTable, usePagedList, type FilterField } from '../../../components/PagedTable';
import { usersKey, useUnlockUser } from './api';
import { ResetPasswordModal } from './ResetPasswordModal';
import { UserFormModal } from './UserFormModal';

export function UsersPage() {
  const { t } = useTranslation();
  const list = usePagedList<User>(usersKey, '/api/admin/users');
  const bodies = useBodies();
  const unlock = useUnlockUser();
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);

  const filters: FilterField[] = [
    { kind: 'text', param: 'q', label: t('users.search'), placeholder: t('users.searchPlaceholder') },
    { kind: 'select', param: 'role', label: t('users.role'), options: roles.map((r) => ({ value: r, label: t(`role.${r}`) })) },
    { kind: 'select', param: 'bodyId', label: t('users.body'), options: bodyOptions(bodies.data), loading: bodies.isFetching },
  ];

  const columns: TableColumnsType<User> = [
    { title: t('users.username'), dataIndex: 'username' },
    { title: t('users.displayName'), dataIndex: 'displayName' },
    { title: t('users.role'), dataIndex: 'role', render: (role: User['role']) => t(`role.${role}`) },
    { title: t('users.body'), dataIndex: 'bodyName' },
    { title: t('users.handlingUnit'), dataIndex: 'handlingUnitName' },
    { title: t('users.phone'), dataIndex: 'phone' },
    {
      title: t('common.status'),
      key: 'status',
      render: (_, user) =>
        isFuture(user.lockedUntil) ? (
          <Badge status="error" text={t('users.locked', { time: formatDateTime(user.lockedUntil) })} />
        ) : user.active && user.passwordMustChange ? (
          <Badge status="warning" text={t('users.passwordMustChange')} />
        ) : (
          <ActiveBadge active={user.active} />
        ),
    },
    { title: t('common.createdAt'), dataIndex: 'createdAt', render: formatDateTime },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, user) => (
        <Flex gap="small" wrap>
          <Button size="small" onClick={() => setEditing(user)}>
            {t('common.edit')}
          </Button>
          <Button size="small" onClick={() => setResetting(user)}>
            {t('users.resetPassword')}
          </Button>
          {isFuture(user.lockedUntil) && (
            <Popconfirm title={t('users.unlockConfirm')} onConfirm={() => unlock.mutate(user.id)}>
              <Button size="small">{t('users.unlock')}</Button>
            </Popconfirm>
          )}
        </Flex>
      ),
    },
  ];

  return (
    <Page
      title={t('users.title')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('users.create')}
        </Button>
      }
    >
      <PagedTable list={list} filters={filters} columns={columns} />
      <UserFormModal
        user={editing}
        onClose={() => setEditing(null)}
        // Sorted by user name, a new account may land on a later page: show it by its name instead.
        onCreated={(created) => list.setFilters({ q: created.username, role: undefined, bodyId: undefined })}
      />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </Page>
  );
}
