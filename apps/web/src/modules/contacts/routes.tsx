import type { RouteObject } from 'react-router-dom';
import { RequirePermission } from '../../app/auth/RequireAuth';
import { AppointmentPage } from './AppointmentPage';
import { AppointmentsPage } from './AppointmentsPage';
import { ContactLinkPage } from './ContactLinkPage';
import { ContactLinksPage } from './ContactLinksPage';

/** 双联系 and 代表约见, under 代表履职 (/deputies/…). */
export const contactRoutes: RouteObject[] = [
  {
    element: <RequirePermission permission="contacts.read" />,
    children: [
      { path: '/deputies/contacts', element: <ContactLinksPage /> },
      { path: '/deputies/contacts/:id', element: <ContactLinkPage /> },
    ],
  },
  {
    element: <RequirePermission permission="appointments.read" />,
    children: [
      { path: '/deputies/appointments', element: <AppointmentsPage /> },
      { path: '/deputies/appointments/:id', element: <AppointmentPage /> },
    ],
  },
];
