import type { RouteObject } from 'react-router-dom';
import { lazyPage } from '../../app/lazyPage';
import { RequirePermission } from '../../app/auth/RequireAuth';

/** 回选区述职 and 最美人大代表, under 代表履职 (/deputies/…). */
export const reportBackRoutes: RouteObject[] = [
  {
    element: <RequirePermission permission="reportbacks.read" />,
    children: [
      { path: '/deputies/reportbacks', lazy: lazyPage(() => import('./ReportBacksPage'), 'ReportBacksPage') },
      { path: '/deputies/reportbacks/:id', lazy: lazyPage(() => import('./ReportBackDetailPage'), 'ReportBackDetailPage') },
    ],
  },
  {
    element: <RequirePermission permission="honours.read" />,
    children: [
      { path: '/deputies/honours', lazy: lazyPage(() => import('./HonoursPage'), 'HonoursPage') },
      { path: '/deputies/honours/:id', lazy: lazyPage(() => import('./HonourDetailPage'), 'HonourDetailPage') },
    ],
  },
];
