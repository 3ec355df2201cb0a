import { useQuery } from '@tanstack/react-query';
import {
  actionUrl,
  appointmentActions,
  type Appointment,
  type Choice,
  type ContactLinkDetail,
  type Membership,
  type AppointmentAction,
  type AppointmentActionInput,
  type AppointmentInput,
  type ContactLinkInput,
  type ContactRecordInput,
} from '@renda/shared';
import { api, queryString, type QueryParams } from '../../app/api';

export const contactLinksKey = ['contact-links'] as const;
export const appointmentsKey = ['appointments'] as const;

export const contactUrls = {
  export: (filters: QueryParams) => `/api/contact-links/export.xlsx${queryString(filters)}`,
  appointmentsExport: (filters: QueryParams) => `/api/appointments/export.xlsx${queryString(filters)}`,
};

export function useContactLink(id: string) {
  return useQuery({ queryKey: [...contactLinksKey, 'detail', id], queryFn: () => api.get<ContactLinkDetail>(`/api/contact-links/${id}`) });
}

export function useAppointment(id: string) {
  return useQuery({ queryKey: [...appointmentsKey, 'detail', id], queryFn: () => api.get<Appointment>(`/api/appointments/${id}`) });
}

const asOptions = (items: Choice[] | undefined) => (items ?? []).map((c) => ({ value: c.id, label: `${c.name}（${c.bodyName}）` }));

/** 常委会组成人员 staff may assign to a deputy. */
export function useMemberOptions(enabled: boolean) {
  const query = useQuery({
    queryKey: [...contactLinksKey, 'members'],
    queryFn: () => api.get<{ items: Choice[] }>('/api/contact-links/members'),
    enabled,
    staleTime: 60_000,
  });
  return { options: asOptions(query.data?.items), loading: query.isFetching };
}

/** Agencies a deputy may ask to meet. */
export function useUnitOptions() {
  const query = useQuery({
    queryKey: [...appointmentsKey, 'units'],
    queryFn: () => api.get<{ items: Choice[] }>('/api/appointments/units'),
    staleTime: 60_000,
  });
  return { options: asOptions(query.data?.items), loading: query.isFetching };
}

/** The groups the signed-in deputy belongs to: an appointment may be asked on behalf of one. */
export function useOwnGroupOptions() {
  const query = useQuery({
    queryKey: ['me', 'groups'],
    queryFn: () => api.get<{ items: Membership[] }>('/api/me/groups'),
    staleTime: 60_000,
  });
  return { options: (query.data?.items ?? []).map((g) => ({ value: g.id, label: g.name })), loading: query.isFetching };
}

export const createContactLink = (input: ContactLinkInput) => api.post<ContactLinkDetail>('/api/contact-links', input);
export const deleteContactLink = (id: string) => api.delete(`/api/contact-links/${id}`);
export const addContactRecord = (linkId: string, input: ContactRecordInput) =>
  api.post<ContactLinkDetail>(`/api/contact-links/${linkId}/records`, input);

export const requestAppointment = (input: AppointmentInput) => api.post<Appointment>('/api/appointments', input);
/** One step of an appointment's workflow (approve, schedule, record the meeting, rate…). */
export const actOnAppointment = (id: string, action: AppointmentAction, input: AppointmentActionInput | Record<string, never> = {}) =>
  api.post<Appointment>(actionUrl(appointmentActions, id, action), input);
