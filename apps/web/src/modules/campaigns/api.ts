import { useQuery } from '@tanstack/react-query';
import {
  actionUrl,
  clueActions,
  type CampaignClueCounts,
  type CampaignDetail,
  type DispatchReport,
  type MyCampaign,
  type CampaignClue,
  type CampaignClueDetail,
  type CampaignInput,
  type CampaignTeamInput,
  type CampaignUpdateInput,
  type CampaignVisitInput,
  type ClueActionInput,
  type ClueSuggestionInput,
  type Page,
  type StandaloneClueInput,
  type SuggestionSourceClue,
} from '@renda/shared';
import { api } from '../../app/api';

export const campaignsKey = ['campaigns'] as const;
export const campaignKey = (id: string) => [...campaignsKey, 'detail', id] as const;

/** The clues of the latest campaigns in the list, with its filters: the list page's chart. */
export function useClueCounts(filters: Record<string, string>) {
  return useQuery({
    queryKey: [...campaignsKey, 'clue-counts', filters],
    queryFn: () => api.get<CampaignClueCounts>('/api/campaigns/clue-counts', filters),
    select: (d) => d.items,
  });
}

export function useCampaign(id: string) {
  return useQuery({ queryKey: campaignKey(id), queryFn: () => api.get<CampaignDetail>(`/api/campaigns/${id}`) });
}

export const visitsKey = (id: string) => [...campaignKey(id), 'visits'] as const;

export function useDispatch(id: string, month: string | null) {
  return useQuery({
    queryKey: [...campaignKey(id), 'dispatch', month],
    queryFn: () => api.get<DispatchReport>(`/api/campaigns/${id}/dispatch`, { month }),
    enabled: !!month,
  });
}

export const myCampaignsKey = [...campaignsKey, 'mine'] as const;

/** The campaigns the signed-in deputy serves on. */
export function useMyCampaigns() {
  return useQuery({
    queryKey: myCampaignsKey,
    queryFn: () => api.get<{ items: MyCampaign[] }>('/api/my/campaigns'),
    select: (data) => data.items,
  });
}

export const createCampaign = (input: CampaignInput) => api.post<CampaignDetail>('/api/campaigns', input);
export const updateCampaign = (id: string, input: CampaignUpdateInput) => api.put<CampaignDetail>(`/api/campaigns/${id}`, input);
export const addCampaignTeam = (id: string, input: CampaignTeamInput) => api.post(`/api/campaigns/${id}/teams`, input);
/** Staff record a team's visit; the answer numbers the clues it raised. */
export const recordCampaignVisit = (id: string, input: CampaignVisitInput) =>
  api.post<{ clueNumbers: string[] }>(`/api/campaigns/${id}/visits`, input);
export const addStandaloneClue = (id: string, input: StandaloneClueInput) => api.post(`/api/campaigns/${id}/clues`, input);

/** One step of a clue's workflow (确认, 交办, 办结…). */
/** One action on a problem clue, posted to /api/campaign-clues/<id>/actions/<action>. */
export const actOnClue = (clueId: string, input: ClueActionInput) => api.post(actionUrl(clueActions, clueId, input.action), input);
/** Links a clue to a suggestion, or turns it into a new draft. */
export const linkClueSuggestion = (clueId: string, input: ClueSuggestionInput) =>
  api.post<CampaignClueDetail>(`/api/campaign-clues/${clueId}/suggestion`, input);

/** The campaign clues a suggestion came from. */
export function useSuggestionSourceClues(suggestionId: string) {
  return useQuery({
    queryKey: [...campaignsKey, 'of-suggestion', suggestionId],
    queryFn: () => api.get<{ items: SuggestionSourceClue[] }>(`/api/campaign-clues/of-suggestion/${suggestionId}`),
    select: (data) => data.items,
  });
}

/** A team member deputy records a visit on site; the answer numbers the clues it raised. */
export const recordMyCampaignVisit = (id: string, input: CampaignVisitInput) =>
  api.post<{ clueNumbers: string[] }>(`/api/my/campaigns/${id}/visits`, input);

/** The clues of a campaign the signed-in deputy serves on. */
export function useMyCampaignClues(id: string) {
  return useQuery({
    queryKey: [...myCampaignsKey, id, 'clues'],
    queryFn: () => api.get<Page<CampaignClue>>(`/api/my/campaigns/${id}/clues`, { pageSize: 100 }),
  });
}
