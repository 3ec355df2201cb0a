import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { Button, Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Permission } from '@renda/shared';
import { can } from '@renda/shared';
import { Page } from '../../components/Page';
import { ChangePasswordPage } from './ChangePasswordPage';
import { useCurrentUser, useSession } from './session';

/**
 * Routes below need a signed-in user; others are sent to the login page and brought back after. A user whose
 * password someone else chose sees only the change-password page, without the menu, until it is changed
 * (the server refuses every other API meanwhile).
 */
export function RequireAuth() {
  const { t } = useTranslation();
  const location = useLocation();
  const { data, error, isPending } = useSession();
  if (isPending) {
    return (
      <main className="centered">
        <Spin size="large" tip={t('app.loading')}>
          <div className="spin-space" />
        </Spin>
      </main>
    );
  }
  if (error) {
    return (
      <main className="centered">
        <Page title={t('app.name')}>
          <Result
            status="error"
            title={error.message}
            extra={<Button onClick={() => window.location.reload()}>{t('error.reload')}</Button>}
          />
        </Page>
      </main>
    );
  }
  if (!data) {
    const from = location.pathname + location.search;
    return <Navigate to="/login" replace state={{ from }} />;
  }
  if (data.user.passwordMustChange) {
    if (location.pathname !== '/change-password') return <Navigate to="/change-password" replace />;
    return (
      <main className="centered first-login">
        <ChangePasswordPage required />
      </main>
    );
  }
  return <Outlet />;
}

/** Shows the page only to roles that hold the permission (or one of several); the server checks it again. */
export function RequirePermission({ permission }: { permission: Permission | Permission[] }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  if ([permission].flat().some((p) => can(user.role, p))) return <Outlet />;
  return (
    <Page title={t('error.forbiddenTitle')}>
      <Result status="403" subTitle={t('error.forbidden')} />
    </Page>
  );
}
