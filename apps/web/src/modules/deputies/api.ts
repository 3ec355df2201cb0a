import { useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import {
  type DeputyLoginsResult,
  actionUrl,
  deputyActions,
  deputyStatusActionFor,
  type Deputy,
  type DeputyGroup,
  type DeputyListItem,
  type GridCell,
  type Page,
  type PerformanceFile,
  type AssessmentRow,
  type AssessmentWeight,
  type DeputyGroupDetail,
  type DeputyGroupInput,
  type DeputyImportPreview,
  type DeputyImportResult,
  type DeputyStatusInput,
  type DutyRecord,
  type DutyRecordInput,
  type GridCellInput,
  type GroupMembersInput,
} from '@renda/shared';
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
  dutiesExport: (filters: QueryParams) => `/api/duties/export.xlsx${queryString(filters)}`,
  rankingExport: (filters: AssessmentFilter) => `/api/assessment/ranking.xlsx${queryString({ ...filters })}`,
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

/** Adds a deputy (`id` null) or changes an existing one. */
export const saveDeputy = (id: string | null, input: Record<string, unknown>) =>
  id ? api.patch<Deputy>(`/api/deputies/${id}`, input) : api.post<Deputy>('/api/deputies', input);
/** Each status change has its own verb (resign, remove, recordDeath, reinstate); the form asks for the status. */
export const changeDeputyStatus = (id: string, { status, ...input }: DeputyStatusInput) =>
  api.post<Deputy>(actionUrl(deputyActions, id, deputyStatusActionFor[status]), input);
export const createDeputyLogins = (deputyIds: string[]) => api.post<DeputyLoginsResult>('/api/deputies/logins', { deputyIds });
export const uploadDeputyPhoto = (id: string, file: File) => api.upload<Deputy>(`/api/deputies/${id}/photo`, {}, file, 'PUT');
export const deleteDeputyPhoto = (id: string) => api.delete<Deputy>(`/api/deputies/${id}/photo`);

type ImportFields = { bodyId: string; term: string; openLogins?: string };
/** Checks a registry file: every row with its problems; nothing is written. */
export const previewDeputyImport = (fields: ImportFields, file: File) =>
  api.upload<DeputyImportPreview>('/api/deputies/import/preview', fields, file);
/** Imports a registry file: all rows or none. */
export const importDeputies = (fields: ImportFields, file: File) => api.upload<DeputyImportResult>('/api/deputies/import', fields, file);

export const recordDuty = (input: DutyRecordInput) => api.post<DutyRecord>('/api/duties', input);

/** Creates a deputy group (`id` null) or changes an existing one. */
export const saveDeputyGroup = (id: string | null, input: DeputyGroupInput) =>
  id ? api.patch(`/api/deputy-groups/${id}`, input) : api.post('/api/deputy-groups', input);
export const setGroupMembers = (id: string, input: GroupMembersInput) => api.put(`/api/deputy-groups/${id}/members`, input);

export function useDeputyGroup(id: string) {
  return useQuery({
    queryKey: [...groupsKey, 'detail', id],
    queryFn: () => api.get<DeputyGroupDetail>(`/api/deputy-groups/${id}`),
  });
}

export const createGridCell = (input: GridCellInput) => api.post<GridCell>('/api/grid-cells', input);
export const setGridCellDeputies = (id: string, deputyIds: string[]) => api.put<GridCell>(`/api/grid-cells/${id}/deputies`, { deputyIds });

export const assessmentKey = ['assessment'] as const;
export type AssessmentWeights = { weights: AssessmentWeight[]; setByBodyId: string | null };
export type AssessmentFilter = { bodyId?: string; term: string; year: number; groupId?: string };

/** The deputies of a body and term ranked by their points in a year (量化考评). */
export function useAssessmentRanking({ bodyId, term, year, groupId }: AssessmentFilter, enabled: boolean) {
  return useQuery({
    queryKey: [...assessmentKey, 'ranking', bodyId, term, year, groupId],
    queryFn: () => api.get<{ items: AssessmentRow[] }>('/api/assessment/ranking', { bodyId, term, year, groupId }),
    enabled,
    select: (d) => d.items,
  });
}

export const publishAssessment = (input: { bodyId?: string; term: string; year: number }) =>
  api.post<{ published: number }>('/api/assessment/publish', input);

export function useAssessmentWeights(bodyId: string) {
  return useQuery({
    queryKey: [...assessmentKey, 'weights', bodyId],
    queryFn: () => api.get<AssessmentWeights>('/api/assessment/weights', { bodyId }),
  });
}

export const saveAssessmentWeights = (bodyId: string, weights: Pick<AssessmentWeight, 'kind' | 'points' | 'yearlyCap'>[]) =>
  api.put('/api/assessment/weights', { bodyId, weights });
