import { useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { Deputy, DeputyGroup, DeputyListItem, GridCell, Page, PerformanceFile } from '@renda/shared';
import { api, queryString, type QueryParams } from '../../app/api';
import type { Option } from '../../components/PagedTable';

export const deputiesKey = ['deputies'] as const;
export const deputyKey = (id: string) => [...deputiesKey, 'detail', id] as const;
export const groupsKey = ['deputy-groups'] as const;
export const gridCellsKey = ['grid-cells'] as const;
export const dutiesKey = ['duties'] as const;

export const deputyUrls = {
  template: '/api/deputies/import-template.xlsx',
  export: (filters: QueryParams) => `/api/deputies/export.xlsx${queryString(filters)}`,
  qr: (id: string) => `/api/deputies/${id}/qr.png`,
  poster: (id: string) => `/api/deputies/${id}/poster`,
  performanceDocx: (id: string, from: string, to: string) => `/api/deputies/${id}/performance.docx${queryString({ from, to })}`,
  ownPerformanceDocx: (from: string, to: string) => `/api/me/performance.docx${queryString({ from, to })}`,
  /** The photo's id in the address makes a new photo a new address, so no stale copy is shown. */
  photo: (id: string | null, photoId: string) => `${id ? `/api/deputies/${id}/photo` : '/api/me/deputy/photo'}?v=${photoId.slice(0, 8)}`,
};

export function useDeputy(id: string) {
  return useQuery({ queryKey: deputyKey(id), queryFn: () => api.get<Deputy>(`/api/deputies/${id}`) });
}

export function usePerformance(id: string | null, from: string, to: string) {
  return useQuery({
    queryKey: [...deputiesKey, 'performance', id ?? 'me', from, to],
    queryFn: () =>
      id
        ? api.get<PerformanceFile>(`/api/deputies/${id}/performance`, { from, to })
        : api.get<PerformanceFile>('/api/me/performance', { from, to }),
  });
}

/** The signed-in deputy's own record (a deputy account only). */
export function useOwnDeputy(enabled: boolean) {
  return useQuery({ queryKey: [...deputiesKey, 'me'], queryFn: () => api.get<Deputy>('/api/me/deputy'), enabled, staleTime: 60_000 });
}

/**
 * Options for choosing deputies by name: the server searches as the user types (a body may have
 * thousands), and the deputies already chosen keep their labels while another name is searched.
 */
/** `enabled` false for a deputy, who may not list the registry. */
export function useDeputySearch(params: QueryParams = {}, selected: string[] = [], known: Option[] = [], enabled = true) {
  const [q, setQ] = useState('');
  const seen = useRef(new Map<string, Option>(known.map((k) => [k.value, k])));
  const query = useQuery({
    queryKey: [...deputiesKey, 'search', q, params],
    queryFn: () => api.get<Page<DeputyListItem>>('/api/deputies', { q, status: 'in_office', pageSize: 50, ...params }),
    staleTime: 30_000,
    enabled,
  });
  for (const k of known) if (!seen.current.has(k.value)) seen.current.set(k.value, k);
  const found = (query.data?.items ?? []).map((d) => ({ value: d.id, label: `${d.name}（${d.employer ?? d.bodyName}）` }));
  for (const f of found) seen.current.set(f.value, f);
  const kept = selected.flatMap((id) => (found.some((f) => f.value === id) ? [] : [seen.current.get(id) ?? { value: id, label: id }]));
  return { options: [...kept, ...found], loading: query.isFetching, onSearch: setQ };
}

export function useGroupOptions() {
  const query = useQuery({
    queryKey: [...groupsKey, 'options'],
    queryFn: () => api.get<Page<DeputyGroup>>('/api/deputy-groups', { pageSize: 200 }),
    staleTime: 60_000,
  });
  return { options: (query.data?.items ?? []).map((g) => ({ value: g.id, label: g.name })), loading: query.isFetching };
}

export function useGridCellOptions(bodyId?: string) {
  const query = useQuery({
    queryKey: [...gridCellsKey, 'options', bodyId],
    queryFn: () => api.get<Page<GridCell>>('/api/grid-cells', { pageSize: 200, bodyId }),
    staleTime: 60_000,
  });
  return { options: (query.data?.items ?? []).map((c) => ({ value: c.id, label: c.name })), loading: query.isFetching };
}

/** 1 January of this year to today, the performance file's default period. */
export function thisYear(): { from: string; to: string } {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return { from: `${now.getFullYear()}-01-01`, to: `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}` };
}
