import type { RouteObject } from 'react-router-dom';
import { lazyPage } from '../../app/lazyPage';
import { RequirePermission } from '../../app/auth/RequireAuth';

/** 立法征求意见: drafts, one draft, the grassroots legislative contact points. */
export const legislationRoutes: RouteObject[] = [
  {
    element: <RequirePermission permission="legislation.read" />,
    children: [
      { path: '/legislation', lazy: lazyPage(() => import('./DraftsPage'), 'DraftsPage') },
      { path: '/legislation/drafts/:id', lazy: lazyPage(() => import('./DraftDetailPage'), 'DraftDetailPage') },
      { path: '/legislation/contact-points', lazy: lazyPage(() => import('./ContactPointsPage'), 'ContactPointsPage') },
    ],
  },
];
