import { Button, Card, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { changePasswordInput, type ChangePasswordInput } from '@renda/shared';
import { Page } from '../../components/Page';
import { useFormMutation } from '../../components/mutations';
import { api } from '../api';

type Values = ChangePasswordInput & { confirm: string };

export function ChangePasswordPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { submit, pending } = useFormMutation({
    form,
    schema: changePasswordInput,
    mutationFn: (input: ChangePasswordInput) => api.post('/api/auth/change-password', input),
    successMessage: t('changePassword.success'),
    onSuccess: () => form.resetFields(),
  });

  return (
    <Page title={t('changePassword.title')}>
      <Card className="narrow-card">
        <Form form={form} name="changePassword" layout="vertical" onFinish={submit}>
          <Form.Item name="currentPassword" label={t('changePassword.current')} required>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item name="newPassword" label={t('changePassword.new')} extra={t('changePassword.hint')} required>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('changePassword.confirm')}
            dependencies={['newPassword']}
            required
            rules={[
              ({ getFieldValue }) => ({
                validator: (_, value) =>
                  value === getFieldValue('newPassword')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('changePassword.mismatch'))),
              }),
            ]}
          >
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
