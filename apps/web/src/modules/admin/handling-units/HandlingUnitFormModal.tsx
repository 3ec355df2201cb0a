import { Form, Input, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { handlingUnitInput, handlingUnitKind, type HandlingUnit } from '@renda/shared';
import { BodyTreeSelect } from '../../../components/bodies';
import { blankToNull } from '../../../components/forms';
import { FormModal } from '../../../components/FormModal';
import { FormSelect } from '../../../components/FormSelect';
import { useFormMutation } from '../../../components/mutations';
import { handlingUnitsKey, saveHandlingUnit } from './api';

type Values = Record<string, unknown>;

/** Creates a handling unit (`unit` is 'new') or edits one; closed when `unit` is null. */
export function HandlingUnitFormModal({ unit, onClose }: { unit: HandlingUnit | 'new' | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const editing = unit !== 'new' ? unit : null;
  const { submit, pending } = useFormMutation({
    form,
    schema: handlingUnitInput,
    mutationFn: (input) => saveHandlingUnit(editing?.id ?? null, input),
    invalidate: handlingUnitsKey,
    onSuccess: onClose,
  });

  return (
    <FormModal<Values>
      name="handlingUnit"
      title={editing ? t('handlingUnits.edit', { name: editing.name }) : t('handlingUnits.create')}
      open={unit !== null}
      form={form}
      initialValues={
        editing
          ? {
              bodyId: editing.bodyId,
              name: editing.name,
              kind: editing.kind,
              contactName: editing.contactName,
              contactPhone: editing.contactPhone,
              active: editing.active,
            }
          : { active: true }
      }
      pending={pending}
      onFinish={(values) => submit(blankToNull(values))}
      onClose={onClose}
    >
      <Form.Item name="name" label={t('handlingUnits.name')} required>
        <Input />
      </Form.Item>
      <Form.Item name="kind" label={t('handlingUnits.kind')} required>
        <FormSelect options={handlingUnitKind.options.map((kind) => ({ value: kind, label: t(`handlingUnitKind.${kind}`) }))} />
      </Form.Item>
      <Form.Item name="bodyId" label={t('handlingUnits.body')} required>
        <BodyTreeSelect />
      </Form.Item>
      <Form.Item name="contactName" label={t('handlingUnits.contactName')}>
        <Input />
      </Form.Item>
      <Form.Item name="contactPhone" label={t('handlingUnits.contactPhone')}>
        <Input inputMode="tel" />
      </Form.Item>
      <Form.Item name="active" label={t('common.active')} valuePropName="checked">
        <Switch />
      </Form.Item>
    </FormModal>
  );
}
