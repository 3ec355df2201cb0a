import { Button, Card, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { changePasswordInput } from '@renda/shared';
import { clearErrorsOnChange } from '../../components/forms';
import { Page } from '../../components/Page';
import { useFormMutation } from '../../components/mutations';
import { changePassword } from './session';

export function ChangePasswordPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  // The shared schema plus the confirmation, which only the form has.
  const schema = changePasswordInput
    .extend({ confirm: changePasswordInput.shape.currentPassword })
    .refine((v) => v.confirm === v.newPassword, { message: t('changePassword.mismatch'), path: ['confirm'] });
  const { submit, pending } = useFormMutation({
    form,
    schema,
    mutationFn: ({ currentPassword, newPassword }) => changePassword({ currentPassword, newPassword }),
    successMessage: t('changePassword.success'),
    onSuccess: () => form.resetFields(),
  });

  return (
    <Page title={t('changePassword.title')}>
      <Card className="narrow-card">
        <Form form={form} name="changePassword" layout="vertical" onFinish={submit} onValuesChange={clearErrorsOnChange(form)}>
          <Form.Item name="currentPassword" label={t('changePassword.current')} required>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item name="newPassword" label={t('changePassword.new')} extra={t('changePassword.hint')} required>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item name="confirm" label={t('changePassword.confirm')} required>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={pending}>
            {t('common.save')}
          </Button>
        </Form>
      </Card>
    </Page>
  );
}
