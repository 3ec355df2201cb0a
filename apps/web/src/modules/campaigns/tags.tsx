import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CampaignStatus, ClueStatus } from '@renda/shared';
import { tagColour, type TagTone } from '../../components/tagColours';

const campaignTones: Record<CampaignStatus, TagTone> = { planned: 'grey', active: 'processing', ended: 'success' };
const clueTones: Record<ClueStatus, TagTone> = {
  recorded: 'warning',
  transferred: 'geekblue',
  rectified: 'purple',
  closed: 'success',
  dismissed: 'grey',
};

export function CampaignStatusTag({ status }: { status: CampaignStatus }) {
  const { t } = useTranslation();
  return <Tag color={tagColour[campaignTones[status]]}>{t(`campaignStatus.${status}`)}</Tag>;
}

export function ClueStatusTag({ status }: { status: ClueStatus }) {
  const { t } = useTranslation();
  return <Tag color={tagColour[clueTones[status]]}>{t(`clueStatus.${status}`)}</Tag>;
}
