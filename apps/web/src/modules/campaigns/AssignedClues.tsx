import { useState } from 'react';
import { Button, Flex, Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CampaignClue, ClueAction } from '@renda/shared';
import { useSectionPage } from '../../components/PagedTable';
import { OverdueTag } from '../opinions/StatusTag';
import { campaignsKey } from './api';
import { ClueActionModal } from './forms';
import { ClueStatusTag } from './tags';
import { Section } from '../../components/Section';

/** A government's (handling unit's) part of the campaigns: the clues transferred to it, to report rectified. */
export function AssignedClues() {
  const { t } = useTranslation();
  const [acting, setActing] = useState<{ clue: CampaignClue; action: ClueAction } | null>(null);
  const { query: clues, pagination } = useSectionPage<CampaignClue>([...campaignsKey, 'assigned'], '/api/campaign-clues/assigned');
  const columns: TableColumnsType<CampaignClue> = [
    { title: t('campaigns.number'), dataIndex: 'number' },
    { title: t('campaigns.title'), dataIndex: 'campaignTitle' },
    {
      title: t('campaigns.clueContent'),
      key: 'content',
      render: (_, c) => (
        <Typography.Paragraph className="opinion-summary">
          {c.content}
          {c.location && `（${c.location}）`}
        </Typography.Paragraph>
      ),
    },
    {
      title: t('campaigns.transferLevel'),
      dataIndex: 'transferLevel',
      render: (l: CampaignClue['transferLevel']) => (l ? t(`transferLevel.${l}`) : '—'),
    },
    { title: t('campaigns.status'), dataIndex: 'status', render: (s: CampaignClue['status']) => <ClueStatusTag status={s} /> },
    {
      title: t('campaigns.dueDate'),
      key: 'due',
      render: (_, c) => (
        <Flex gap="small" align="center">
          {c.dueDate ?? '—'}
          {c.overdue && <OverdueTag />}
        </Flex>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, c) =>
        c.actions.map((action) => (
          <Button
            key={action}
            size="small"
            aria-label={`${t(`clueAction.${action}`)} ${c.number}`}
            onClick={() => setActing({ clue: c, action })}
          >
            {t(`clueAction.${action}`)}
          </Button>
        )),
    },
  ];
  return (
    <Section title={t('campaigns.assignedTitle')}>
      <Table<CampaignClue>
        rowKey="id"
        size="small"
        scroll={{ x: 'max-content' }}
        columns={columns}
        dataSource={clues.data?.items}
        loading={clues.isFetching}
        pagination={pagination}
      />
      {acting && <ClueActionModal clue={acting.clue} action={acting.action} onClose={() => setActing(null)} />}
    </Section>
  );
}
