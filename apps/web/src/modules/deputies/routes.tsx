import type { RouteObject } from 'react-router-dom';
import { RequirePermission } from '../../app/auth/RequireAuth';
import { AssessmentPage } from './AssessmentPage';
import { DeputiesPage } from './DeputiesPage';
import { DutiesPage } from './DutiesPage';
import { DutyFormPage } from './DutyFormPage';
import { GridPage } from './GridPage';
import { GroupsPage } from './GroupsPage';
import { DeputyDetailPage } from './PerformancePage';

/** The pages of 代表履职 under /deputies; a deputy's /deputies is their own performance file. */
export const deputyRoutes: RouteObject[] = [
  { path: '/deputies', element: <DeputiesPage /> },
  {
    element: <RequirePermission permission="duties.record" />,
    children: [
      { path: '/deputies/duties', element: <DutiesPage /> },
      { path: '/deputies/duties/new', element: <DutyFormPage /> },
    ],
  },
  {
    element: <RequirePermission permission="deputies.read" />,
    children: [
      { path: '/deputies/groups', element: <GroupsPage /> },
      { path: '/deputies/grid', element: <GridPage /> },
      { path: '/deputies/assessment', element: <AssessmentPage /> },
      { path: '/deputies/:id', element: <DeputyDetailPage /> },
    ],
  },
];
