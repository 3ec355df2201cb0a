import { Button, Flex, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { can, type CycleDetail } from '@renda/shared';
import { useCurrentUser } from '../../app/auth/session';
import { Section } from '../../components/Section';
import { VotePanel } from '../votes/routes';
import { livelihoodKey } from './api';

/**
 * The deputies' vote (and its run-off) and the year-end evaluation, on the one vote component: staff run
 * them in its panel; a deputy opens the phone-sized ballot page.
 */
export function VoteSection({ cycle: c }: { cycle: CycleDetail }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const votes = [
    { id: c.voteId, title: t('livelihood.cycle.vote') },
    { id: c.runoffVoteId, title: `${t('livelihood.cycle.vote')}（${t('livelihood.cycle.runoff')}）` },
    { id: c.evaluationVoteId, title: t('livelihood.cycle.evaluationVote') },
  ].filter((v): v is { id: string; title: string } => !!v.id);
  if (!votes.length) return null;
  const staff = can(user.role, 'livelihood.manage') || user.role === 'leader';
  return (
    <>
      {votes.map((v) => (
        <Section key={v.id} title={v.title}>
          {staff ? (
            <VotePanel voteId={v.id} subjectKey={livelihoodKey} />
          ) : (
            <Flex vertical gap="small">
              <Typography.Text>{t('livelihood.cycle.voteHint')}</Typography.Text>
              <Link to={`/votes/${v.id}/ballot`}>
                <Button type="primary">{t('livelihood.cycle.ballot')}</Button>
              </Link>
            </Flex>
          )}
        </Section>
      ))}
    </>
  );
}
