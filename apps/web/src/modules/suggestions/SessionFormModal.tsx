import { DatePicker, Form, Input, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { suggestionSessionInput } from '@renda/shared';
import { useCurrentUser } from '../../app/auth/session';
import { BodyTreeSelect } from '../../components/bodies';
import { FormModal } from '../../components/FormModal';
import { useFormMutation } from '../../components/mutations';
import { sessionsKey, createSuggestionSession } from './api';

type Values = { bodyId?: string; name?: string; year?: number; startsOn?: Dayjs; endsOn?: Dayjs };

/** 登记会议: suggestions made during a session are numbered within it. */
export function SessionFormModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [form] = Form.useForm<Values>();
  const { submit, pending } = useFormMutation({
    form,
    schema: suggestionSessionInput,
    mutationFn: createSuggestionSession,
    invalidate: sessionsKey,
    onSuccess: onClose,
  });
  return (
    <FormModal<Values>
      name="session"
      title={t('suggestions.session.create')}
      open
      form={form}
      initialValues={{ bodyId: user.bodyId, year: new Date().getFullYear() }}
      pending={pending}
      onFinish={(v) => submit({ ...v, startsOn: v.startsOn?.format('YYYY-MM-DD'), endsOn: v.endsOn?.format('YYYY-MM-DD') })}
      onClose={onClose}
    >
      <Form.Item name="bodyId" label={t('suggestions.session.body')} required>
        <BodyTreeSelect />
      </Form.Item>
      <Form.Item name="name" label={t('suggestions.session.name')} extra={t('suggestions.session.nameHint')} required>
        <Input />
      </Form.Item>
      <Form.Item name="year" label={t('suggestions.session.year')} required>
        <InputNumber min={1990} max={2100} />
      </Form.Item>
      <Form.Item name="startsOn" label={t('suggestions.session.startsOn')} required>
        <DatePicker />
      </Form.Item>
      <Form.Item name="endsOn" label={t('suggestions.session.endsOn')} required>
        <DatePicker />
      </Form.Item>
    </FormModal>
  );
}
