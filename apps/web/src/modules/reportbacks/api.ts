import { useQuery } from '@tanstack/react-query';
import type { HonourCampaign, HonourVoter, ReportBack, ReportBackAttendee, ReportBackComment } from '@renda/shared';
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
