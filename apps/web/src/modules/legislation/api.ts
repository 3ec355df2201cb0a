import { useQuery } from '@tanstack/react-query';
import {
  actionUrl,
  commentActions,
  draftActions,
  type BulkResult,
  type CommentAction,
  type CommentActionInput,
  type CommentGroups,
  type CommentModerateInput,
  type ContactPoint,
  type ContactPointInput,
  type Draft,
  type DraftAction,
  type DraftComment,
  type DraftEdit,
  type DraftInput,
  type ImportResult,
  type OfflineCommentInput,
  type Page,
  type VersionComparison,
  type VersionInput,
  type VersionText,
} from '@renda/shared';
import { api, queryString, type QueryParams } from '../../app/api';

export const legislationKey = ['legislation'] as const;
export const draftKey = (id: string) => [...legislationKey, 'draft', id] as const;
export const pointsKey = [...legislationKey, 'points'] as const;

export const legislationUrls = {
  export: (filters: QueryParams) => `/api/legislation/drafts/export.xlsx${queryString(filters)}`,
  exportComments: (id: string, filters: QueryParams) => `/api/legislation/drafts/${id}/comments/export.xlsx${queryString(filters)}`,
  report: (id: string) => `/api/legislation/drafts/${id}/report.docx`,
  template: '/api/legislation/offline-template.xlsx',
  /** The citizens' comment page. */
  publicPage: (publicCode: string) => `${location.origin}/m/legislation?code=${encodeURIComponent(publicCode)}`,
};

export const useDraft = (id: string) =>
  useQuery({ queryKey: draftKey(id), queryFn: () => api.get<Draft>(`/api/legislation/drafts/${id}`) });

export const useVersionText = (id: string, versionId: string | undefined) =>
  useQuery({
    queryKey: [...draftKey(id), 'text', versionId ?? 'current'],
    queryFn: () => api.get<VersionText>(`/api/legislation/drafts/${id}/text`, { versionId }),
  });

export const useComments = (id: string, filters: QueryParams) =>
  useQuery({
    queryKey: [...draftKey(id), 'comments', filters],
    queryFn: () => api.get<Page<DraftComment>>(`/api/legislation/drafts/${id}/comments`, { ...filters, pageSize: 200 }),
  });

export const useCommentGroups = (id: string) =>
  useQuery({
    queryKey: [...draftKey(id), 'groups'],
    queryFn: () => api.get<CommentGroups>(`/api/legislation/drafts/${id}/comment-groups`),
  });

export const useComparison = (id: string, from: string | undefined, to: string | undefined) =>
  useQuery({
    queryKey: [...draftKey(id), 'compare', from, to],
    queryFn: () => api.get<VersionComparison>(`/api/legislation/drafts/${id}/compare`, { from, to }),
    enabled: Boolean(from && to),
  });

export const usePoints = () =>
  useQuery({
    queryKey: pointsKey,
    queryFn: () => api.get<{ items: ContactPoint[] }>('/api/legislation/contact-points'),
    select: (d) => d.items,
  });

export const useMemberCandidates = (enabled: boolean) =>
  useQuery({
    queryKey: [...pointsKey, 'candidates'],
    queryFn: () =>
      api.get<{ items: { id: string; displayName: string; bodyName: string }[] }>('/api/legislation/contact-points/candidates'),
    select: (d) => d.items,
    enabled,
  });

export type MyPoint = ContactPoint & {
  drafts: { id: string; title: string; commentFrom: string; commentTo: string; state: Draft['state'] }[];
};
export const useMyPoints = (enabled: boolean) =>
  useQuery({
    queryKey: [...pointsKey, 'mine'],
    queryFn: () => api.get<{ items: MyPoint[] }>('/api/legislation/my/contact-points'),
    select: (d) => d.items,
    enabled,
  });

export const createDraft = (input: DraftInput) => api.post<{ draft: Draft; warnings: string[] }>('/api/legislation/drafts', input);
export const editDraft = (id: string, input: DraftEdit) => api.put<Draft>(`/api/legislation/drafts/${id}`, input);
export const actOnDraft = (id: string, action: DraftAction, input: VersionInput | Record<string, never> = {}) =>
  api.post<Draft>(actionUrl(draftActions, id, action), input);
export const actOnComment = (id: string, action: CommentAction, input: CommentActionInput = {}) =>
  api.post<DraftComment>(actionUrl(commentActions, id, action), input);
/** 批量审核: the selected comments of a draft approved, or refused with one reason; each answers on its own. */
export const moderateComments = (draftId: string, input: CommentModerateInput) =>
  api.post<BulkResult>(`/api/legislation/drafts/${draftId}/comments/moderate`, input);
export const savePoint = (id: string | null, input: ContactPointInput) =>
  id
    ? api.put<ContactPoint>(`/api/legislation/contact-points/${id}`, input)
    : api.post<ContactPoint>('/api/legislation/contact-points', input);
export const enterOffline = (draftId: string, input: OfflineCommentInput) =>
  api.post<DraftComment>(`/api/legislation/drafts/${draftId}/offline-comments`, input);
export const importOffline = (draftId: string, contactPointId: string, file: File) =>
  api.upload<ImportResult>(`/api/legislation/drafts/${draftId}/offline-comments/import`, { contactPointId }, file);
