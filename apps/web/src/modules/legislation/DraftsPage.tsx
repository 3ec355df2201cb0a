import { useState } from 'react';
import { Button, Tag, type TableColumnsType } from 'antd';
import { ApartmentOutlined, DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { can, draftSort, draftState, type Draft } from '@renda/shared';
import { useCurrentUser } from '../../app/auth/session';
import { Page } from '../../components/Page';
import { PagedTable, usePagedList, type FilterField } from '../../components/PagedTable';
import { legislationKey, legislationUrls } from './api';
import { DraftFormModal } from './DraftFormModal';
import { DraftStateTag } from './labels';
import { tagColour } from '../../components/tagColours';

/** 立法征求意见: every draft regulation in scope, with its period and how many commented. */
export function DraftsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const manage = can(user.role, 'legislation.manage');
  const list = usePagedList<Draft>([...legislationKey, 'drafts'], '/api/legislation/drafts');
  const [creating, setCreating] = useState(false);
  const filters: FilterField[] = [
    { kind: 'text', param: 'keyword', label: t('legislation.fields.keyword') },
    {
      kind: 'select',
      param: 'state',
      label: t('common.status'),
      options: draftState.options.map((s) => ({ value: s, label: t(`legislation.state.${s}`) })),
    },
    {
      kind: 'select',
      param: 'sort',
      label: t('legislation.fields.sort'),
      options: draftSort.options.map((s) => ({ value: s, label: t(`legislation.sort.${s}`) })),
    },
    {
      kind: 'select',
      param: 'order',
      label: t('legislation.fields.order'),
      options: (['desc', 'asc'] as const).map((o) => ({ value: o, label: t(`legislation.order.${o}`) })),
    },
  ];
  const columns: TableColumnsType<Draft> = [
    {
      title: t('legislation.fields.title'),
      dataIndex: 'title',
      render: (title: string, d) => <Link to={`/legislation/drafts/${d.id}`}>{title}</Link>,
    },
    { title: t('legislation.fields.drafter'), dataIndex: 'drafter' },
    { title: t('legislation.fields.period'), key: 'period', render: (_, d) => `${d.commentFrom} 至 ${d.commentTo}` },
    { title: t('common.status'), dataIndex: 'state', render: (s: Draft['state']) => <DraftStateTag state={s} /> },
    { title: t('legislation.fields.comments'), key: 'comments', render: (_, d) => d.counts.comments },
    { title: t('legislation.fields.participants'), key: 'participants', render: (_, d) => d.counts.participants },
    {
      title: t('legislation.fields.pending'),
      key: 'pending',
      render: (_, d) => (d.counts.pending ? <Tag color={tagColour.orange}>{d.counts.pending}</Tag> : 0),
    },
    { title: t('legislation.fields.versions'), key: 'versions', render: (_, d) => d.versions.length },
  ];
  return (
    <Page
      title={t('legislation.list.title')}
      extra={
        <>
          {manage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('legislation.list.create')}
            </Button>
          )}
          <Link to="/legislation/contact-points">
            <Button icon={<ApartmentOutlined />}>{t('legislation.list.points')}</Button>
          </Link>
          <Button icon={<DownloadOutlined />} href={legislationUrls.export(list.filters)}>
            {t('legislation.list.export')}
          </Button>
        </>
      }
    >
      <PagedTable<Draft> list={list} filters={filters} columns={columns} />
      {creating && <DraftFormModal onClose={() => setCreating(false)} onSaved={(d) => navigate(`/legislation/drafts/${d.id}`)} />}
    </Page>
  );
}
