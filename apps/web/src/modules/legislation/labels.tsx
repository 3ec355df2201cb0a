import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Adoption, CommentState, DraftState } from '@renda/shared';
import { tagColour } from '../../components/tagColours';

const stateColour: Record<DraftState, string | undefined> = {
  drafting: tagColour.default,
  open: tagColour.processing,
  closed: tagColour.warning,
  summarised: tagColour.success,
};
const commentColour: Record<CommentState, string | undefined> = {
  pending: tagColour.orange,
  approved: tagColour.success,
  rejected: tagColour.default,
};
const adoptionColour: Record<Adoption, string | undefined> = {
  adopted: tagColour.success,
  partly: tagColour.processing,
  not_adopted: tagColour.grey,
};

export function DraftStateTag({ state }: { state: DraftState }) {
  const { t } = useTranslation();
  return <Tag color={stateColour[state]}>{t(`legislation.state.${state}`)}</Tag>;
}

export function CommentStateTag({ state }: { state: CommentState }) {
  const { t } = useTranslation();
  return <Tag color={commentColour[state]}>{t(`legislation.commentState.${state}`)}</Tag>;
}

export function AdoptionTag({ adoption }: { adoption: Adoption | null }) {
  const { t } = useTranslation();
  return adoption ? (
    <Tag color={adoptionColour[adoption]}>{t(`legislation.adoption.${adoption}`)}</Tag>
  ) : (
    <Tag>{t('legislation.adoption.unmarked')}</Tag>
  );
}

/** The heat of an article: from white (no comment) to deep red (the most commented article). */
export function heatColour(count: number, max: number) {
  if (!count || !max) return 'transparent';
  const alpha = 0.1 + 0.35 * (count / max);
  return `rgba(183, 28, 28, ${alpha.toFixed(2)})`;
}
