import type { RouteObject } from 'react-router-dom';
import { lazyPage } from '../../app/lazyPage';
import { RequirePermission } from '../../app/auth/RequireAuth';

/** Themed campaigns (专项监督): their pages sit beside the opinions inbox, under the menu entry /opinions. */
export const campaignRoutes: RouteObject[] = [
  {
    element: <RequirePermission permission="campaigns.read" />,
    children: [
      { path: '/opinions/campaigns', lazy: lazyPage(() => import('./CampaignsPage'), 'CampaignsPage') },
      { path: '/opinions/campaigns/:id', lazy: lazyPage(() => import('./CampaignDetailPage'), 'CampaignDetailPage') },
    ],
  },
  // A deputy on a campaign team: /opinions lists their campaigns, each page records a visit on site.
  {
    element: <RequirePermission permission="campaigns.visit" />,
    children: [{ path: '/opinions/my-campaigns/:id', lazy: lazyPage(() => import('./MyCampaignsPage'), 'MyCampaignPage') }],
  },
];
