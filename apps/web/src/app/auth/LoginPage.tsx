import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useLocation, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { loginInput, type LoginInput } from '@renda/shared';
import { useDocumentTitle } from '../../components/Page';
import { clearErrorsOnChange, validate } from '../../components/forms';
import { useLogin } from './session';

export function LoginPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<LoginInput>();
  const navigate = useNavigate();
  const from = (useLocation().state as { from?: string } | null)?.from ?? '/';
  const login = useLogin();
  useDocumentTitle(t('login.title'));

  const submit = (values: LoginInput) => {
    const input = validate(form, loginInput, values);
    if (input) login.mutate(input, { onSuccess: () => navigate(from, { replace: true }) });
  };

  return (
    <main className="centered login-page">
      <Card>
        <Typography.Title level={1}>{t('app.name')}</Typography.Title>
        <Typography.Title level={2}>{t('login.title')}</Typography.Title>
        {login.error && <Alert type="error" showIcon role="alert" message={login.error.message} className="form-alert" />}
        <Form form={form} name="login" layout="vertical" onFinish={submit} onValuesChange={clearErrorsOnChange(form)} requiredMark={false}>
          <Form.Item name="username" label={t('login.username')}>
            <Input prefix={<UserOutlined aria-hidden />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')}>
            <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={login.isPending}>
            {t('login.submit')}
          </Button>
        </Form>
        {/* The public portal needs no account: a plain link to its own small page. */}
        <Typography.Paragraph className="login-public-link">
          <a href="/m/suggestions">{t('login.publicSuggestions')}</a>
        </Typography.Paragraph>
      </Card>
    </main>
  );
}
