import { createBrowserRouter, type RouteObject } from 'react-router-dom';
import { ChangePasswordPage } from './auth/ChangePasswordPage';
import { LoginPage } from './auth/LoginPage';
import { RequireAuth, RequirePermission } from './auth/RequireAuth';
import { AppLayout } from './layout/AppLayout';
import { ModulePage } from './pages/ModulePage';
import { NotFoundPage } from './pages/NotFoundPage';
import { RouteError } from './pages/RouteError';
import { lazyPage } from './lazyPage';
import { adminNav, moduleNav, modulePages, notificationsNav } from './navigation';
import { ballotRoute, verifyRoute } from '../modules/votes/routes';

const standaloneError = (
  <main className="app-content">
    <RouteError />
  </main>
);

const pages: RouteObject[] = [
  { index: true, lazy: lazyPage(() => import('./pages/HomePage'), 'HomePage') },
  ...moduleNav.flatMap((m) => modulePages[m.key] ?? [{ path: m.path, element: <ModulePage moduleKey={m.key} /> }]),
  { path: notificationsNav.path, lazy: lazyPage(() => import('../modules/notifications/NotificationsPage'), 'NotificationsPage') },
  // In the first chunk anyway: RequireAuth shows it to a user who must change an initial password.
  { path: '/change-password', element: <ChangePasswordPage /> },
  ...adminNav.map((item) => ({
    element: <RequirePermission permission={item.permission} />,
    children: [{ path: item.path, lazy: item.page }],
  })),
  { path: '*', element: <NotFoundPage /> },
];

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage />, errorElement: standaloneError },
  { ...verifyRoute, errorElement: standaloneError },
  {
    element: <RequireAuth />,
    errorElement: standaloneError,
    children: [
      ballotRoute,
      {
        element: <AppLayout />,
        // A failing page keeps the header and menu; only the content shows the error.
        children: [{ errorElement: <RouteError />, children: pages }],
      },
    ],
  },
]);
