import { useQuery } from '@tanstack/react-query';
import {
  actionUrl,
  opinionActions,
  defaultOpinionCategories,
  type Attachment,
  type BulkResult,
  type CurrentUser,
  type OpinionAction,
  type OpinionActionInput,
  type OpinionCategoriesInput,
  type OpinionCategory,
  type OpinionCategorySetting,
  type OpinionDetail,
  type OpinionListItem,
  type OpinionStatusCounts,
  type Page,
  type RouteDeadlinePreview,
  type SimilarOpinion,
} from '@renda/shared';
import { can } from '@renda/shared';
import { api } from '../../app/api';
import type { Option } from '../../components/PagedTable';

export const opinionsKey = ['opinions'] as const;

/** The inbox counted by status with the list's filters: the list page's chart. */
export function useOpinionCounts(filters: Record<string, string>) {
  return useQuery({
    queryKey: [...opinionsKey, 'counts', filters],
    queryFn: () => api.get<OpinionStatusCounts>('/api/opinions/counts', filters),
    select: (d) => d.items,
  });
}

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

/** One step of an opinion's workflow (受理, 转办, 答复, 合并…). */
/** One action on one opinion, posted to /api/opinions/<id>/actions/<action>. */
export const actOnOpinion = (id: string, input: OpinionActionInput) =>
  api.post<OpinionDetail>(actionUrl(opinionActions, id, input.action), input);

export type BulkAction = Extract<OpinionAction, 'accept' | 'decline' | 'route'>;
/** What each bulk action is sent to; each item is the single action, answering on its own. */
const bulkEndpoint: Record<BulkAction, string> = {
  accept: '/api/opinions/bulk-accept',
  decline: '/api/opinions/bulk-decline',
  route: '/api/opinions/bulk-route',
};
/** 批量受理 / 不予受理 / 转办: `input` holds the ids and, for decline and route, what the single action takes. */
export const actOnOpinions = (action: BulkAction, input: object) => api.post<BulkResult>(bulkEndpoint[action], input);

export const categoriesKey = [...opinionsKey, 'categories'] as const;

/** A body's category dictionary: its own, inherited or built in. */
export function useOpinionCategories(bodyId: string) {
  return useQuery({
    queryKey: [...categoriesKey, bodyId],
    queryFn: () => api.get<OpinionCategorySetting>('/api/opinions/categories', { bodyId }),
  });
}
export const saveOpinionCategories = (input: OpinionCategoriesInput) => api.put<OpinionCategorySetting>('/api/opinions/categories', input);
/** Deletes a body's own dictionary, so it follows the body above again. */
export const resetOpinionCategories = (bodyId: string) => api.delete<OpinionCategorySetting>(`/api/opinions/categories?bodyId=${bodyId}`);
