import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OpinionStatus } from '@renda/shared';

/** Dark solid colours: antd's light preset tags fall below the 4.5:1 contrast WCAG asks for. */
const colors: Record<OpinionStatus, string> = {
  submitted: '#874d00',
  accepted: '#0958d9',
  declined: '#595959',
  merged: '#595959',
  routed: '#1d39c4',
  returned: '#ad4e00',
  signed_for: '#006d75',
  replied: '#531dab',
  reply_approved: '#237804',
  dissatisfied: '#a8071a',
  rated: '#237804',
  closed: '#595959',
};

export function StatusTag({ status }: { status: OpinionStatus }) {
  const { t } = useTranslation();
  return <Tag color={colors[status]}>{t(`opinionStatus.${status}`)}</Tag>;
}

export function OverdueTag() {
  const { t } = useTranslation();
  return <Tag color="#a8071a">{t('opinions.overdue')}</Tag>;
}
