import { Alert, Button, Checkbox, Flex, Form, Input, Spin } from 'antd';
import { useLocation, useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import {
  suggestionDraftInput,
  suggestionField,
  suggestionKind,
  suggestionPeriod,
  type SuggestionDetail,
  type SuggestionDraftInput,
} from '@renda/shared';
import { AttachmentsList } from '../../components/AttachmentsList';
import { FormRadioGroup } from './FormRadioGroup';
import { FormSelect } from '../../components/FormSelect';
import { clearErrorsOnChange } from '../../components/forms';
import { useFormMutation } from '../../components/mutations';
import { Page } from '../../components/Page';
import type { OpinionsForDraft } from '../opinions/ReceivedOpinionsPage';
import { suggestionsKey, useCosignerCandidates, useSessions, useSuggestion, saveSuggestionDraft } from './api';

type Values = Partial<SuggestionDraftInput>;

/** 起草建议 / 修改建议: one column, large controls, usable on a phone. */
export function DraftPage() {
  const { id } = useParams();
  return id ? <EditDraft id={id} /> : <DraftForm />;
}

function EditDraft({ id }: { id: string }) {
  const { data, error } = useSuggestion(id);
  if (error) return <Alert type="error" showIcon message={error.message} />;
  if (!data) return <Spin />;
  return <DraftForm item={data} />;
}

function DraftForm({ item }: { item?: SuggestionDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const period = Form.useWatch('period', form);
  const kind = Form.useWatch('kind', form);
  // A new draft may grow from citizens' opinions the deputy chose (意见转建议).
  const { state } = useLocation();
  const fromOpinions = item ? null : (state as OpinionsForDraft | null);
  const sessions = useSessions();
  const candidates = useCosignerCandidates();
  const { submit, pending } = useFormMutation<SuggestionDraftInput, SuggestionDetail>({
    form,
    schema: suggestionDraftInput,
    mutationFn: (input) => saveSuggestionDraft(item?.id ?? null, input),
    invalidate: suggestionsKey,
    successMessage: t('suggestions.draft.saved'),
    onSuccess: (saved) => navigate(`/suggestions/${saved.id}`),
  });

  const initialValues: Values = item
    ? {
        kind: item.kind,
        period: item.period,
        sessionId: item.sessionId,
        title: item.title,
        content: item.content,
        field: item.field,
        cosignerIds: item.cosigners.map((c) => c.deputyId),
        confidential: item.confidential,
      }
    : {
        kind: 'suggestion',
        period: 'between_sessions',
        field: 'other',
        cosignerIds: [],
        content: fromOpinions?.content,
        confidential: false,
      };

  return (
    <Page title={t(item ? 'suggestions.draft.editTitle' : 'suggestions.draft.title')}>
      <Form<Values>
        form={form}
        name="draft"
        layout="vertical"
        className="phone-form"
        initialValues={initialValues}
        onValuesChange={clearErrorsOnChange(form)}
        onFinish={(values) =>
          submit({
            ...values,
            sessionId: values.period === 'session' ? (values.sessionId ?? null) : null,
            opinionIds: item?.opinionIds ?? fromOpinions?.opinionIds ?? [],
          })
        }
      >
        {fromOpinions && (
          <Alert type="info" showIcon message={t('suggestions.draft.fromOpinions', { count: fromOpinions.opinionIds.length })} />
        )}
        {item?.returnReason && (
          <Alert type="warning" showIcon message={t('suggestions.detail.returnReason', { reason: item.returnReason })} />
        )}
        <Form.Item
          name="kind"
          label={t('suggestions.fields.kind')}
          required
          extra={kind === 'motion' ? t('suggestions.draft.motionHint') : undefined}
        >
          <FormRadioGroup
            optionType="button"
            options={suggestionKind.options.map((k) => ({ value: k, label: t(`suggestions.kind.${k}`) }))}
          />
        </Form.Item>
        <Form.Item name="period" label={t('suggestions.fields.period')} required>
          <FormRadioGroup
            optionType="button"
            options={suggestionPeriod.options.map((p) => ({ value: p, label: t(`suggestions.period.${p}`) }))}
          />
        </Form.Item>
        {period === 'session' && (
          <Form.Item name="sessionId" label={t('suggestions.fields.session')} required>
            <FormSelect loading={sessions.isFetching} options={(sessions.data ?? []).map((s) => ({ value: s.id, label: s.name }))} />
          </Form.Item>
        )}
        <Form.Item name="title" label={t('suggestions.fields.title')} extra={t('suggestions.draft.titleHint')} required>
          <Input size="large" />
        </Form.Item>
        <Form.Item name="field" label={t('suggestions.fields.field')} required>
          <FormSelect size="large" options={suggestionField.options.map((f) => ({ value: f, label: t(`suggestions.field.${f}`) }))} />
        </Form.Item>
        <Form.Item name="content" label={t('suggestions.fields.content')} extra={t('suggestions.draft.contentHint')} required>
          <Input.TextArea autoSize={{ minRows: 8, maxRows: 24 }} />
        </Form.Item>
        <Form.Item name="cosignerIds" label={t('suggestions.fields.cosigners')} extra={t('suggestions.draft.cosignersHint')}>
          <FormSelect
            mode="multiple"
            size="large"
            showSearch
            optionFilterProp="label"
            loading={candidates.isFetching}
            options={(candidates.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
          />
        </Form.Item>
        <Form.Item name="confidential" valuePropName="checked" extra={t('suggestions.draft.confidentialHint')}>
          <Checkbox>{t('suggestions.draft.confidential')}</Checkbox>
        </Form.Item>
        {item ? (
          <Form.Item label={t('suggestions.detail.attachments')}>
            <AttachmentsList ownerEntity="suggestion" ownerId={item.id} canUpload />
          </Form.Item>
        ) : (
          <Alert type="info" showIcon message={t('suggestions.detail.attachmentsAfterSave')} className="form-hint" />
        )}
        <Flex gap="small" wrap>
          <Button type="primary" size="large" htmlType="submit" loading={pending}>
            {t('suggestions.draft.save')}
          </Button>
          <Button size="large" onClick={() => navigate(item ? `/suggestions/${item.id}` : '/suggestions')}>
            {t('common.cancel')}
          </Button>
        </Flex>
      </Form>
    </Page>
  );
}
