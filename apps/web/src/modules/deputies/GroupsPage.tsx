import { useState } from 'react';
import { Button, Form, Input, Space, Spin, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import {
  can,
  deputyGroupInput,
  groupKind,
  groupMembersInput,
  specialistField,
  type DeputyGroup,
  type DeputyGroupDetail,
} from '@renda/shared';
import { useCurrentUser } from '../../app/auth/session';
import { BodyTreeSelect } from '../../components/bodies';
import { FormModal } from '../../components/FormModal';
import { FormSelect } from '../../components/FormSelect';
import { blankToNull } from '../../components/forms';
import { useFormMutation } from '../../components/mutations';
import { Page } from '../../components/Page';
import { PagedTable, usePagedList, type FilterField } from '../../components/PagedTable';
import { groupsKey, useDeputySearch, saveDeputyGroup, setGroupMembers, useDeputyGroup } from './api';
import { DeputiesTabs } from './labels';

/** 代表小组 and 专业小组, with their leaders and members. */
export function GroupsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const manage = can(user.role, 'deputies.manage');
  const list = usePagedList<DeputyGroup>(groupsKey, '/api/deputy-groups');
  const [editing, setEditing] = useState<DeputyGroup | 'new' | null>(null);
  const [members, setMembers] = useState<DeputyGroup | null>(null);
  const filters: FilterField[] = [
    {
      kind: 'select',
      param: 'kind',
      label: t('deputies.group.kind'),
      options: groupKind.options.map((k) => ({ value: k, label: t(`deputies.groupKind.${k}`) })),
    },
    { kind: 'text', param: 'term', label: t('deputies.fields.term'), placeholder: t('deputies.list.termPlaceholder') },
  ];
  const columns: TableColumnsType<DeputyGroup> = [
    { title: t('deputies.group.name'), dataIndex: 'name' },
    { title: t('deputies.group.kind'), dataIndex: 'kind', render: (k: DeputyGroup['kind']) => t(`deputies.groupKind.${k}`) },
    {
      title: t('deputies.group.field'),
      dataIndex: 'field',
      render: (f: DeputyGroup['field']) => (f ? t(`deputies.specialistField.${f}`) : '—'),
    },
    { title: t('deputies.group.region'), dataIndex: 'regionName', render: (v: string | null) => v ?? '—' },
    { title: t('deputies.group.leader'), dataIndex: 'leader', render: (l: DeputyGroup['leader']) => l?.name ?? '—' },
    { title: t('deputies.group.memberCount'), dataIndex: 'memberCount' },
    { title: t('deputies.fields.body'), dataIndex: 'bodyName' },
    { title: t('deputies.fields.term'), dataIndex: 'term' },
    ...(manage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, g: DeputyGroup) => (
              <Space size={0}>
                <Button type="link" onClick={() => setEditing(g)} aria-label={t('deputies.group.editOf', { name: g.name })}>
                  {t('common.edit')}
                </Button>
                <Button type="link" onClick={() => setMembers(g)} aria-label={t('deputies.group.membersOf', { name: g.name })}>
                  {t('deputies.group.members')}
                </Button>
              </Space>
            ),
          },
        ]
      : []),
  ];
  return (
    <Page
      title={t('deputies.group.title')}
      extra={
        manage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('deputies.group.create')}
          </Button>
        )
      }
    >
      <PagedTable list={list} filters={filters} columns={columns} toolbar={<DeputiesTabs />} />
      {editing && <GroupFormModal group={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
      {members && <MembersModal group={members} onClose={() => setMembers(null)} />}
    </Page>
  );
}

type GroupValues = {
  bodyId?: string;
  term?: string;
  kind?: string;
  name?: string;
  field?: string;
  regionCode?: string;
  description?: string;
};

function GroupFormModal({ group, onClose }: { group?: DeputyGroup; onClose: () => void }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [form] = Form.useForm<GroupValues>();
  const kind = Form.useWatch('kind', form);
  const { submit, pending } = useFormMutation({
    form,
    schema: deputyGroupInput,
    mutationFn: (input) => saveDeputyGroup(group?.id ?? null, input),
    invalidate: groupsKey,
    onSuccess: onClose,
  });
  const initialValues: GroupValues = group
    ? {
        bodyId: group.bodyId,
        term: group.term,
        kind: group.kind,
        name: group.name,
        field: group.field ?? undefined,
        regionCode: group.regionCode ?? undefined,
        description: group.description ?? undefined,
      }
    : { bodyId: user.bodyId, kind: 'region' };
  return (
    <FormModal<GroupValues>
      name="group"
      title={t(group ? 'deputies.group.editTitle' : 'deputies.group.create')}
      open
      form={form}
      initialValues={initialValues}
      pending={pending}
      onFinish={(v) => submit({ ...blankToNull(v), field: v.kind === 'specialist' ? (v.field ?? null) : null })}
      onClose={onClose}
    >
      <Form.Item name="bodyId" label={t('deputies.fields.body')} required>
        <BodyTreeSelect />
      </Form.Item>
      <Form.Item name="term" label={t('deputies.fields.term')} extra={t('deputies.form.termHint')} required>
        <Input />
      </Form.Item>
      <Form.Item name="kind" label={t('deputies.group.kind')} required>
        <FormSelect options={groupKind.options.map((k) => ({ value: k, label: t(`deputies.groupKind.${k}`) }))} />
      </Form.Item>
      <Form.Item name="name" label={t('deputies.group.name')} required>
        <Input />
      </Form.Item>
      {kind === 'specialist' && (
        <Form.Item name="field" label={t('deputies.group.field')} required>
          <FormSelect options={specialistField.options.map((f) => ({ value: f, label: t(`deputies.specialistField.${f}`) }))} />
        </Form.Item>
      )}
      <Form.Item name="regionCode" label={t('deputies.group.regionCode')} extra={t('deputies.group.regionCodeHint')}>
        <Input inputMode="numeric" />
      </Form.Item>
      <Form.Item name="description" label={t('deputies.group.description')}>
        <Input.TextArea rows={3} />
      </Form.Item>
    </FormModal>
  );
}

type MemberValues = { deputyIds?: string[]; leaderId?: string };

function MembersModal({ group, onClose }: { group: DeputyGroup; onClose: () => void }) {
  const detail = useDeputyGroup(group.id);
  if (!detail.data) return detail.isPending ? <Spin /> : null;
  return <MembersForm group={detail.data} onClose={onClose} />;
}

function MembersForm({ group, onClose }: { group: DeputyGroupDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<MemberValues>();
  const selected = Form.useWatch('deputyIds', form) ?? group.members.map((m) => m.id);
  const known = group.members.map((m) => ({ value: m.id, label: m.employer ? `${m.name}（${m.employer}）` : m.name }));
  const search = useDeputySearch({ bodyId: group.bodyId, term: group.term }, selected, known);
  const { submit, pending } = useFormMutation({
    form,
    schema: groupMembersInput,
    mutationFn: (input) => setGroupMembers(group.id, input),
    invalidate: [groupsKey[0]],
    onSuccess: onClose,
  });
  const leaderOptions = search.options.filter((o) => selected.includes(o.value));
  return (
    <FormModal<MemberValues>
      name="group-members"
      title={t('deputies.group.membersTitle', { name: group.name })}
      open
      form={form}
      initialValues={{ deputyIds: group.members.map((m) => m.id), leaderId: group.leader?.id }}
      pending={pending}
      onFinish={(v) => submit({ deputyIds: v.deputyIds ?? [], leaderId: v.leaderId ?? null })}
      onClose={onClose}
    >
      <Form.Item name="deputyIds" label={t('deputies.group.members')}>
        <FormSelect
          mode="multiple"
          showSearch
          filterOption={false}
          onSearch={search.onSearch}
          options={search.options}
          loading={search.loading}
        />
      </Form.Item>
      <Form.Item name="leaderId" label={t('deputies.group.leader')}>
        <FormSelect allowClear options={leaderOptions} />
      </Form.Item>
    </FormModal>
  );
}
