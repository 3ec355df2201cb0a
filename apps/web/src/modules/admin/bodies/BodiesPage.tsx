import { useState } from 'react';
import { Alert, Button, Flex, Table, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Body } from '@renda/shared';
import { buildBodyTree, useBodies, type BodyNode } from '../../../components/bodies';
import { formatDateTime } from '../../../components/format';
import { Page } from '../../../components/Page';
import { BodyFormModal, type BodyDraft } from './BodyFormModal';

/** All bodies as one tree: GET /api/bodies is not paged, and a tree cannot be cut into pages. */
export function BodiesPage() {
  const { t } = useTranslation();
  const { data, error, isFetching } = useBodies();
  const [draft, setDraft] = useState<BodyDraft | null>(null);

  const columns: TableColumnsType<BodyNode> = [
    { title: t('bodies.name'), dataIndex: 'name' },
    { title: t('bodies.level'), dataIndex: 'level', render: (level: Body['level']) => t(`bodyLevel.${level}`) },
    {
      title: t('bodies.region'),
      key: 'region',
      render: (_, body) => (body.regionName ? `${body.regionName}（${body.regionCode}）` : body.regionCode),
    },
    { title: t('common.createdAt'), dataIndex: 'createdAt', render: formatDateTime },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, body) => (
        <Flex gap="small" wrap>
          <Button size="small" onClick={() => setDraft({ body })}>
            {t('common.edit')}
          </Button>
          <Button size="small" onClick={() => setDraft({ parentId: body.id })}>
            {t('bodies.createChild')}
          </Button>
        </Flex>
      ),
    },
  ];

  return (
    <Page
      title={t('bodies.title')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setDraft({ parentId: null })}>
          {t('bodies.create')}
        </Button>
      }
    >
      <Flex vertical gap="middle">
        {error && <Alert type="error" showIcon message={error.message} />}
        <Table<BodyNode>
          // Remount once loaded so every level starts expanded.
          key={data ? 'loaded' : 'loading'}
          rowKey="id"
          columns={columns}
          dataSource={buildBodyTree(data ?? [])}
          loading={isFetching}
          pagination={false}
          expandable={{ defaultExpandAllRows: true }}
          scroll={{ x: 'max-content' }}
        />
      </Flex>
      <BodyFormModal draft={draft} onClose={() => setDraft(null)} />
    </Page>
  );
}
