import type { RouteObject } from 'react-router-dom';
import { RequirePermission } from '../../app/auth/RequireAuth';
import { CampaignDetailPage } from './campaigns/CampaignDetailPage';
import { CampaignsPage } from './campaigns/CampaignsPage';
import { MyCampaignPage } from './campaigns/MyCampaignsPage';
import { OpinionDetailPage } from './OpinionDetailPage';
import { OpinionsPage } from './OpinionsPage';

/** The opinions module's pages, under its menu entry /opinions; themed campaigns (专项监督) live beside the inbox. */
export const opinionRoutes: RouteObject[] = [
  { path: '/opinions', element: <OpinionsPage /> },
  { path: '/opinions/:id', element: <OpinionDetailPage /> },
  {
    element: <RequirePermission permission="campaigns.read" />,
    children: [
      { path: '/opinions/campaigns', element: <CampaignsPage /> },
      { path: '/opinions/campaigns/:id', element: <CampaignDetailPage /> },
    ],
  },
  // A deputy on a campaign team: /opinions lists their campaigns, each page records a visit on site.
  {
    element: <RequirePermission permission="campaigns.visit" />,
    children: [{ path: '/opinions/my-campaigns/:id', element: <MyCampaignPage /> }],
  },
];
