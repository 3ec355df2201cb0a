import { useQuery } from '@tanstack/react-query';
import {
  defaultOpinionCategories,
  type Attachment,
  type CurrentUser,
  type DeputyListItem,
  type HandlingUnit,
  type OpinionCategory,
  type OpinionDetail,
  type OpinionListItem,
  type Page,
  type RouteDeadlinePreview,
  type Station,
} from '@renda/shared';
import { can } from '@renda/shared';
import { api } from '../../app/api';
import type { Option } from '../../components/PagedTable';

export const opinionsKey = ['opinions'] as const;

export function opinionKey(id: string) {
  return [...opinionsKey, 'detail', id] as const;
}

export function useOpinion(id: string) {
  return useQuery({ queryKey: opinionKey(id), queryFn: () => api.get<OpinionDetail>(`/api/opinions/${id}`) });
}

export function usePhotos(id: string, count: number) {
  return useQuery({
    queryKey: [...opinionKey(id), 'photos'],
    queryFn: () => api.get<{ items: Attachment[] }>('/api/attachments', { ownerEntity: 'opinion', ownerId: id }),
    select: (data) => data.items,
    enabled: count > 0,
  });
}

export function useRouteDeadline(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...opinionKey(id), 'route-deadline'],
    queryFn: () => api.get<RouteDeadlinePreview>(`/api/opinions/${id}/route-deadline`),
    enabled,
    staleTime: 0,
  });
}

/** Options lists for filters and pickers: the API's largest page (200) of each. */
const optionsPage = { pageSize: 200 };

export function useStationOptions(enabled = true) {
  return useQuery({
    queryKey: ['stations', 'options'],
    queryFn: () => api.get<Page<Station>>('/api/stations', optionsPage),
    select: (data): Option[] => data.items.map((s) => ({ value: s.id, label: s.name })),
    enabled,
    staleTime: 60_000,
  });
}

export function useDeputyOptions(q?: string, enabled = true) {
  return useQuery({
    queryKey: ['deputies', 'options', q ?? ''],
    queryFn: () => api.get<Page<DeputyListItem>>('/api/deputies', { ...optionsPage, q, status: 'in_office' }),
    select: (data): Option[] => data.items.map((d) => ({ value: d.id, label: `${d.name}（${d.bodyName}）` })),
    enabled,
    staleTime: 60_000,
  });
}

export function useUnitOptions(enabled = true) {
  return useQuery({
    queryKey: ['handling-units', 'options', 'all'],
    queryFn: () => api.get<Page<HandlingUnit>>('/api/handling-units', optionsPage),
    select: (data) => data.items,
    enabled,
    staleTime: 60_000,
  });
}

/** The category dictionary in force for the user's body; leaders, who may not read it, see the built-in list. */
export function useCategoryOptions(user: CurrentUser) {
  const allowed = can(user.role, 'opinions.categories');
  const query = useQuery({
    queryKey: [...opinionsKey, 'categories', user.bodyId],
    queryFn: () => api.get<{ items: OpinionCategory[] }>('/api/opinions/categories', { bodyId: user.bodyId }),
    enabled: allowed,
    staleTime: 60_000,
  });
  const items = allowed ? query.data?.items : defaultOpinionCategories;
  return { options: (items ?? []).map((c): Option => ({ value: c.code, label: c.label })), loading: query.isFetching };
}

/** Searches opinions for a merge target by tracking code or text. */
export function useOpinionSearch(q: string, excludeId: string) {
  return useQuery({
    queryKey: [...opinionsKey, 'search', q],
    queryFn: () => api.get<Page<OpinionListItem>>('/api/opinions', { q, pageSize: 20 }),
    select: (data): Option[] =>
      data.items.filter((o) => o.id !== excludeId).map((o) => ({ value: o.id, label: `${o.trackingCode} ${o.summary}` })),
    enabled: q.trim().length > 0,
  });
}
