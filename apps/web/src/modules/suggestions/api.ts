import { useQuery, keepPreviousData } from '@tanstack/react-query';
import {
  actionUrl,
  suggestionActions,
  type CosignerCandidate,
  type SuggestionAction,
  type SuggestionDetail,
  type SuggestionSession,
  type HandlingUnit,
  type Page,
  type ReplyCategoryOption,
  type SuggestionSettings,
  type SuggestionSettingsInput,
  type SuggestionDraftInput,
  type SuggestionListItem,
  type SuggestionRates,
  type SuggestionSessionInput,
  type SupervisorCandidate,
} from '@renda/shared';
import { api, queryString } from '../../app/api';
import type { Option } from '../../components/PagedTable';

export const suggestionsKey = ['suggestions'] as const;
export const suggestionKey = (id: string) => [...suggestionsKey, 'detail', id] as const;
export const sessionsKey = ['suggestion-sessions'] as const;

/** Every action goes to /api/suggestions/<id>/actions/<action> with the input declared in packages/shared. */
export const postAction = (id: string, action: SuggestionAction, input: unknown) =>
  api.post<SuggestionDetail>(actionUrl(suggestionActions, id, action), input);

export function useSuggestion(id: string) {
  return useQuery({ queryKey: suggestionKey(id), queryFn: () => api.get<SuggestionDetail>(`/api/suggestions/${id}`) });
}

/** Congress sessions of the bodies the user sees, newest first. */
export function useSessions() {
  return useQuery({
    queryKey: sessionsKey,
    queryFn: () => api.get<{ items: SuggestionSession[] }>('/api/suggestion-sessions'),
    select: (data) => data.items,
    staleTime: 60_000,
  });
}

export function useCosignerCandidates() {
  return useQuery({
    queryKey: [...suggestionsKey, 'cosigner-candidates'],
    queryFn: () => api.get<{ items: CosignerCandidate[] }>('/api/suggestions/cosigner-candidates'),
    select: (data) => data.items,
    staleTime: 60_000,
  });
}

export const assignmentLetterUrl = (id: string, assignmentId: string) => `/api/suggestions/${id}/assignments/${assignmentId}/letter`;
export const replyLetterUrl = (id: string, replyId: string, deputyId?: string) =>
  `/api/suggestions/${id}/replies/${replyId}/letter${deputyId ? `?deputyId=${deputyId}` : ''}`;

/** Saves a draft: a new one (`id` null) or changes to an existing one. */
export const saveSuggestionDraft = (id: string | null, input: SuggestionDraftInput) =>
  id ? api.put<SuggestionDetail>(`/api/suggestions/${id}`, input) : api.post<SuggestionDetail>('/api/suggestions', input);

export const createSuggestionSession = (input: SuggestionSessionInput) => api.post('/api/suggestion-sessions', input);

export type UnitRow = SuggestionRates & { unitId: string; unitName: string };
export type BodyRow = SuggestionRates & { bodyId: string; bodyName: string };
export interface RatesAnswer {
  overall: SuggestionRates;
  byUnit: UnitRow[];
  byBody: BodyRow[];
  /** The counted body's result categories, for the category columns. */
  categories: ReplyCategoryOption[];
}

/** 办理统计 of a session: overall, per unit and per body; the last answer stays while the next loads. */
export function useSuggestionRates(sessionId: string | undefined, bodyId: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: [...suggestionsKey, 'rates', sessionId, bodyId],
    queryFn: () => api.get<RatesAnswer>('/api/suggestions/rates', { sessionId, bodyId }),
    enabled,
    placeholderData: keepPreviousData,
  });
}

/** The rates page as an Excel file, for the session and body chosen. */
export const suggestionUrls = {
  ratesExport: (filters: { sessionId?: string | undefined; bodyId?: string | undefined }) =>
    `/api/suggestions/rates.xlsx${queryString(filters)}`,
};

/** One page of the overdue suggestions of a session (and body). */
export function useOverdueSuggestions(sessionId: string | undefined, bodyId: string | undefined, page: { page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...suggestionsKey, 'overdue', sessionId, bodyId, page],
    queryFn: () => api.get<Page<SuggestionListItem>>('/api/suggestions', { overdue: 'true', sessionId, bodyId, ...page }),
    placeholderData: keepPreviousData,
  });
}

/** The users of a body who may supervise a key suggestion. */
export function useSupervisorCandidates(bodyId: string) {
  return useQuery({
    queryKey: ['suggestions', 'supervisor-candidates', bodyId],
    queryFn: () => api.get<{ items: SupervisorCandidate[] }>('/api/suggestions/supervisor-candidates', { bodyId }),
  });
}

/** The suggestions of the same body and session another may be merged into (filtered by the caller). */
export function useMergeCandidates(item: SuggestionDetail) {
  return useQuery({
    queryKey: ['suggestions', 'merge-targets', item.bodyId, item.sessionId],
    queryFn: () => api.get<Page<SuggestionListItem>>('/api/suggestions', { bodyId: item.bodyId, sessionId: item.sessionId, pageSize: 200 }),
  });
}

/** The active handling units of one body (the API's largest page, 200, holds a body's units). */
export function useUnitOptions(bodyId: string | undefined): { options: Option[]; loading: boolean } {
  const { data, isFetching } = useQuery({
    queryKey: ['handling-units', 'options', bodyId],
    queryFn: () => api.get<Page<HandlingUnit>>('/api/handling-units', { bodyId, pageSize: 200 }),
    enabled: !!bodyId,
    staleTime: 60_000,
  });
  return { options: (data?.items ?? []).filter((u) => u.active).map((u) => ({ value: u.id, label: u.name })), loading: isFetching };
}

export const settingsKey = (bodyId: string) => ['suggestion-settings', bodyId] as const;

/** A body's handling settings in force (its own or inherited): letters to co-signers, result categories. */
export function useSuggestionSettings(bodyId: string | undefined) {
  return useQuery({
    queryKey: settingsKey(bodyId ?? ''),
    queryFn: () => api.get<SuggestionSettings>(`/api/suggestion-settings/${bodyId}`),
    enabled: !!bodyId,
  });
}

export const saveSuggestionSettings = (bodyId: string, input: SuggestionSettingsInput) =>
  api.put<SuggestionSettings>(`/api/suggestion-settings/${bodyId}`, input);
