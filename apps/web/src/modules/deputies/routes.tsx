import type { RouteObject } from 'react-router-dom';
import { lazyPage } from '../../app/lazyPage';
import { RequirePermission } from '../../app/auth/RequireAuth';

/** The pages of 代表履职 under /deputies; a deputy's /deputies is their own performance file. */
export const deputyRoutes: RouteObject[] = [
  { path: '/deputies', lazy: lazyPage(() => import('./DeputiesPage'), 'DeputiesPage') },
  {
    element: <RequirePermission permission="duties.record" />,
    children: [
      { path: '/deputies/duties', lazy: lazyPage(() => import('./DutiesPage'), 'DutiesPage') },
      { path: '/deputies/duties/new', lazy: lazyPage(() => import('./DutyFormPage'), 'DutyFormPage') },
    ],
  },
  {
    element: <RequirePermission permission="deputies.read" />,
    children: [
      { path: '/deputies/groups', lazy: lazyPage(() => import('./GroupsPage'), 'GroupsPage') },
      { path: '/deputies/grid', lazy: lazyPage(() => import('./GridPage'), 'GridPage') },
      { path: '/deputies/assessment', lazy: lazyPage(() => import('./AssessmentPage'), 'AssessmentPage') },
      { path: '/deputies/:id', lazy: lazyPage(() => import('./PerformancePage'), 'DeputyDetailPage') },
    ],
  },
];
