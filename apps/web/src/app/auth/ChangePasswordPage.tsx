import { Alert, Button, Card, Form, Input } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { changePasswordInput, type Session } from '@renda/shared';
import { clearErrorsOnChange } from '../../components/forms';
import { Page } from '../../components/Page';
import { useFormMutation } from '../../components/mutations';
import { changePassword, sessionKey, useCurrentUser, useLogout } from './session';

/**
 * 修改密码. With `required` it is the first-login page of a user whose password someone else chose: the only
 * page open (RequireAuth sends every other address here) until the change is made, then the home page.
 */
export function ChangePasswordPage({ required = false }: { required?: boolean }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const logout = useLogout();
  const user = useCurrentUser();
  // The shared schema plus the confirmation, which only the form has.
  const schema = changePasswordInput
    .extend({ confirm: changePasswordInput.shape.currentPassword })
    .refine((v) => v.confirm === v.newPassword, { message: t('changePassword.mismatch'), path: ['confirm'] });
  const { submit, pending } = useFormMutation({
    form,
    schema,
    mutationFn: ({ currentPassword, newPassword }) => changePassword({ currentPassword, newPassword }),
    successMessage: t('changePassword.success'),
    onSuccess: () => {
      form.resetFields();
      if (!required) return;
      queryClient.setQueryData<Session | null>(sessionKey, (s) => s && { ...s, user: { ...s.user, passwordMustChange: false } });
      void navigate('/', { replace: true });
    },
  });

  return (
    <Page
      title={t(required ? 'changePassword.requiredTitle' : 'changePassword.title')}
      extra={
        required && (
          <Button onClick={() => logout.mutate()} loading={logout.isPending}>
            {t('header.logout')}
          </Button>
        )
      }
    >
      <Card className="narrow-card">
        {required && (
          <Alert type="info" showIcon message={t('changePassword.required', { name: user.displayName })} className="first-login-alert" />
        )}
        <Form form={form} name="changePassword" layout="vertical" onFinish={submit} onValuesChange={clearErrorsOnChange(form)}>
          <Form.Item name="currentPassword" label={t(required ? 'changePassword.initial' : 'changePassword.current')} required>
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
