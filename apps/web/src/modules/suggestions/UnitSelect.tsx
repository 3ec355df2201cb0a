import type { SelectProps } from 'antd';
import { FormSelect } from '../../components/FormSelect';
import { useUnitOptions } from './api';

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
