import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { bodyInput, bodyLevel, type Body } from '@renda/shared';
import { BodyTreeSelect, bodiesKey } from '../../../components/bodies';
import { FormModal } from '../../../components/FormModal';
import { FormSelect } from '../../../components/FormSelect';
import { useFormMutation } from '../../../components/mutations';
import { RegionPicker } from './RegionPicker';
import { saveBody } from './api';

/** What the modal edits: an existing body, or a new one (under `parentId` when given). */
export type BodyDraft = { body: Body } | { parentId: string | null };

type Values = { parentId?: string | null; regionCode?: string; level?: string; name?: string };

export function BodyFormModal({ draft, onClose }: { draft: BodyDraft | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const editing = draft && 'body' in draft ? draft.body : null;
  const { submit, pending } = useFormMutation({
    form,
    schema: bodyInput,
    mutationFn: (input) => saveBody(editing?.id ?? null, input),
    invalidate: bodiesKey,
    onSuccess: onClose,
  });

  const initialValues: Values = editing
    ? { parentId: editing.parentId, regionCode: editing.regionCode, level: editing.level, name: editing.name }
    : { parentId: draft && 'parentId' in draft ? draft.parentId : null };

  return (
    <FormModal<Values>
      name="body"
      title={editing ? t('bodies.edit', { name: editing.name }) : t('bodies.create')}
      open={draft !== null}
      form={form}
      initialValues={initialValues}
      pending={pending}
      onFinish={(values) => submit({ ...values, name: values.name ?? '', parentId: values.parentId ?? null })}
      onClose={onClose}
    >
      <Form.Item name="name" label={t('bodies.name')} required>
        <Input />
      </Form.Item>
      <Form.Item name="level" label={t('bodies.level')} required>
        <FormSelect options={bodyLevel.options.map((level) => ({ value: level, label: t(`bodyLevel.${level}`) }))} />
      </Form.Item>
      <Form.Item name="regionCode" label={t('bodies.region')} required>
        <RegionPicker />
      </Form.Item>
      <Form.Item name="parentId" label={t('bodies.parent')}>
        <BodyTreeSelect allowClear placeholder={t('bodies.noParent')} disabledId={editing?.id} />
      </Form.Item>
    </FormModal>
  );
}
