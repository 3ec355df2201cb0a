import { useQuery } from '@tanstack/react-query';
import type { CampaignDetail, CampaignVisit, DeputyListItem, DispatchReport, Page } from '@renda/shared';
import { api } from '../../../app/api';
import type { Option } from '../../../components/PagedTable';

export const campaignsKey = ['campaigns'] as const;
export const campaignKey = (id: string) => [...campaignsKey, 'detail', id] as const;

export function useCampaign(id: string) {
  return useQuery({ queryKey: campaignKey(id), queryFn: () => api.get<CampaignDetail>(`/api/campaigns/${id}`) });
}

export function useVisits(id: string, page: number) {
  return useQuery({
    queryKey: [...campaignKey(id), 'visits', page],
    queryFn: () => api.get<Page<CampaignVisit>>(`/api/campaigns/${id}/visits`, { page, pageSize: 10 }),
  });
}

export function useDispatch(id: string, month: string | null) {
  return useQuery({
    queryKey: [...campaignKey(id), 'dispatch', month],
    queryFn: () => api.get<DispatchReport>(`/api/campaigns/${id}/dispatch`, { month }),
    enabled: !!month,
  });
}

/** The deputies of the campaign's body, for teams and visits (a county's deputies fit in the API's largest page). */
export function useBodyDeputies(bodyId: string | undefined) {
  return useQuery({
    queryKey: ['deputies', 'of-body', bodyId],
    queryFn: () => api.get<Page<DeputyListItem>>('/api/deputies', { bodyId, status: 'in_office', pageSize: 200 }),
    select: (data): Option[] => data.items.map((d) => ({ value: d.id, label: d.name })),
    enabled: !!bodyId,
    staleTime: 60_000,
  });
}
