import type { SelectProps } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { HandlingUnit, Page } from '@renda/shared';
import { api } from '../../../app/api';
import { FormSelect } from '../../../components/FormSelect';
import { handlingUnitsKey } from './api';

/** Picks a handling unit of one body (the API's largest page, 200, is plenty for one body). */
export function HandlingUnitSelect({ bodyId, ...props }: SelectProps<string> & { bodyId?: string }) {
  const { data, isFetching } = useQuery({
    queryKey: [...handlingUnitsKey, 'options', bodyId],
    queryFn: () => api.get<Page<HandlingUnit>>('/api/handling-units', { bodyId, pageSize: 200 }),
    enabled: !!bodyId,
  });
  return (
    <FormSelect<string>
      showSearch
      optionFilterProp="label"
      loading={isFetching}
      options={data?.items.map((unit) => ({ value: unit.id, label: unit.name }))}
      {...props}
    />
  );
}
