import { useQuery } from '@tanstack/react-query';
import {
  defaultOpinionCategories,
  type Attachment,
  type CurrentUser,
  type OpinionCategory,
  type OpinionDetail,
  type OpinionListItem,
  type Page,
  type RouteDeadlinePreview,
  type SimilarOpinion,
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

/** Recent opinions of the same body that read like this one, for merging duplicates. */
export function useSimilarOpinions(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...opinionKey(id), 'similar'],
    queryFn: () => api.get<{ items: SimilarOpinion[] }>(`/api/opinions/${id}/similar`),
    select: (data) => data.items,
    enabled,
  });
}
