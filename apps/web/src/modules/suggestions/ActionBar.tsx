import { useState } from 'react';
import { Button, Flex, Form, Popconfirm } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { SuggestionAction, SuggestionDetail } from '@renda/shared';
import { blankToNull } from '../../components/forms';
import { FormModal } from '../../components/FormModal';
import { useAction, useFormMutation } from '../../components/mutations';
import { postAction, suggestionsKey } from './api';
import { useActionForms, type ActionForm } from './actionForms';

/** Forward steps get the primary look; the rest are plain buttons. */
const primary = new Set<SuggestionAction>([
  'submit',
  'accept',
  'register',
  'assign',
  'signFor',
  'reply',
  'release',
  'rate',
  'close',
  'confirmCosign',
]);

/** Dates picked in a form go to the API as YYYY-MM-DD; empty texts as null. */
function toInput(values: Record<string, unknown>): Record<string, unknown> {
  const dated = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, dayjs.isDayjs(v) ? v.format('YYYY-MM-DD') : v]));
  return blankToNull(dated);
}

function ActionModal({
  item,
  action,
  form: spec,
  onClose,
}: {
  item: SuggestionDetail;
  action: SuggestionAction;
  form: ActionForm;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Record<string, unknown>>();
  const label = t(`suggestions.action.${action}`);
  const { submit, pending } = useFormMutation({
    form,
    schema: spec.schema,
    mutationFn: (input) => postAction(item.id, action, input),
    invalidate: suggestionsKey,
    successMessage: t('suggestions.detail.done', { action: label }),
    onSuccess: onClose,
  });
  return (
    <FormModal<Record<string, unknown>>
      name={`action-${action}`}
      title={label}
      open
      form={form}
      initialValues={spec.initial?.(item) ?? {}}
      okText={t('suggestions.detail.confirmAction')}
      pending={pending}
      onFinish={(values) => submit(toInput(values))}
      onClose={onClose}
    >
      {spec.fields(item)}
    </FormModal>
  );
}

/** The buttons of what the user may do now, straight from the item's `allowedActions`. */
export function ActionBar({ item }: { item: SuggestionDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const forms = useActionForms();
  const [open, setOpen] = useState<SuggestionAction | null>(null);
  const [sending, setSending] = useState<SuggestionAction | null>(null);
  const direct = useAction((action: SuggestionAction) => postAction(item.id, action, {}), {
    invalidate: suggestionsKey,
    successMessage: sending ? t('suggestions.detail.done', { action: t(`suggestions.action.${sending}`) }) : undefined,
    onSuccess: () => setSending(null),
  });
  const editable = (item.state === 'draft' || item.state === 'returned') && item.allowedActions.includes('submit');
  // The server offers only what can succeed on this item (免除等待会办意见 only while a joint opinion is awaited…).
  const offered = item.allowedActions;
  if (offered.length === 0 && !editable) return null;
  // A form that applies only to some items (picking a unit's reply of a 分别办理 item) is a plain confirm elsewhere.
  const formFor = (action: SuggestionAction) => {
    const form = forms[action];
    return form && (!form.appliesTo || form.appliesTo(item)) ? form : undefined;
  };
  const openForm = open ? formFor(open) : undefined;

  return (
    <Flex gap="small" wrap role="group" aria-label={t('suggestions.detail.actions')}>
      {editable && <Button onClick={() => navigate(`/suggestions/${item.id}/edit`)}>{t('suggestions.detail.edit')}</Button>}
      {offered.map((action) => {
        const label = t(`suggestions.action.${action}`);
        const type = primary.has(action) ? 'primary' : 'default';
        if (formFor(action))
          return (
            <Button key={action} type={type} onClick={() => setOpen(action)}>
              {label}
            </Button>
          );
        return (
          <Popconfirm
            key={action}
            title={t('suggestions.detail.confirmTitle', { action: label })}
            okText={t('suggestions.detail.confirmAction')}
            cancelText={t('common.cancel')}
            onConfirm={() => {
              setSending(action);
              direct.mutate(action);
            }}
          >
            <Button type={type} loading={direct.isPending && sending === action}>
              {label}
            </Button>
          </Popconfirm>
        );
      })}
      {open && openForm && <ActionModal item={item} action={open} form={openForm} onClose={() => setOpen(null)} />}
    </Flex>
  );
}
