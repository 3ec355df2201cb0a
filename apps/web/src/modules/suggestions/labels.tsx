import { Badge, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SuggestionListItem, SuggestionState } from '@renda/shared';
import { formatDateTime } from '../../components/format';

type BadgeStatus = 'default' | 'processing' | 'success' | 'warning' | 'error';

const stateStatus: Record<SuggestionState, BadgeStatus> = {
  draft: 'default',
  submitted: 'processing',
  returned: 'warning',
  merged: 'default',
  accepted: 'processing',
  assigned: 'processing',
  reassignment_requested: 'warning',
  handling: 'processing',
  replied: 'processing',
  reply_released: 'processing',
  rated: 'success',
  rehandling: 'warning',
  closed: 'success',
};

/** The state as a dot and its words (the dot is decoration; the words carry the meaning). */
export function StateBadge({ state }: { state: SuggestionState }) {
  const { t } = useTranslation();
  return <Badge status={stateStatus[state]} text={t(`suggestions.state.${state}`)} />;
}

/** Marks beside a title: key suggestion (重点) and overdue (逾期). Tag colours kept to those with AA contrast. */
export function ItemMarks({ item }: { item: Pick<SuggestionListItem, 'isKey' | 'overdue'> }) {
  const { t } = useTranslation();
  if (!item.isKey && !item.overdue) return null;
  return (
    <Space size={4}>
      {item.isKey && <Tag color="purple">{t('suggestions.fields.keyMark')}</Tag>}
      {item.overdue && <Tag color="red">{t('suggestions.fields.overdueMark')}</Tag>}
    </Space>
  );
}

export function formatDate(iso: string | null | undefined): string {
  return iso ? formatDateTime(iso).slice(0, 10) : '—';
}

/** Rates as the Excel export writes them (packages/shared), so the page and the file agree. */
export { ratePercent as percent, suggestionRateKeys as rateKeys, type SuggestionRateKey as RateKey } from '@renda/shared';
