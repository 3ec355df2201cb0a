import type { SelectProps } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { HandlingUnit, Page } from '@renda/shared';
import { api } from '../../app/api';
import { FormSelect } from '../../components/FormSelect';
import type { Option } from '../../components/PagedTable';

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

/** Picks one handling unit (or several with mode="multiple") of the item's body. */
export function UnitSelect({ bodyId, exclude = [], ...props }: SelectProps<string | string[]> & { bodyId: string; exclude?: string[] }) {
  const { options, loading } = useUnitOptions(bodyId);
  return (
    <FormSelect<string | string[]>
      showSearch
      optionFilterProp="label"
      loading={loading}
      options={options.filter((o) => !exclude.includes(o.value))}
      {...props}
    />
  );
}
