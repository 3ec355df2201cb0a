import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SupervisionItemSummary } from '@renda/shared';
import { tagColour } from '../../components/tagColours';

/** The item's stage, its round after a re-review (再审), and whether the stage is past its due date. */
export function StageTags({ item }: { item: Pick<SupervisionItemSummary, 'stage' | 'stageLabel' | 'round' | 'stageOverdue'> }) {
  const { t } = useTranslation();
  return (
    <>
      <Tag color={item.stage === 'closed' ? tagColour.success : tagColour.processing}>{item.stageLabel}</Tag>
      {item.round > 1 && <Tag color={tagColour.orange}>{t('supervision.roundN', { n: item.round })}</Tag>}
      {item.stageOverdue && <Tag color={tagColour.error}>{t('supervision.stageOverdue')}</Tag>}
    </>
  );
}
