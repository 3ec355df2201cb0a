import { useEffect } from 'react';
import { Descriptions, Flex, Tag, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { can, type SupervisionEvaluation, type SupervisionItem } from '@renda/shared';
import { useCurrentUser } from '../../app/auth/session';
import { Section } from '../../components/Section';
import { tagColour } from '../../components/tagColours';
import { useVote, verifyPageUrl } from '../votes/api';
import { VotePanel } from '../votes/routes';
import { itemKey } from './api';

/**
 * 满意度测评 on the item page: each round's result as the item recorded it, and the running round's vote
 * in the vote component's own panel (staff open, close and announce it there). When that vote closes, the
 * item is read again: the result is on it, and a 不满意 result has already sent it to re-review.
 */
export function EvaluationSection({ item }: { item: SupervisionItem }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  if (!item.evaluations.length) return null;
  const latest = item.evaluations.at(-1)!;
  return (
    <Section title={t('supervision.evaluation')}>
      <Flex vertical gap="middle">
        <Typography.Text type="secondary">{t('supervision.evaluationHint')}</Typography.Text>
        {item.evaluations.map((e) => (
          <Round key={e.id} evaluation={e} />
        ))}
        {can(user.role, 'votes.read') && user.role !== 'deputy' && <LiveVote itemId={item.id} evaluation={latest} />}
      </Flex>
    </Section>
  );
}

function Round({ evaluation: e }: { evaluation: SupervisionEvaluation }) {
  const { t } = useTranslation();
  return (
    <Descriptions
      size="small"
      bordered
      column={1}
      title={t('supervision.evaluationRound', { n: e.round })}
      items={[
        { key: 'electorate', label: t('supervision.evaluationElectorate'), children: e.electorateLabel },
        {
          key: 'verdict',
          label: t('supervision.evaluationVerdict'),
          children: e.verdict ? (
            <span data-testid={`evaluation-verdict-${e.round}`}>
              <Tag color={e.verdict === 'satisfied' ? tagColour.success : tagColour.error}>{e.verdictLabel}</Tag>
              {t('supervision.evaluationCounts', {
                satisfied: e.satisfied,
                basic: e.basicallySatisfied,
                dissatisfied: e.dissatisfied,
                cast: e.ballotsCast,
                size: e.electorateSize,
              })}
            </span>
          ) : (
            t('supervision.evaluationPending')
          ),
        },
        ...(e.ruleText ? [{ key: 'rule', label: t('supervision.evaluationRule'), children: e.ruleText }] : []),
        ...(e.verdict
          ? [
              {
                key: 'verify',
                label: t('supervision.evaluationVerify'),
                children: <Link to={verifyPageUrl(e.voteId)}>{verifyPageUrl(e.voteId)}</Link>,
              },
            ]
          : []),
      ]}
    />
  );
}

/** The round's vote in its panel; its closing makes the item page read the item again. */
function LiveVote({ itemId, evaluation }: { itemId: string; evaluation: SupervisionEvaluation }) {
  const queryClient = useQueryClient();
  const state = useVote(evaluation.voteId).data?.state;
  const closedHere = (state === 'closed' || state === 'announced') && evaluation.verdict === null;
  useEffect(() => {
    if (closedHere) void queryClient.invalidateQueries({ queryKey: itemKey(itemId) });
  }, [closedHere, itemId, queryClient]);
  return <VotePanel voteId={evaluation.voteId} />;
}
