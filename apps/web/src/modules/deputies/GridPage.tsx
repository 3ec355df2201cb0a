import { useState } from 'react';
import { Button, Cascader, Form, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { can, gridCellInput, type GridCell } from '@renda/shared';
import { useCurrentUser } from '../../app/auth/session';
import { BodyTreeSelect, useBodies } from '../../components/bodies';
import { FormModal } from '../../components/FormModal';
import { FormSelect } from '../../components/FormSelect';
import { useFormMutation } from '../../components/mutations';
import { Page } from '../../components/Page';
import { PagedTable, usePagedList } from '../../components/PagedTable';
import { gridCellsKey, useDeputySearch, createGridCell, setGridCellDeputies } from './api';
import { DeputiesTabs } from './labels';
import { fetchRegions } from '../../components/regions';

/** 网格化履职: each village or community (网格) with the deputies who keep in touch with it. */
export function GridPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const manage = can(user.role, 'deputies.manage');
  const list = usePagedList<GridCell>(gridCellsKey, '/api/grid-cells');
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<GridCell | null>(null);
  const columns: TableColumnsType<GridCell> = [
    { title: t('deputies.grid.name'), dataIndex: 'name' },
    { title: t('deputies.grid.township'), dataIndex: 'townshipName', render: (v: string | null) => v ?? '—' },
    { title: t('deputies.grid.regionCode'), dataIndex: 'regionCode' },
    {
      title: t('deputies.grid.deputies'),
      dataIndex: 'deputies',
      render: (ds: GridCell['deputies']) => ds.map((d) => d.name).join('、') || '—',
    },
    ...(manage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, c: GridCell) => (
              <Button type="link" onClick={() => setEditing(c)} aria-label={t('deputies.grid.deputiesOf', { name: c.name })}>
                {t('deputies.grid.setDeputies')}
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <Page
      title={t('deputies.grid.title')}
      extra={
        manage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('deputies.grid.create')}
          </Button>
        )
      }
    >
      <PagedTable list={list} columns={columns} toolbar={<DeputiesTabs />} />
      {(creating || editing) && (
        <GridCellModal
          cell={editing ?? undefined}
          onClose={() => {
            setCreating(false);
            setEditing(null);
          }}
        />
      )}
    </Page>
  );
}

type Values = { bodyId?: string; regionCode?: string; deputyIds?: string[] };
interface RegionOption {
  value: string;
  label: string;
  isLeaf: boolean;
  children?: RegionOption[];
}

/** Villages below the chosen body's region, loaded level by level. */
export function VillagePicker({
  id,
  onChange,
  rootCode,
}: {
  id?: string;
  value?: string;
  onChange?: (code: string | undefined) => void;
  rootCode?: string;
}) {
  const queryClient = useQueryClient();
  const [path, setPath] = useState<string[]>([]);
  const [options, setOptions] = useState<RegionOption[] | null>(null);
  const [loadedFor, setLoadedFor] = useState<string | undefined>();
  const load = async (parentCode: string) => {
    const data = await queryClient.fetchQuery({
      queryKey: ['regions', parentCode],
      queryFn: () => fetchRegions(parentCode),
      staleTime: Infinity,
    });
    return data.items.map((r) => ({ value: r.code, label: r.name, isLeaf: r.level === 'village' }));
  };
  if (rootCode && loadedFor !== rootCode) {
    setLoadedFor(rootCode);
    void load(rootCode).then(setOptions);
  }
  return (
    <Cascader
      id={id}
      value={path}
      onChange={(v) => {
        const codes = (v ?? []) as string[];
        setPath(codes);
        onChange?.(codes[codes.length - 1]);
      }}
      options={options ?? []}
      showSearch={false}
      changeOnSelect={false}
      loadData={async (path) => {
        const target = path[path.length - 1] as RegionOption;
        target.children = await load(target.value);
        setOptions((o) => [...(o ?? [])]);
      }}
    />
  );
}

function GridCellModal({ cell, onClose }: { cell?: GridCell; onClose: () => void }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const bodies = useBodies();
  const [form] = Form.useForm<Values>();
  const bodyId = Form.useWatch('bodyId', form) ?? cell?.bodyId ?? user.bodyId;
  const rootCode = bodies.data?.find((b) => b.id === bodyId)?.regionCode;
  const selected = Form.useWatch('deputyIds', form) ?? cell?.deputies.map((d) => d.id) ?? [];
  const search = useDeputySearch(
    { bodyId },
    selected,
    (cell?.deputies ?? []).map((d) => ({ value: d.id, label: d.name })),
  );
  const { submit, pending } = useFormMutation({
    form,
    schema: gridCellInput,
    mutationFn: (input) => (cell ? setGridCellDeputies(cell.id, input.deputyIds) : createGridCell(input)),
    invalidate: gridCellsKey,
    onSuccess: onClose,
  });
  return (
    <FormModal<Values>
      name="grid-cell"
      title={cell ? t('deputies.grid.deputiesOf', { name: cell.name }) : t('deputies.grid.create')}
      open
      form={form}
      initialValues={{ bodyId: cell?.bodyId ?? user.bodyId ?? undefined, deputyIds: cell?.deputies.map((d) => d.id) ?? [] }}
      pending={pending}
      onFinish={(v) =>
        submit({ bodyId: cell?.bodyId ?? v.bodyId, regionCode: cell?.regionCode ?? v.regionCode, deputyIds: v.deputyIds ?? [] })
      }
      onClose={onClose}
    >
      {!cell && (
        <>
          <Form.Item name="bodyId" label={t('deputies.fields.body')} required>
            <BodyTreeSelect />
          </Form.Item>
          <Form.Item name="regionCode" label={t('deputies.grid.village')} extra={t('deputies.grid.villageHint')} required>
            <VillagePicker rootCode={rootCode ?? undefined} />
          </Form.Item>
        </>
      )}
      <Form.Item name="deputyIds" label={t('deputies.grid.deputies')}>
        <FormSelect
          mode="multiple"
          showSearch
          filterOption={false}
          onSearch={search.onSearch}
          options={search.options}
          loading={search.loading}
        />
      </Form.Item>
    </FormModal>
  );
}
