import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CampaignStatus, ClueStatus } from '@renda/shared';

/** Dark solid colours, readable at WCAG AA (antd's light presets are not). */
const campaignColors: Record<CampaignStatus, string> = { planned: '#595959', active: '#0958d9', ended: '#237804' };
const clueColors: Record<ClueStatus, string> = {
  recorded: '#874d00',
  transferred: '#1d39c4',
  rectified: '#531dab',
  closed: '#237804',
  dismissed: '#595959',
};

export function CampaignStatusTag({ status }: { status: CampaignStatus }) {
  const { t } = useTranslation();
  return <Tag color={campaignColors[status]}>{t(`campaignStatus.${status}`)}</Tag>;
}

export function ClueStatusTag({ status }: { status: ClueStatus }) {
  const { t } = useTranslation();
  return <Tag color={clueColors[status]}>{t(`clueStatus.${status}`)}</Tag>;
}
