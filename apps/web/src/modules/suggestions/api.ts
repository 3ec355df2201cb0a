import { useQuery } from '@tanstack/react-query';
import {
  actionUrl,
  suggestionActions,
  type CosignerCandidate,
  type SuggestionAction,
  type SuggestionDetail,
  type SuggestionSession,
} from '@renda/shared';
import { api } from '../../app/api';

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
export const replyLetterUrl = (id: string, replyId: string) => `/api/suggestions/${id}/replies/${replyId}/letter`;
