import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CycleDetail } from '@renda/shared';
import { Section } from '../../components/Section';

/** The deputies' vote and the year-end evaluation, on the one vote component (its panel once merged). */
export function VoteSection({ cycle: c }: { cycle: CycleDetail }) {
  const { t } = useTranslation();
  if (!c.voteId && !c.evaluationVoteId) return null;
  return (
    <Section title={t('livelihood.cycle.vote')}>
      <Typography.Paragraph>{t('livelihood.cycle.voteHint')}</Typography.Paragraph>
    </Section>
  );
}
