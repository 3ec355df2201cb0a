import { useEffect, useState } from 'react';
import { Alert, Button, Form, Input, Radio, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  replyCategory,
  replyLetterMode,
  suggestionSettingsInput,
  type ReplyCategoryOption,
  type ReplyLetterMode,
  type SuggestionSettingsInput,
} from '@renda/shared';
import { useCurrentUser } from '../../app/auth/session';
import { BodyTreeSelect } from '../../components/bodies';
import { FormModal } from '../../components/FormModal';
import { useFormMutation } from '../../components/mutations';
import { FormRadioGroup } from './FormRadioGroup';
import { saveSuggestionSettings, useSuggestionSettings } from './api';

type Values = { bodyId?: string; replyLetterMode?: ReplyLetterMode; replyCategories?: ReplyCategoryOption[] };

/**
 * 建议办理设置 of a body: how the reply to a co-signed (联名) item is addressed, and the result
 * categories (办理结果分类, A/B/C or A–D with the body's own labels). A body without its own setting
 * follows the body above it; saving here gives the chosen body its own.
 */
export function SettingsFormModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [form] = Form.useForm<Values>();
  const [bodyId, setBodyId] = useState<string | undefined>(user.bodyId ?? undefined);
  const current = useSuggestionSettings(bodyId);
  useEffect(() => {
    if (current.data) form.setFieldsValue({ replyLetterMode: current.data.replyLetterMode, replyCategories: current.data.replyCategories });
  }, [current.data, form]);
  const { submit, pending } = useFormMutation({
    form,
    schema: suggestionSettingsInput,
    mutationFn: (input: SuggestionSettingsInput) => saveSuggestionSettings(bodyId!, input),
    invalidate: ['suggestion-settings'],
    onSuccess: onClose,
  });
  const inherited = current.data && current.data.setBy !== bodyId;
  return (
    <FormModal<Values>
      name="suggestion-settings"
      title={t('suggestions.settings.title')}
      open
      form={form}
      initialValues={{ bodyId: user.bodyId }}
      pending={pending}
      onFinish={({ bodyId: _body, ...v }) => submit(v)}
      onClose={onClose}
    >
      <Form.Item name="bodyId" label={t('suggestions.settings.body')} required>
        <BodyTreeSelect onChange={(v: string) => setBodyId(v)} />
      </Form.Item>
      {inherited && (
        <Alert
          type="info"
          showIcon
          message={
            current.data?.setByName
              ? t('suggestions.settings.inherited', { body: current.data.setByName })
              : t('suggestions.settings.platformDefault')
          }
        />
      )}
      <Form.Item name="replyLetterMode" label={t('suggestions.settings.letterMode')} required>
        <FormRadioGroup>
          <Space direction="vertical">
            {replyLetterMode.options.map((m) => (
              <Radio key={m} value={m}>
                {t(`suggestions.settings.letterModeOption.${m}`)}
              </Radio>
            ))}
          </Space>
        </FormRadioGroup>
      </Form.Item>
      <Form.Item label={t('suggestions.settings.categories')} extra={t('suggestions.settings.categoriesHint')} required>
        <Form.List name="replyCategories">
          {(fields, { add, remove }) => (
            <Space direction="vertical" style={{ width: '100%' }}>
              {fields.map((field, i) => (
                <Space key={field.key} align="baseline" wrap>
                  <Form.Item name={[field.name, 'code']} hidden>
                    <Input />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'label']}
                    label={t('suggestions.settings.categoryLabel', { code: replyCategory.options[i] })}
                    style={{ marginBottom: 0 }}
                  >
                    <Input style={{ minWidth: '16em' }} />
                  </Form.Item>
                  {i === fields.length - 1 && fields.length > 2 && (
                    <Button onClick={() => remove(field.name)}>{t('suggestions.settings.removeCategory')}</Button>
                  )}
                </Space>
              ))}
              {fields.length < replyCategory.options.length && (
                <Button onClick={() => add({ code: replyCategory.options[fields.length], label: '' })}>
                  {t('suggestions.settings.addCategory', { code: replyCategory.options[fields.length] })}
                </Button>
              )}
            </Space>
          )}
        </Form.List>
      </Form.Item>
    </FormModal>
  );
}
