import { useQuery } from '@tanstack/react-query';
import {
  actionUrl,
  honourActions,
  reportBackActions,
  type HonourCampaign,
  type HonourVoter,
  type ReportBack,
  type ReportBackAttendee,
  type ReportBackComment,
  type AttendeesInput,
  type HonourStageAction,
  type HonourCampaignEdit,
  type HonourCampaignInput,
  type NominationInput,
  type ReportBackAction,
  type ReportBackInput,
} from '@renda/shared';
import { api, queryString, type QueryParams } from '../../app/api';

export const reportBacksKey = ['reportbacks'] as const;
export const reportBackKey = (id: string) => [...reportBacksKey, 'detail', id] as const;
export const honoursKey = ['honours'] as const;
export const honourKey = (id: string) => [...honoursKey, 'detail', id] as const;

export const reportBackUrls = {
  export: (filters: QueryParams) => `/api/reportbacks/export.xlsx${queryString(filters)}`,
  qr: (id: string) => `/api/reportbacks/${id}/qr.png`,
  attendeesXlsx: (id: string) => `/api/reportbacks/${id}/attendees.xlsx`,
  /** The voters' page (same link as the QR code). */
  ratingPage: (publicCode: string) => `${location.origin}/m/reportback?code=${encodeURIComponent(publicCode)}`,
};

export function useReportBack(id: string) {
  return useQuery({ queryKey: reportBackKey(id), queryFn: () => api.get<ReportBack>(`/api/reportbacks/${id}`) });
}

export function useRatings(id: string) {
  return useQuery({
    queryKey: [...reportBackKey(id), 'ratings'],
    queryFn: () => api.get<{ items: ReportBackComment[] }>(`/api/reportbacks/${id}/ratings`),
    select: (d) => d.items,
  });
}

export function useAttendees(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...reportBackKey(id), 'attendees'],
    queryFn: () => api.get<{ items: ReportBackAttendee[] }>(`/api/reportbacks/${id}/attendees`),
    select: (d) => d.items,
    enabled,
  });
}

export function useHonours() {
  return useQuery({
    queryKey: honoursKey,
    queryFn: () => api.get<{ items: HonourCampaign[] }>('/api/honours'),
    select: (d) => d.items,
  });
}

export function useHonour(id: string) {
  return useQuery({ queryKey: honourKey(id), queryFn: () => api.get<HonourCampaign>(`/api/honours/${id}`) });
}

export function useHonourVoters(id: string) {
  return useQuery({
    queryKey: [...honourKey(id), 'voters'],
    queryFn: () => api.get<{ items: HonourVoter[] }>(`/api/honours/${id}/voters`),
    select: (d) => d.items,
  });
}

/** Creates a report-back (`id` null) or changes an existing one. */
export const saveReportBack = (id: string | null, input: ReportBackInput) =>
  id ? api.put<ReportBack>(`/api/reportbacks/${id}`, input) : api.post<ReportBack>('/api/reportbacks', input);
/** One step of a report-back's workflow (开启评议, 结束评议). */
export const actOnReportBack = (id: string, action: ReportBackAction) => api.post(actionUrl(reportBackActions, id, action));
export const registerAttendees = (id: string, input: AttendeesInput) =>
  api.post<{ registered: number; skipped: number; items: ReportBackAttendee[] }>(`/api/reportbacks/${id}/attendees`, input);
/** Sends an attendee's sign-in code by SMS again. */
export const resendAttendeeSms = (id: string, attendeeId: string) =>
  api.post<ReportBackAttendee>(`/api/reportbacks/${id}/attendees/${attendeeId}/sms`);

/** Creates an honour campaign (`id` null) or changes an existing one. */
export const saveHonourCampaign = (id: string | null, input: HonourCampaignInput | HonourCampaignEdit) =>
  id ? api.put<HonourCampaign>(`/api/honours/${id}`, input) : api.post<HonourCampaign>('/api/honours', input);
/** One step of an honour campaign (开始投票, 结束投票). */
export const actOnHonourCampaign = (id: string, action: HonourStageAction) => api.post(actionUrl(honourActions, id, action));
export const nominateForHonour = (id: string, input: NominationInput) => api.post<HonourCampaign>(`/api/honours/${id}/nominations`, input);
export const withdrawNomination = (id: string, nominationId: string) =>
  api.delete<HonourCampaign>(`/api/honours/${id}/nominations/${nominationId}`);
export const castHonourBallot = (id: string, nominationIds: string[]) =>
  api.post<HonourCampaign>(`/api/honours/${id}/ballots`, { nominationIds });
