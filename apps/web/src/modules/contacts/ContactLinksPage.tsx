import { useState } from 'react';
import { Button, Form, Input, InputNumber, type TableColumnsType } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { can, contactLinkInput, contactLinkKind, type ContactLink } from '@renda/shared';
import { useCurrentUser } from '../../app/auth/session';
import { useBodies } from '../../components/bodies';
import { FormModal } from '../../components/FormModal';
import { FormSelect } from '../../components/FormSelect';
import { blankToNull } from '../../components/forms';
import { useFormMutation } from '../../components/mutations';
import { Page } from '../../components/Page';
import { PagedTable, usePagedList, type FilterField } from '../../components/PagedTable';
import { useDeputySearch, useOwnDeputy } from '../deputies/api';
import { VillagePicker } from '../deputies/GridPage';
import { DeputiesTabs } from '../deputies/labels';
import { contactLinksKey, contactUrls, useMemberOptions, createContactLink } from './api';

const thisYear = () => dayjs().year();

/** 双联系: staff see and assign every link of their bodies; a deputy sees their own and adds their voters. */
export function ContactLinksPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const deputy = user.role === 'deputy';
  const canCreate = can(user.role, 'contacts.manage') || deputy;
  const [creating, setCreating] = useState(false);
  const list = usePagedList<ContactLink>(contactLinksKey, '/api/contact-links');
  const filters: FilterField[] = [
    {
      kind: 'select',
      param: 'kind',
      label: t('contacts.fields.kind'),
      options: contactLinkKind.options.map((k) => ({ value: k, label: t(`contacts.kind.${k}`) })),
    },
    {
      kind: 'select',
      param: 'year',
      label: t('contacts.fields.year'),
      options: [0, 1, 2].map((i) => String(thisYear() - i)).map((y) => ({ value: y, label: y })),
    },
    { kind: 'text', param: 'q', label: t('contacts.links.search') },
  ];
  const dash = (v: string | null) => v ?? '—';
  const columns: TableColumnsType<ContactLink> = [
    { title: t('contacts.fields.year'), dataIndex: 'year' },
    { title: t('contacts.fields.kind'), dataIndex: 'kind', render: (k: ContactLink['kind']) => t(`contacts.kind.${k}`) },
    { title: t('contacts.fields.deputy'), dataIndex: 'deputyName' },
    {
      title: `${t('contacts.fields.member')} / ${t('contacts.fields.voter')}`,
      key: 'other',
      render: (_: unknown, l: ContactLink) => (l.kind === 'member_deputy' ? l.memberName : l.voterName) ?? '—',
    },
    { title: t('contacts.fields.region'), dataIndex: 'regionName', render: dash },
    { title: t('contacts.fields.records'), dataIndex: 'recordCount' },
    { title: t('contacts.fields.lastContact'), dataIndex: 'lastContactOn', render: dash },
    { title: t('contacts.fields.body'), dataIndex: 'bodyName' },
    {
      title: t('common.actions'),
      key: 'view',
      render: (_: unknown, l: ContactLink) => (
        <Link
          to={`/deputies/contacts/${l.id}`}
          aria-label={`${t('contacts.links.view')} ${l.deputyName} ${l.memberName ?? l.voterName ?? ''}`}
        >
          {t('contacts.links.view')}
        </Link>
      ),
    },
  ];
  return (
    <Page
      title={t(deputy ? 'contacts.links.mine' : 'contacts.links.title')}
      extra={
        <>
          {canCreate && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t(deputy ? 'contacts.links.addVoter' : 'contacts.links.create')}
            </Button>
          )}
          <Button icon={<DownloadOutlined />} href={contactUrls.export(list.filters)} download>
            {t('contacts.links.export')}
          </Button>
        </>
      }
    >
      <PagedTable list={list} filters={filters} columns={columns} toolbar={deputy ? undefined : <DeputiesTabs />} />
      {creating && <LinkModal onClose={() => setCreating(false)} />}
    </Page>
  );
}

type Values = {
  kind?: string;
  year?: number;
  deputyId?: string;
  memberId?: string;
  voterName?: string;
  voterPhone?: string;
  regionCode?: string;
  note?: string;
};

function LinkModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const deputy = user.role === 'deputy';
  const own = useOwnDeputy(deputy);
  const bodies = useBodies();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? (deputy ? 'deputy_voter' : 'member_deputy');
  const selected = Form.useWatch('deputyId', form);
  const search = useDeputySearch({}, selected ? [selected] : [], [], !deputy);
  const members = useMemberOptions(!deputy);
  const rootCode = bodies.data?.find((b) => b.id === user.bodyId)?.regionCode ?? undefined;
  const { submit, pending } = useFormMutation({
    form,
    schema: contactLinkInput,
    mutationFn: createContactLink,
    invalidate: contactLinksKey,
    successMessage: t('contacts.links.created'),
    onSuccess: (link) => navigate(`/deputies/contacts/${link.id}`),
  });
  const onFinish = (v: Values) =>
    submit({
      ...blankToNull({ voterName: v.voterName ?? '', voterPhone: v.voterPhone ?? '', note: v.note ?? '' }),
      kind,
      year: v.year,
      deputyId: deputy ? own.data?.id : v.deputyId,
      memberId: kind === 'member_deputy' ? (v.memberId ?? null) : null,
      regionCode: kind === 'deputy_voter' ? (v.regionCode ?? null) : null,
    });
  return (
    <FormModal<Values>
      name="contact-link"
      title={t(deputy ? 'contacts.links.addVoter' : 'contacts.links.create')}
      open
      form={form}
      initialValues={{ kind, year: thisYear() }}
      pending={pending}
      onFinish={onFinish}
      onClose={onClose}
    >
      {!deputy && (
        <Form.Item name="kind" label={t('contacts.fields.kind')} required>
          <FormSelect options={contactLinkKind.options.map((k) => ({ value: k, label: t(`contacts.kind.${k}`) }))} />
        </Form.Item>
      )}
      <Form.Item name="year" label={t('contacts.fields.year')} required>
        <InputNumber min={2000} max={2100} style={{ width: '100%' }} inputMode="numeric" />
      </Form.Item>
      {!deputy && (
        <Form.Item name="deputyId" label={t('contacts.fields.deputy')} required>
          <FormSelect showSearch filterOption={false} onSearch={search.onSearch} options={search.options} loading={search.loading} />
        </Form.Item>
      )}
      {kind === 'member_deputy' ? (
        <Form.Item name="memberId" label={t('contacts.fields.member')} required>
          <FormSelect showSearch optionFilterProp="label" options={members.options} loading={members.loading} />
        </Form.Item>
      ) : (
        <>
          <Form.Item name="voterName" label={t('contacts.fields.voter')} required>
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="voterPhone" label={t('contacts.fields.voterPhone')} extra={t('contacts.links.voterHint')}>
            <Input maxLength={11} inputMode="tel" />
          </Form.Item>
          <Form.Item name="regionCode" label={t('contacts.fields.region')}>
            <VillagePicker rootCode={rootCode} />
          </Form.Item>
        </>
      )}
      <Form.Item name="note" label={t('contacts.fields.note')}>
        <Input maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}
