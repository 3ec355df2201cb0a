import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { resetPasswordInput, type User } from '@renda/shared';
import { FormModal } from '../../../components/FormModal';
import { useFormMutation } from '../../../components/mutations';
import { resetUserPassword } from './api';

export function ResetPasswordModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ password: string }>();
  const { submit, pending } = useFormMutation({
    form,
    schema: resetPasswordInput,
    mutationFn: (input) => resetUserPassword(user?.id, input),
    successMessage: t('users.resetDone'),
    onSuccess: onClose,
  });
  return (
    <FormModal
      name="resetPassword"
      title={t('users.resetPasswordTitle', { name: user?.displayName })}
      open={user !== null}
      form={form}
      pending={pending}
      onFinish={submit}
      onClose={onClose}
    >
      <Form.Item name="password" label={t('users.newPassword')} extra={t('users.initialPasswordHint')} required>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </FormModal>
  );
}
