import { useQuery } from '@tanstack/react-query';
import {
  actionUrl,
  idempotencyHeader,
  voteActions,
  type BallotChoices,
  type CastReceipt,
  type PendingPaperBallot,
  type PublicVote,
  type PublishedBallot,
  type TurnoutView,
  type VoteAction,
  type VoteView,
} from '@renda/shared';
import { api } from '../../app/api';

export const votesKey = ['votes'] as const;
export const voteKey = (id: string) => [...votesKey, 'detail', id] as const;

export const useVotes = () =>
  useQuery({ queryKey: votesKey, queryFn: () => api.get<{ items: VoteView[] }>('/api/votes'), select: (d) => d.items });

export const useVote = (id: string) => useQuery({ queryKey: voteKey(id), queryFn: () => api.get<VoteView>(`/api/votes/${id}`) });

/** Live turnout for staff: polled every three seconds while the vote is open. */
export const useTurnout = (id: string, live: boolean) =>
  useQuery({
    queryKey: [...voteKey(id), 'turnout'],
    queryFn: () => api.get<TurnoutView>(`/api/votes/${id}/turnout`),
    refetchInterval: live ? 3000 : false,
  });

export const usePendingPaper = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: [...voteKey(id), 'paper'],
    queryFn: () => api.get<{ items: PendingPaperBallot[] }>(`/api/votes/${id}/paper-ballots`),
    select: (d) => d.items,
    enabled,
    refetchInterval: enabled ? 3000 : false,
  });

export const actOnVote = (id: string, action: VoteAction) => api.post<VoteView>(actionUrl(voteActions, id, action));

/**
 * The voter's secret key for this vote, made once on this device and kept: a retry after a lost
 * answer sends the same key, so the server stores one ballot and answers with the same code.
 */
function ballotKey(voteId: string) {
  const name = `renda-ballot-key:${voteId}`;
  let key = localStorage.getItem(name);
  if (!key) {
    key = `${crypto.randomUUID()}${crypto.randomUUID()}`.replaceAll('-', '');
    localStorage.setItem(name, key);
  }
  return key;
}

/** The code of the ballot cast from this device (the server does not know it afterwards; docs/votes.md). */
export const savedBallotCode = (voteId: string) => localStorage.getItem(`renda-ballot-code:${voteId}`);

export async function castBallot(voteId: string, choices: BallotChoices) {
  const receipt = await api.post<CastReceipt>(`/api/votes/${voteId}/ballots`, { choices }, { [idempotencyHeader]: ballotKey(voteId) });
  localStorage.setItem(`renda-ballot-code:${voteId}`, receipt.ballotCode);
  return receipt;
}

export const markPaper = (voteId: string, deputyId: string) => api.post<TurnoutView>(`/api/votes/${voteId}/paper-roll`, { deputyId });
export const enterPaper = (voteId: string, choices: BallotChoices) =>
  api.post<{ items: PendingPaperBallot[] }>(`/api/votes/${voteId}/paper-ballots`, { choices });
export const confirmPaper = (voteId: string, pendingId: string, accept: boolean) =>
  api.post<{ items: PendingPaperBallot[] }>(`/api/votes/${voteId}/paper-ballots/${pendingId}/${accept ? 'confirm' : 'reject'}`);

export const usePublicVote = (id: string) =>
  useQuery({ queryKey: ['public-vote', id], queryFn: () => api.get<PublicVote>(`/api/public/votes/${id}`) });
export const usePublishedBallots = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: ['public-vote', id, 'ballots'],
    queryFn: () => api.get<{ items: PublishedBallot[] }>(`/api/public/votes/${id}/ballots`),
    select: (d) => d.items,
    enabled,
  });

export const ballotPageUrl = (voteId: string) => `/votes/${voteId}/ballot`;
export const verifyPageUrl = (voteId: string) => `/votes/${voteId}/verify`;
