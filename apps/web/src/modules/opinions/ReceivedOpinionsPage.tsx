import { useState } from 'react';
import { Button, Segmented, Typography, type TableColumnsType } from 'antd';
import { FileAddOutlined } from '@ant-design/icons';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { ReceivedOpinion } from '@renda/shared';
import { useBulkSelection } from '../../components/bulk';
import { formatDateTime } from '../../components/format';
import { Page } from '../../components/Page';
import { PagedTable, usePagedList } from '../../components/PagedTable';
import { opinionsKey } from './api';
import { StatusTag } from './StatusTag';

/** What a draft suggestion carries from the opinions it grows from (read by the suggestions' draft form). */
export interface OpinionsForDraft {
  opinionIds: string[];
  content: string;
}

/** A deputy's two views of the module: their themed campaigns and the opinions sent to them. */
export function DeputyOpinionsTabs() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  return (
    <Segmented
      aria-label={t('module.opinions')}
      value={pathname === '/opinions/received' ? pathname : '/opinions'}
      onChange={(path) => navigate(path)}
      options={[
        { value: '/opinions', label: t('opinions.tabMyCampaigns') },
        { value: '/opinions/received', label: t('opinions.tabReceived') },
      ]}
    />
  );
}

/** Opinions that can still become a suggestion: not declined, merged or already taken up. */
const escalatable = (o: ReceivedOpinion) => !o.suggestionId && o.status !== 'declined' && o.status !== 'merged';

/** 我收到的群众意见: chosen opinions become the deputy's draft suggestion (意见转建议), the link kept on submit. */
export function ReceivedOpinionsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const list = usePagedList<ReceivedOpinion>([...opinionsKey, 'received'], '/api/me/opinions');
  const [selected, setSelected] = useState<ReceivedOpinion[]>([]);
  const selection = useBulkSelection(selected, setSelected, (o) => ({
    disabled: !escalatable(o),
    label: t('opinions.received.selectRow', { content: o.content.slice(0, 20) }),
  }));

  const toSuggestion = () => {
    const draft: OpinionsForDraft = {
      opinionIds: selected.map((o) => o.id),
      content: t('opinions.received.draftContent', { items: selected.map((o, i) => `${i + 1}. ${o.content}`).join('\n') }),
    };
    navigate('/suggestions/new', { state: draft });
  };

  const columns: TableColumnsType<ReceivedOpinion> = [
    { title: t('opinions.received.content'), dataIndex: 'content', render: (text: string) => <Typography.Text>{text}</Typography.Text> },
    { title: t('opinions.category'), dataIndex: 'categoryLabel', width: 110 },
    { title: t('opinions.received.via'), key: 'via', width: 160, render: (_, o) => o.stationName ?? t(`opinionChannel.${o.channel}`) },
    { title: t('opinions.status'), dataIndex: 'status', width: 120, render: (s: ReceivedOpinion['status']) => <StatusTag status={s} /> },
    {
      title: t('opinions.received.suggestion'),
      key: 'suggestion',
      width: 120,
      render: (_, o) => (o.suggestionId ? <Link to={`/suggestions/${o.suggestionId}`}>{t('opinions.received.openSuggestion')}</Link> : '—'),
    },
    { title: t('opinions.received.at'), dataIndex: 'createdAt', width: 170, render: formatDateTime },
  ];

  return (
    <Page title={t('opinions.received.title')} extra={<DeputyOpinionsTabs />}>
      <Typography.Paragraph type="secondary">{t('opinions.received.hint')}</Typography.Paragraph>
      <PagedTable<ReceivedOpinion>
        list={list}
        filters={[]}
        columns={columns}
        card={{
          title: (o) => o.content,
          state: (o) => <StatusTag status={o.status} />,
          deadline: (o) => `${t('opinions.received.at')} ${formatDateTime(o.createdAt)}`,
          facts: (o) => [
            [t('opinions.category'), o.categoryLabel],
            [t('opinions.received.via'), o.stationName ?? t(`opinionChannel.${o.channel}`)],
          ],
          action: (o) =>
            o.suggestionId ? <Link to={`/suggestions/${o.suggestionId}`}>{t('opinions.received.openSuggestion')}</Link> : null,
        }}
        toolbar={
          <Button type="primary" icon={<FileAddOutlined />} disabled={selected.length === 0} onClick={toSuggestion}>
            {t('opinions.received.toSuggestion', { count: selected.length })}
          </Button>
        }
        rowSelection={selection}
      />
    </Page>
  );
}
