import type { RouteObject } from 'react-router-dom';
import { lazyPage } from '../../app/lazyPage';
import { RequirePermission } from '../../app/auth/RequireAuth';

/** The opinions module's pages, under its menu entry /opinions; themed campaigns (专项监督, modules/campaigns) live beside the inbox. */
export const opinionRoutes: RouteObject[] = [
  { path: '/opinions', lazy: lazyPage(() => import('./OpinionsPage'), 'OpinionsPage') },
  { path: '/opinions/:id', lazy: lazyPage(() => import('./OpinionDetailPage'), 'OpinionDetailPage') },
  // The category dictionary citizens choose from (staff of a body, administrators).
  {
    element: <RequirePermission permission="opinions.categories" />,
    children: [{ path: '/opinions/categories', lazy: lazyPage(() => import('./CategoriesPage'), 'CategoriesPage') }],
  },
  // A deputy's own opinions, to turn into suggestions.
  {
    element: <RequirePermission permission="opinions.received" />,
    children: [{ path: '/opinions/received', lazy: lazyPage(() => import('./ReceivedOpinionsPage'), 'ReceivedOpinionsPage') }],
  },
];
