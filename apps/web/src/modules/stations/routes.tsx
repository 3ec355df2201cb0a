import type { RouteObject } from 'react-router-dom';
import { RequirePermission } from '../../app/auth/RequireAuth';
import { SessionPage } from './SessionPage';
import { StationDetailPage } from './StationDetailPage';
import { StationsPage } from './StationsPage';

/** The pages of 代表联络站 under /stations. */
export const stationRoutes: RouteObject[] = [
  {
    element: <RequirePermission permission="stations.read" />,
    children: [
      { path: '/stations', element: <StationsPage /> },
      { path: '/stations/sessions/:id', element: <SessionPage /> },
      { path: '/stations/:id', element: <StationDetailPage /> },
    ],
  },
];
