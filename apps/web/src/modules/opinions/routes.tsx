import type { RouteObject } from 'react-router-dom';
import { lazyPage } from '../../app/lazyPage';
import { RequirePermission } from '../../app/auth/RequireAuth';

/** The opinions module's pages, under its menu entry /opinions; themed campaigns (专项监督) live beside the inbox. */
export const opinionRoutes: RouteObject[] = [
  { path: '/opinions', lazy: lazyPage(() => import('./OpinionsPage'), 'OpinionsPage') },
  { path: '/opinions/:id', lazy: lazyPage(() => import('./OpinionDetailPage'), 'OpinionDetailPage') },
  {
    element: <RequirePermission permission="campaigns.read" />,
    children: [
      { path: '/opinions/campaigns', lazy: lazyPage(() => import('./campaigns/CampaignsPage'), 'CampaignsPage') },
      { path: '/opinions/campaigns/:id', lazy: lazyPage(() => import('./campaigns/CampaignDetailPage'), 'CampaignDetailPage') },
    ],
  },
  // A deputy on a campaign team: /opinions lists their campaigns, each page records a visit on site.
  {
    element: <RequirePermission permission="campaigns.visit" />,
    children: [{ path: '/opinions/my-campaigns/:id', lazy: lazyPage(() => import('./campaigns/MyCampaignsPage'), 'MyCampaignPage') }],
  },
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
