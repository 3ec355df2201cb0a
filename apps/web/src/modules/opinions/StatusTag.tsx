import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OpinionStatus } from '@renda/shared';
import { tagColour, type TagTone } from '../../components/tagColours';

const tones: Record<OpinionStatus, TagTone> = {
  submitted: 'warning',
  accepted: 'processing',
  declined: 'grey',
  merged: 'grey',
  routed: 'geekblue',
  returned: 'orange',
  signed_for: 'cyan',
  replied: 'purple',
  reply_approved: 'success',
  dissatisfied: 'error',
  rated: 'success',
  closed: 'grey',
};

export function StatusTag({ status }: { status: OpinionStatus }) {
  const { t } = useTranslation();
  return <Tag color={tagColour[tones[status]]}>{t(`opinionStatus.${status}`)}</Tag>;
}

export function OverdueTag() {
  const { t } = useTranslation();
  return <Tag color={tagColour.error}>{t('opinions.overdue')}</Tag>;
}
