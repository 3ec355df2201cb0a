import { useState } from 'react';
import { Button, Space, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { handlingUnitKind, type HandlingUnit } from '@renda/shared';
import { ActiveBadge } from '../../../components/ActiveBadge';
import { bodyOptions, useBodies } from '../../../components/bodies';
import { formatDateTime } from '../../../components/format';
import { Page } from '../../../components/Page';
import { PagedTable, usePagedList, type FilterField } from '../../../components/PagedTable';
import { HandlingUnitFormModal } from './HandlingUnitFormModal';
import { UnitLoginModal } from './UnitLoginModal';
import { handlingUnitsKey } from './api';

export function HandlingUnitsPage() {
  const { t } = useTranslation();
  const list = usePagedList<HandlingUnit>(handlingUnitsKey, '/api/handling-units');
  const bodies = useBodies();
  const [editing, setEditing] = useState<HandlingUnit | 'new' | null>(null);
  const [loginFor, setLoginFor] = useState<HandlingUnit | null>(null);

  const filters: FilterField[] = [
    { kind: 'text', param: 'q', label: t('handlingUnits.search'), placeholder: t('handlingUnits.searchPlaceholder') },
    {
      kind: 'select',
      param: 'kind',
      label: t('handlingUnits.kind'),
      options: handlingUnitKind.options.map((kind) => ({ value: kind, label: t(`handlingUnitKind.${kind}`) })),
    },
    { kind: 'select', param: 'bodyId', label: t('handlingUnits.body'), options: bodyOptions(bodies.data), loading: bodies.isFetching },
  ];

  const columns: TableColumnsType<HandlingUnit> = [
    { title: t('handlingUnits.name'), dataIndex: 'name' },
    { title: t('handlingUnits.kind'), dataIndex: 'kind', render: (kind: HandlingUnit['kind']) => t(`handlingUnitKind.${kind}`) },
    { title: t('handlingUnits.body'), dataIndex: 'bodyName' },
    { title: t('handlingUnits.contactName'), dataIndex: 'contactName' },
    { title: t('handlingUnits.contactPhone'), dataIndex: 'contactPhone' },
    { title: t('handlingUnits.userCount'), dataIndex: 'userCount', align: 'right' },
    { title: t('common.status'), dataIndex: 'active', render: (active: boolean) => <ActiveBadge active={active} /> },
    { title: t('common.createdAt'), dataIndex: 'createdAt', render: formatDateTime },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, unit) => (
        <Space size="small" wrap>
          <Button size="small" onClick={() => setEditing(unit)}>
            {t('common.edit')}
          </Button>
          {unit.active && (
            <Button size="small" onClick={() => setLoginFor(unit)} aria-label={t('handlingUnits.createLoginOf', { name: unit.name })}>
              {t('handlingUnits.createLogin')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Page
      title={t('handlingUnits.title')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('handlingUnits.create')}
        </Button>
      }
    >
      <PagedTable list={list} filters={filters} columns={columns} />
      <HandlingUnitFormModal unit={editing} onClose={() => setEditing(null)} />
      {loginFor && <UnitLoginModal unit={loginFor} onClose={() => setLoginFor(null)} />}
    </Page>
  );
}
