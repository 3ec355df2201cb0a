import type { RouteObject } from 'react-router-dom';
import { lazyPage } from '../../app/lazyPage';
import { RequirePermission } from '../../app/auth/RequireAuth';

/** 民生实事票决: the yearly cycles, their projects and the figures. */
export const livelihoodRoutes: RouteObject[] = [
  {
    element: <RequirePermission permission="livelihood.read" />,
    children: [
      { path: '/livelihood-projects', lazy: lazyPage(() => import('./OverviewPage'), 'OverviewPage') },
      { path: '/livelihood-projects/cycles/:id', lazy: lazyPage(() => import('./CycleDetailPage'), 'CycleDetailPage') },
      { path: '/livelihood-projects/projects', lazy: lazyPage(() => import('./ProjectsPage'), 'ProjectsPage') },
      { path: '/livelihood-projects/projects/:id', lazy: lazyPage(() => import('./ProjectDetailPage'), 'ProjectDetailPage') },
    ],
  },
];
