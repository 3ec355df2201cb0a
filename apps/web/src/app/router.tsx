import { createBrowserRouter, type RouteObject } from 'react-router-dom';
import { LoginPage } from './auth/LoginPage';
import { ChangePasswordPage } from './auth/ChangePasswordPage';
import { RequireAuth, RequirePermission } from './auth/RequireAuth';
import { AppLayout } from './layout/AppLayout';
import { HomePage } from './pages/HomePage';
import { ModulePage } from './pages/ModulePage';
import { NotFoundPage } from './pages/NotFoundPage';
import { RouteError } from './pages/RouteError';
import { adminNav, moduleNav, modulePages, notificationsNav } from './navigation';
import { NotificationsPage } from '../modules/notifications/NotificationsPage';

const standaloneError = (
  <main className="app-content">
    <RouteError />
  </main>
);

const pages: RouteObject[] = [
  { index: true, element: <HomePage /> },
  ...moduleNav.flatMap((m) => modulePages[m.key] ?? [{ path: m.path, element: <ModulePage moduleKey={m.key} /> }]),
  { path: notificationsNav.path, element: <NotificationsPage /> },
  { path: '/change-password', element: <ChangePasswordPage /> },
  ...adminNav.map((item) => ({
    element: <RequirePermission permission={item.permission} />,
    children: [{ path: item.path, element: item.element }],
  })),
  { path: '*', element: <NotFoundPage /> },
];

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage />, errorElement: standaloneError },
  {
    element: <RequireAuth />,
    errorElement: standaloneError,
    children: [
      {
        element: <AppLayout />,
        // A failing page keeps the header and menu; only the content shows the error.
        children: [{ errorElement: <RouteError />, children: pages }],
      },
    ],
  },
]);
