import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SupervisionItemSummary } from '@renda/shared';
import { tagColour } from '../../components/tagColours';

/** The item's stage, and its round after a re-review (再审). */
export function StageTags({ item }: { item: Pick<SupervisionItemSummary, 'stage' | 'stageLabel' | 'round'> }) {
  const { t } = useTranslation();
  return (
    <>
      <Tag color={item.stage === 'closed' ? tagColour.success : tagColour.processing}>{item.stageLabel}</Tag>
      {item.round > 1 && <Tag color={tagColour.orange}>{t('supervision.roundN', { n: item.round })}</Tag>}
    </>
  );
}
