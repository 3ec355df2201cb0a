import type { RouteObject } from 'react-router-dom';
import { lazyPage } from '../../app/lazyPage';
import { RequirePermission } from '../../app/auth/RequireAuth';

/** Supervision (监督), under the menu entry /supervision. */
export const supervisionRoutes: RouteObject[] = [
  {
    element: <RequirePermission permission="supervision.read" />,
    children: [
      { path: '/supervision', lazy: lazyPage(() => import('./ItemsPage'), 'ItemsPage') },
      { path: '/supervision/plans', lazy: lazyPage(() => import('./PlansPage'), 'PlansPage') },
      { path: '/supervision/plans/:id', lazy: lazyPage(() => import('./PlanDetailPage'), 'PlanDetailPage') },
      { path: '/supervision/items/:id', lazy: lazyPage(() => import('./ItemDetailPage'), 'ItemDetailPage') },
      { path: '/supervision/mine', lazy: lazyPage(() => import('./MinePage'), 'MinePage') },
      { path: '/supervision/points', lazy: lazyPage(() => import('./PointsPage'), 'PointsPage') },
    ],
  },
  {
    element: <RequirePermission permission="supervision.manage" />,
    children: [{ path: '/supervision/joint-meetings', lazy: lazyPage(() => import('./MeetingsPage'), 'MeetingsPage') }],
  },
];
