import { useQuery } from '@tanstack/react-query';
import type { CampaignDetail, DispatchReport, MyCampaign } from '@renda/shared';
import { api } from '../../app/api';

export const campaignsKey = ['campaigns'] as const;
export const campaignKey = (id: string) => [...campaignsKey, 'detail', id] as const;

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
