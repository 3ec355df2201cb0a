import { useQuery } from '@tanstack/react-query';
import type { CosignerCandidate, SuggestionAction, SuggestionDetail, SuggestionSession } from '@renda/shared';
import { api } from '../../app/api';

export const suggestionsKey = ['suggestions'] as const;
export const suggestionKey = (id: string) => [...suggestionsKey, 'detail', id] as const;
export const sessionsKey = ['suggestion-sessions'] as const;

/** The URL segment of each action under /api/suggestions/:id/ (the server's routes). */
export const actionPath: Record<SuggestionAction, string> = {
  confirmCosign: 'confirm-cosign',
  declineCosign: 'decline-cosign',
  submit: 'submit',
  accept: 'accept',
  register: 'register',
  convert: 'convert',
  return: 'return',
  merge: 'merge',
  assign: 'assign',
  signFor: 'sign-for',
  requestReassignment: 'reassignment-requests',
  decideReassignment: 'reassignment-decisions',
  contact: 'contacts',
  jointOpinion: 'joint-opinions',
  requestExtension: 'extensions',
  decideExtension: 'extension-decisions',
  reply: 'replies',
  release: 'release',
  rejectReply: 'reject-reply',
  rate: 'ratings',
  reopen: 'reopen',
  close: 'close',
  markKey: 'key',
  keyReview: 'key-reviews',
  keyComment: 'key-comment',
  keyVote: 'key-vote',
};

export const postAction = (id: string, action: SuggestionAction, input: unknown) =>
  api.post<SuggestionDetail>(`/api/suggestions/${id}/${actionPath[action]}`, input);

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
