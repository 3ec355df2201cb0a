import { useMemo } from 'react';
import type { DeputyListItem, HandlingUnit, Page, Station, SuggestionDetail, SuggestionListItem } from '@renda/shared';
import { api } from '../app/api';
import type { Option } from './PagedTable';
import type { RemoteSource } from './RemoteSelect';

/** Options per search: enough to choose from, small enough to come back at once. */
const PAGE = 20;

export function useStationSource(): RemoteSource {
  return useMemo(
    () => ({
      key: ['stations', 'remote'],
      search: async (q) =>
        (await api.get<Page<Station>>('/api/stations', { q, pageSize: PAGE })).items.map((s) => ({ value: s.id, label: s.name })),
      resolve: async (id) => {
        const s = await api.get<Station>(`/api/stations/${id}`);
        return { value: s.id, label: s.name };
      },
    }),
    [],
  );
}

/**
 * Deputies in office, by name; with `bodyId` only that body's (a campaign's teams), otherwise
 * every body in scope with the body beside the name.
 */
export function useDeputySource(bodyId?: string): RemoteSource {
  return useMemo(() => {
    const label = (d: Pick<DeputyListItem, 'id' | 'name' | 'bodyName'>): Option => ({
      value: d.id,
      label: bodyId ? d.name : `${d.name}（${d.bodyName}）`,
    });
    return {
      key: ['deputies', 'remote', bodyId ?? 'all'],
      search: async (q) =>
        (await api.get<Page<DeputyListItem>>('/api/deputies', { q, bodyId, status: 'in_office', pageSize: PAGE })).items.map(label),
      resolve: async (id) => label(await api.get<DeputyListItem>(`/api/deputies/${id}`)),
    };
  }, [bodyId]);
}

/** Handling units (governments and departments) by name; stopped ones are marked. */
export function useUnitSource(bodyId?: string, withBody = false): RemoteSource {
  return useMemo(() => {
    const label = (u: HandlingUnit): Option => ({
      value: u.id,
      label: `${u.name}${withBody ? `（${u.bodyName}）` : ''}${u.active ? '' : '（已停用）'}`,
    });
    const page = (params: Record<string, string | number | undefined>) =>
      api.get<Page<HandlingUnit>>('/api/handling-units', { bodyId, pageSize: PAGE, ...params });
    return {
      key: ['handling-units', 'remote', bodyId ?? 'all', withBody],
      search: async (q) => (await page({ q })).items.map(label),
      resolve: async (id) => {
        const [unit] = (await page({ id })).items;
        return unit && label(unit);
      },
    };
  }, [bodyId, withBody]);
}

/** Suggestions by title or number, labelled with their number. */
export function useSuggestionSource(): RemoteSource {
  return useMemo(() => {
    const label = (s: Pick<SuggestionListItem, 'id' | 'numberLabel' | 'title'>) => ({
      value: s.id,
      label: `${s.numberLabel ? `${s.numberLabel} ` : ''}${s.title}`,
    });
    return {
      key: ['suggestions', 'remote'],
      search: async (q) => (await api.get<Page<SuggestionListItem>>('/api/suggestions', { q, pageSize: PAGE })).items.map(label),
      resolve: async (id) => label(await api.get<SuggestionDetail>(`/api/suggestions/${id}`)),
    };
  }, []);
}
