import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { tagColour, type TagTone } from '../../components/tagColours';
import type { HonourState, ReportBackState } from '@renda/shared';

const stateColour: Record<ReportBackState | HonourState, TagTone> = {
  draft: 'default',
  rating: 'processing',
  closed: 'success',
  nominating: 'default',
  voting: 'processing',
};

export function ReportBackStateTag({ state }: { state: ReportBackState }) {
  const { t } = useTranslation();
  return <Tag color={tagColour[stateColour[state]]}>{t(`reportbacks.state.${state}`)}</Tag>;
}

export function HonourStateTag({ state }: { state: HonourState }) {
  const { t } = useTranslation();
  return <Tag color={tagColour[stateColour[state]]}>{t(`reportbacks.honours.state.${state}`)}</Tag>;
}

export const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

/** The three answers' colours, the same on every chart. */
export const ratingColour = { satisfied: '#389e0d', basically_satisfied: '#1677ff', dissatisfied: '#cf1322' } as const;
