import { useState } from 'react';
import { Alert, Button, Descriptions, Flex, Image, List, Select, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { can, type BallotChoices, type VoteView } from '@renda/shared';
import { useCurrentUser } from '../../app/auth/session';
import { useAction } from '../../components/mutations';
import { ConfirmedActions } from '../../components/ConfirmedActions';
import { Section } from '../../components/Section';
import {
  actOnVote,
  ballotPageUrl,
  confirmPaper,
  enterPaper,
  markPaper,
  usePendingPaper,
  useTurnout,
  useVote,
  verifyPageUrl,
  voteKey,
} from './api';
import { BallotForm } from './BallotForm';
import { tagColour } from '../../components/tagColours';

/**
 * The staff's panel of one vote: live turnout, open / close / announce, paper ballots with a second
 * person's confirmation, and the result with its rule and figures. Other modules embed it.
 */
export function VotePanel({ voteId, subjectKey }: { voteId: string; subjectKey?: QueryKey }) {
  const { t } = useTranslation();
  const vote = useVote(voteId);
  if (!vote.data) return vote.error ? <Alert type="error" message={t('votes.notFound')} /> : null;
  return <Panel vote={vote.data} subjectKey={subjectKey} />;
}

/**
 * `subjectKey`: the queries of the page that embeds the panel. Closing a vote moves its subject on (a
 * livelihood cycle to 票决结果已公布, its projects to chosen or not), so that page is refreshed after each step.
 */
function Panel({ vote: v, subjectKey }: { vote: VoteView; subjectKey?: QueryKey | undefined }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const manage = can(user.role, 'votes.manage');
  const turnout = useTurnout(v.id, manage && v.state === 'open');
  const live = turnout.data ?? { voted: v.turnout.voted, electorateSize: v.electorateSize, byChannel: { app: 0, paper: 0 }, notVoted: [] };
  return (
    <Flex vertical gap="middle">
      <Section
        title={v.title}
        extra={
          manage && (
            <Flex gap="small" wrap>
              <ConfirmedActions
                actions={v.allowedActions}
                label={(a) => t(`votes.action.${a}`)}
                act={(a) => actOnVote(v.id, a)}
                invalidate={voteKey(v.id)}
                primary={(a) => a === 'open'}
                onSuccess={() => subjectKey && void queryClient.invalidateQueries({ queryKey: subjectKey })}
              />
            </Flex>
          )
        }
      >
        <Descriptions column={{ xs: 1, sm: 2 }} size="small">
          <Descriptions.Item label={t('common.status')}>
            <Tag>{t(`votes.state.${v.state}`)}</Tag> <Tag>{v.secret ? t('votes.secret') : t('votes.named')}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('votes.turnout')}>
            <span data-testid="turnout">{t('votes.turnoutOf', { voted: live.voted, size: live.electorateSize })}</span>
            {turnout.data && <Typography.Text type="secondary"> （{t('votes.byChannel', turnout.data.byChannel)}）</Typography.Text>}
          </Descriptions.Item>
          <Descriptions.Item label={t('votes.rule')} span={2}>
            {v.ruleText}
          </Descriptions.Item>
        </Descriptions>
        <Flex gap="middle" wrap align="center">
          <Link to={ballotPageUrl(v.id)}>{t('votes.ballotLink')}</Link>
          {v.state !== 'draft' && v.state !== 'open' && <Link to={verifyPageUrl(v.id)}>{t('votes.verifyLink')}</Link>}
        </Flex>
        {manage && v.state === 'open' && (
          <Flex gap="small" align="center" wrap>
            <Image width={120} src={`/api/votes/${v.id}/qr.png`} alt={t('votes.ballotLink')} preview={false} />
            <Typography.Text type="secondary">{t('votes.qrHint')}</Typography.Text>
          </Flex>
        )}
      </Section>
      {manage && v.state === 'open' && <PaperBallots vote={v} notVoted={live.notVoted} />}
      {v.result && <Result vote={v} />}
    </Flex>
  );
}

function PaperBallots({ vote: v, notVoted }: { vote: VoteView; notVoted: { voterId: string; name: string }[] }) {
  const { t } = useTranslation();
  const [deputyId, setDeputyId] = useState<string>();
  const [formKey, setFormKey] = useState(0);
  const pending = usePendingPaper(v.id, true);
  const mark = useAction((id: string) => markPaper(v.id, id), { invalidate: voteKey(v.id), onSuccess: () => setDeputyId(undefined) });
  const enter = useAction((choices: BallotChoices) => enterPaper(v.id, choices), {
    invalidate: voteKey(v.id),
    onSuccess: () => setFormKey((k) => k + 1),
  });
  const decide = useAction(({ id, accept }: { id: string; accept: boolean }) => confirmPaper(v.id, id, accept), {
    invalidate: voteKey(v.id),
  });
  const rows = pending.data ?? [];
  return (
    <Section title={t('votes.paper.title')}>
      <Flex vertical gap="middle">
        <Flex gap="small" wrap align="center">
          <Typography.Text>{t('votes.paper.mark')}</Typography.Text>
          <Select
            style={{ minWidth: 200 }}
            showSearch
            optionFilterProp="label"
            aria-label={t('votes.paper.mark')}
            value={deputyId}
            onChange={setDeputyId}
            options={notVoted.map((n) => ({ value: n.voterId, label: n.name }))}
          />
          <Button disabled={!deputyId} loading={mark.isPending} onClick={() => deputyId && mark.mutate(deputyId)}>
            {t('votes.paper.markButton')}
          </Button>
        </Flex>
        <Typography.Text strong>{t('votes.paper.enter')}</Typography.Text>
        <BallotForm
          key={formKey}
          vote={v}
          submitLabel={t('votes.paper.enterButton')}
          pending={enter.isPending}
          onSubmit={(c) => enter.mutate(c)}
        />
        <Typography.Text strong>{t('votes.paper.pending', { count: rows.length })}</Typography.Text>
        <List
          size="small"
          dataSource={rows}
          renderItem={(p) => (
            <List.Item
              actions={
                p.mine
                  ? [
                      <Typography.Text key="mine" type="secondary">
                        {t('votes.paper.mine')}
                      </Typography.Text>,
                    ]
                  : [
                      <Button key="ok" type="link" onClick={() => decide.mutate({ id: p.id, accept: true })}>
                        {t('votes.paper.confirm')}
                      </Button>,
                      <Button key="no" type="link" danger onClick={() => decide.mutate({ id: p.id, accept: false })}>
                        {t('votes.paper.reject')}
                      </Button>,
                    ]
              }
            >
              {Object.entries(p.choices)
                .map(([key, choice]) => `${v.items.find((i) => i.key === key)?.label ?? key}：${t(`votes.choice.${choice}`)}`)
                .join('；')}
              <Typography.Text type="secondary">
                （{t('votes.paper.enteredBy')}：{p.enteredBy}）
              </Typography.Text>
            </List.Item>
          )}
        />
      </Flex>
    </Section>
  );
}

function Result({ vote: v }: { vote: VoteView }) {
  const { t } = useTranslation();
  const r = v.result!;
  const labelOf = (key: string) => v.items.find((i) => i.key === key)?.label ?? key;
  return (
    <Section title={t('votes.result')}>
      <Flex vertical gap="small">
        <Table
          size="small"
          rowKey="key"
          pagination={false}
          scroll={{ x: true }}
          dataSource={r.items}
          columns={[
            { title: '#', dataIndex: 'rank', width: 48 },
            { title: t('votes.list'), dataIndex: 'label' },
            { title: t('votes.votes'), dataIndex: 'votes' },
            {
              title: t('votes.result'),
              key: 'outcome',
              render: (_, i) =>
                i.chosen ? (
                  <Tag color={tagColour.success}>{t('votes.chosen')}</Tag>
                ) : i.passed ? (
                  t('votes.passed')
                ) : (
                  // A motion (赞成 / 反对 / 弃权) or an assessment fails; only a list's items are "not chosen".
                  t(v.ballotKind === 'approve' ? 'votes.notChosen' : 'votes.notPassed')
                ),
            },
          ]}
        />
        {r.tie && (
          <Alert
            type="warning"
            showIcon
            message={t('votes.tie', { items: r.tie.keys.map(labelOf).join('、') })}
            action={v.runoffVoteId ? <Link to={`/meetings/votes/${v.runoffVoteId}`}>{t('votes.runoff')}</Link> : undefined}
          />
        )}
        <Typography.Paragraph>
          <Typography.Text strong>{t('votes.figures')}：</Typography.Text>
          {r.figuresText}
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary">{r.ruleText}</Typography.Paragraph>
        {v.verifiedAt && <Alert type="success" showIcon message={t('votes.verified')} />}
      </Flex>
    </Section>
  );
}
