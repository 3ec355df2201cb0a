import { Flex, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StationFigures } from '@renda/shared';

const keys = [
  'sessions',
  'deputyVisits',
  'votersReceived',
  'concerns',
  'resolvedOnSite',
  'registeredAsOpinions',
  'opinionsCollected',
  'opinionsReplied',
  'opinionsSolved',
] as const;

/** The counts seed 002 quotes: sessions, deputies on duty, voters received, concerns, and the opinions collected, replied to and solved. */
export function Figures({ figures }: { figures: StationFigures | undefined }) {
  const { t } = useTranslation();
  return (
    <Flex gap="large" wrap>
      {keys.map((k) => (
        <Statistic key={k} title={t(`stations.figures.${k}`)} value={figures ? figures[k] : '—'} />
      ))}
    </Flex>
  );
}
