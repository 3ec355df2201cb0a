import { useState } from 'react';
import { Alert, Flex, Input, Spin, Table, Typography } from 'antd';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { normalizeBallotCode, type VoteChoice } from '@renda/shared';
import { useDocumentTitle } from '../../components/Page';
import { usePublicVote, usePublishedBallots } from './api';

/** Public: the anonymous ballot list of a closed vote, with a search for one's ballot code and the result it gives. */
export function VerifyPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  useDocumentTitle(t('votes.verify.title'));
  const vote = usePublicVote(id);
  const closed = !!vote.data && vote.data.state !== 'open';
  const ballots = usePublishedBallots(id, closed);
  const [code, setCode] = useState('');
  const v = vote.data;
  if (!v) return <main style={{ padding: 16 }}>{vote.error ? <Alert type="error" message={t('votes.notFound')} /> : <Spin />}</main>;
  const labelOf = (key: string) => v.items.find((i) => i.key === key)?.label ?? key;
  const list = ballots.data ?? [];
  const wanted = code.trim() ? normalizeBallotCode(code) : '';
  const found = wanted ? list.find((b) => b.code === wanted) : undefined;
  const describe = (choices: Record<string, VoteChoice>) =>
    Object.entries(choices)
      .map(([key, c]) => `${labelOf(key)}：${t(`votes.choice.${c}`)}`)
      .join('；');
  return (
    <main style={{ maxWidth: 960, margin: '0 auto', padding: 16 }}>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t('votes.verify.title')}：{v.title}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {v.bodyName} · {t(`votes.state.${v.state}`)} · {v.ruleText}
      </Typography.Paragraph>
      {!closed ? (
        <Alert type="info" message={t('votes.verify.notYet')} />
      ) : (
        <Flex vertical gap="middle">
          {v.result && <Alert type="success" message={v.result.figuresText} description={v.verifiedAt ? t('votes.verified') : undefined} />}
          <Input.Search
            aria-label={t('votes.verify.search')}
            placeholder={t('votes.verify.search')}
            allowClear
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
          {wanted &&
            (found ? (
              <Alert
                type="success"
                data-testid="found-ballot"
                message={`${t('votes.verify.found')}：${found.code} — ${describe(found.choices)}`}
              />
            ) : (
              <Alert type="warning" message={t('votes.verify.notFound')} />
            ))}
          <Typography.Text>{t('votes.verify.count', { count: list.length })}</Typography.Text>
          <Table
            size="small"
            rowKey="code"
            loading={ballots.isLoading}
            dataSource={list}
            pagination={{ pageSize: 50, showSizeChanger: false }}
            columns={[
              { title: t('votes.ballot.yourCode'), dataIndex: 'code', width: 160 },
              { title: t('votes.ballot.heading'), key: 'choices', render: (_, b) => describe(b.choices) },
            ]}
          />
        </Flex>
      )}
    </main>
  );
}
