import type { RouteObject } from 'react-router-dom';
import { lazyPage } from '../../app/lazyPage';
import { RequirePermission } from '../../app/auth/RequireAuth';

/** The pages of 代表联络站 under /stations. */
export const stationRoutes: RouteObject[] = [
  {
    element: <RequirePermission permission="stations.read" />,
    children: [
      { path: '/stations', lazy: lazyPage(() => import('./StationsPage'), 'StationsPage') },
      { path: '/stations/sessions/:id', lazy: lazyPage(() => import('./SessionPage'), 'SessionPage') },
      { path: '/stations/:id', lazy: lazyPage(() => import('./StationDetailPage'), 'StationDetailPage') },
    ],
  },
];
