import { Alert, Form, Input, Typography } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { can, clueSuggestionInput, type CampaignClue, type CampaignClueDetail } from '@renda/shared';
import { useCurrentUser } from '../../app/auth/session';
import { FormModal } from '../../components/FormModal';
import { useFormMutation } from '../../components/mutations';
import { RemoteSelect } from '../../components/RemoteSelect';
import { campaignsKey, linkClueSuggestion, useSuggestionSourceClues } from './api';
import { useSuggestionSource } from '../../components/remoteSources';

type Values = Record<string, unknown>;

/** The suggestion a clue became: its number (or that it is still a draft), linked to its page. */
export function ClueSuggestionLink({ clue }: { clue: CampaignClue }) {
  const { t } = useTranslation();
  const s = clue.suggestion;
  if (!s) return <>—</>;
  const text = s.number ?? (s.state === 'draft' ? t('campaigns.suggestionDraft') : t('campaigns.suggestion'));
  return (
    <Link to={`/suggestions/${s.id}`} title={s.title ?? undefined}>
      {s.title ? `${text} ${s.title}` : text}
    </Link>
  );
}

/** Staff link a clue to a suggestion already submitted (found by title or number). */
/** The form of a clue's suggestion (link or draft), sent through linkClueSuggestion. */
function useClueSuggestionForm(clue: CampaignClue, onSuccess: (detail: CampaignClueDetail) => void) {
  const [form] = Form.useForm<Values>();
  const mutation = useFormMutation({
    form,
    schema: clueSuggestionInput,
    mutationFn: (input) => linkClueSuggestion(clue.id, input),
    invalidate: campaignsKey,
    onSuccess,
  });
  return { form, ...mutation };
}

export function LinkSuggestionModal({ clue, onClose }: { clue: CampaignClue; onClose: () => void }) {
  const { t } = useTranslation();
  const source = useSuggestionSource();
  const { form, submit, pending } = useClueSuggestionForm(clue, onClose);
  return (
    <FormModal<Values>
      name="clue-link"
      title={t('campaigns.linkSuggestionOf', { number: clue.number })}
      open
      form={form}
      pending={pending}
      onFinish={(v) => submit({ ...v, mode: 'link' })}
      onClose={onClose}
    >
      <Form.Item name="suggestionId" label={t('campaigns.suggestionToLink')} required>
        <RemoteSelect<string> source={source} placeholder={t('campaigns.suggestionSearch')} />
      </Form.Item>
    </FormModal>
  );
}

/** A deputy turns a clue from their visit into their own draft suggestion, then finishes it in module 4. */
export function DraftSuggestionModal({ clue, onClose }: { clue: CampaignClue; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { form, submit, pending } = useClueSuggestionForm(clue, (detail) => {
    onClose();
    if (detail.suggestion) navigate(`/suggestions/${detail.suggestion.id}/edit`);
  });
  return (
    <FormModal<Values>
      name="clue-draft"
      title={t('campaigns.draftSuggestionOf', { number: clue.number })}
      open
      form={form}
      initialValues={{ title: '关于' }}
      pending={pending}
      onFinish={(v) => submit({ ...v, mode: 'draft' })}
      onClose={onClose}
    >
      <Alert type="info" showIcon message={t('campaigns.draftHint')} className="form-hint" />
      <Form.Item name="title" label={t('campaigns.draftTitle')} required>
        <Input />
      </Form.Item>
    </FormModal>
  );
}

/** On a suggestion's page: the campaign clues it came from (nothing when none). */
export function SuggestionSourceClues({ suggestionId }: { suggestionId: string }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const clues = useSuggestionSourceClues(suggestionId);
  if (!clues.data?.length) return null;
  const campaignPages = can(user.role, 'campaigns.read');
  return (
    <Alert
      type="info"
      showIcon
      message={t('campaigns.sourceClues')}
      description={
        <ul className="plain-list">
          {clues.data.map((c) => (
            <li key={c.id}>
              {campaignPages ? <Link to={`/opinions/campaigns/${c.campaignId}`}>{c.campaignTitle}</Link> : c.campaignTitle} {c.number}：
              <Typography.Text>{c.content}</Typography.Text>
            </li>
          ))}
        </ul>
      }
    />
  );
}
