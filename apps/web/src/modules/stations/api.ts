import { useQuery } from '@tanstack/react-query';
import type { ReceptionSession, RotaEntry, Station, StationFigures } from '@renda/shared';
import { api } from '../../app/api';

export const stationsKey = ['stations'] as const;
export const stationKey = (id: string) => [...stationsKey, 'detail', id] as const;
export const sessionKey = (id: string) => [...stationsKey, 'session', id] as const;

export const stationUrls = {
  qr: (id: string) => `/api/stations/${id}/qr.png`,
  poster: (id: string) => `/api/stations/${id}/poster`,
  sessionsExport: (id: string) => `/api/stations/${id}/sessions/export.xlsx`,
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
