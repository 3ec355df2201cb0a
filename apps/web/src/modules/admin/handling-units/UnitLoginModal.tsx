import { useState } from 'react';
import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { unitLoginInput, type CreatedLogin, type HandlingUnit } from '@renda/shared';
import { CreatedLoginsModal } from '../../../components/CreatedLogins';
import { blankToNull } from '../../../components/forms';
import { FormModal } from '../../../components/FormModal';
import { useFormMutation } from '../../../components/mutations';
import { createUnitLogin, handlingUnitsKey } from './api';

type Values = Record<string, unknown>;

/** 开通登录账号 for a person of a handling unit; the initial password is then shown once (or sent by SMS). */
export function UnitLoginModal({ unit, onClose }: { unit: HandlingUnit; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [created, setCreated] = useState<CreatedLogin | null>(null);
  const { submit, pending } = useFormMutation({
    form,
    schema: unitLoginInput,
    mutationFn: (input) => createUnitLogin(unit.id, input),
    invalidate: handlingUnitsKey,
    successMessage: false,
    onSuccess: setCreated,
  });
  if (created) return <CreatedLoginsModal logins={[created]} onClose={onClose} />;
  return (
    <FormModal<Values>
      name="unitLogin"
      title={t('handlingUnits.loginFor', { name: unit.name })}
      open
      form={form}
      pending={pending}
      onFinish={(values) => submit(blankToNull(values))}
      onClose={onClose}
    >
      <Form.Item name="displayName" label={t('handlingUnits.loginName')} required>
        <Input />
      </Form.Item>
      <Form.Item name="phone" label={t('handlingUnits.loginPhone')} extra={t('handlingUnits.loginPhoneHint')}>
        <Input inputMode="tel" />
      </Form.Item>
    </FormModal>
  );
}
