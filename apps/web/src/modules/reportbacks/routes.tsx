import type { RouteObject } from 'react-router-dom';
import { RequirePermission } from '../../app/auth/RequireAuth';
import { HonourDetailPage } from './HonourDetailPage';
import { HonoursPage } from './HonoursPage';
import { ReportBackDetailPage } from './ReportBackDetailPage';
import { ReportBacksPage } from './ReportBacksPage';

/** 回选区述职 and 最美人大代表, under 代表履职 (/deputies/…). */
export const reportBackRoutes: RouteObject[] = [
  {
    element: <RequirePermission permission="reportbacks.read" />,
    children: [
      { path: '/deputies/reportbacks', element: <ReportBacksPage /> },
      { path: '/deputies/reportbacks/:id', element: <ReportBackDetailPage /> },
    ],
  },
  {
    element: <RequirePermission permission="honours.read" />,
    children: [
      { path: '/deputies/honours', element: <HonoursPage /> },
      { path: '/deputies/honours/:id', element: <HonourDetailPage /> },
    ],
  },
];
