import { Table } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { VoteState } from '@renda/shared';
import { Page } from '../../components/Page';
import { useVotes } from './api';
import { VotePanel } from './VotePanel';

/** 会议表决: the votes of the bodies in scope (评选, 票决, 表决, 测评), newest first. */
export function VotesPage() {
  const { t } = useTranslation();
  const votes = useVotes();
  return (
    <Page title={t('votes.title')}>
      <Table
        rowKey="id"
        loading={votes.isLoading}
        dataSource={votes.data ?? []}
        scroll={{ x: true }}
        columns={[
          { title: t('votes.list'), dataIndex: 'title', render: (title: string, v) => <Link to={`/meetings/votes/${v.id}`}>{title}</Link> },
          { title: t('common.status'), dataIndex: 'state', render: (s: VoteState) => t(`votes.state.${s}`) },
          {
            title: t('votes.turnout'),
            key: 'turnout',
            render: (_, v) => t('votes.turnoutOf', { voted: v.turnout.voted, size: v.electorateSize }),
          },
        ]}
      />
    </Page>
  );
}

export function VoteDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  return (
    <Page title={t('votes.title')}>
      <VotePanel voteId={id} />
    </Page>
  );
}
