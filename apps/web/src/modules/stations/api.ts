import { useQuery } from '@tanstack/react-query';
import {
  actionUrl,
  receptionActions,
  type ReceptionSession,
  type RotaEntry,
  type Station,
  type StationFigures,
  type StationFiguresByStation,
  type closeSessionInput,
  type concernInput,
  type RotaInput,
  type RotaRepeatInput,
  type RotaRepeatResult,
  type sessionInput,
  type signInInput,
  type StationInput,
} from '@renda/shared';
import { api, queryString, type QueryParams } from '../../app/api';
import type { SchemaInput } from '../../components/forms';

export const stationsKey = ['stations'] as const;
export const stationKey = (id: string) => [...stationsKey, 'detail', id] as const;
export const sessionKey = (id: string) => [...stationsKey, 'session', id] as const;

export const stationUrls = {
  qr: (id: string) => `/api/stations/${id}/qr.png`,
  poster: (id: string) => `/api/stations/${id}/poster`,
  sessionsExport: (id: string) => `/api/stations/${id}/sessions/export.xlsx`,
  export: (filters: QueryParams) => `/api/stations/export.xlsx${queryString(filters)}`,
};

export function useStation(id: string) {
  return useQuery({ queryKey: stationKey(id), queryFn: () => api.get<Station>(`/api/stations/${id}`) });
}

export function useRota(id: string, from: string, to: string) {
  return useQuery({
    queryKey: [...stationKey(id), 'rota', from, to],
    queryFn: () => api.get<{ items: RotaEntry[] }>(`/api/stations/${id}/rota`, { from, to }),
    select: (d) => d.items,
  });
}

export function useSessions(id: string) {
  return useQuery({
    queryKey: [...stationKey(id), 'sessions'],
    queryFn: () => api.get<{ items: ReceptionSession[] }>(`/api/stations/${id}/sessions`),
    select: (d) => d.items,
  });
}

export function useReception(id: string) {
  return useQuery({ queryKey: sessionKey(id), queryFn: () => api.get<ReceptionSession>(`/api/reception-sessions/${id}`) });
}

export function useFigures(params: { from: string; to: string; stationId?: string; bodyId?: string }) {
  return useQuery({
    queryKey: [...stationsKey, 'figures', params],
    queryFn: () => api.get<StationFigures>('/api/stations/figures', params),
  });
}

/** Receptions, voters and concerns of the busiest stations in scope: the list page's chart. */
export function useFiguresByStation(params: { from: string; to: string; bodyId?: string }) {
  return useQuery({
    queryKey: [...stationsKey, 'figures', 'by-station', params],
    queryFn: () => api.get<StationFiguresByStation>('/api/stations/figures/by-station', params),
    select: (d) => d.items,
  });
}

/** Creates a station (`id` null) or changes an existing one. */
export const saveStation = (id: string | null, input: StationInput) =>
  id ? api.put<Station>(`/api/stations/${id}`, input) : api.post<Station>('/api/stations', input);

export const addRotaEntry = (stationId: string, input: RotaInput) => api.post(`/api/stations/${stationId}/rota`, input);
export const deleteRotaEntry = (stationId: string, rotaId: string) => api.delete(`/api/stations/${stationId}/rota/${rotaId}`);
/** Repeats a rota entry on weekdays of a period; with `preview` true it only says which days it would add or skip. */
export const repeatRota = (stationId: string, input: RotaRepeatInput) =>
  api.post<RotaRepeatResult>(`/api/stations/${stationId}/rota/repeat`, input);

export const openReceptionSession = (stationId: string, input: SchemaInput<typeof sessionInput>) =>
  api.post<ReceptionSession>(`/api/stations/${stationId}/sessions`, input);
/** Signs a deputy in: the signed-in deputy themself without `input`, or the one staff choose. */
export const signInToSession = (sessionId: string, input: SchemaInput<typeof signInInput> | Record<string, never> = {}) =>
  api.post<ReceptionSession>(actionUrl(receptionActions, sessionId, 'signIn'), input);
export const registerConcern = (sessionId: string, input: SchemaInput<typeof concernInput>) =>
  api.post<ReceptionSession>(actionUrl(receptionActions, sessionId, 'addConcern'), input);
export const closeReceptionSession = (sessionId: string, input: SchemaInput<typeof closeSessionInput>) =>
  api.post<ReceptionSession>(actionUrl(receptionActions, sessionId, 'close'), input);
