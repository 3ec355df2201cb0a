import type { RouteObject } from 'react-router-dom';
import { lazyPage } from '../../app/lazyPage';
import { RequirePermission } from '../../app/auth/RequireAuth';

/** 双联系 and 代表约见, under 代表履职 (/deputies/…). */
export const contactRoutes: RouteObject[] = [
  {
    element: <RequirePermission permission="contacts.read" />,
    children: [
      { path: '/deputies/contacts', lazy: lazyPage(() => import('./ContactLinksPage'), 'ContactLinksPage') },
      { path: '/deputies/contacts/:id', lazy: lazyPage(() => import('./ContactLinkPage'), 'ContactLinkPage') },
    ],
  },
  {
    element: <RequirePermission permission="appointments.read" />,
    children: [
      { path: '/deputies/appointments', lazy: lazyPage(() => import('./AppointmentsPage'), 'AppointmentsPage') },
      { path: '/deputies/appointments/:id', lazy: lazyPage(() => import('./AppointmentPage'), 'AppointmentPage') },
    ],
  },
];
