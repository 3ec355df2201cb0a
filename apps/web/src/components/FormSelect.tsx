import { Select, type SelectProps } from 'antd';

/**
 * A Select for a required form field. antd copies the field's aria-required onto the Select's outer
 * <div>, where ARIA does not allow it (axe: aria-allowed-attr, critical), so it is left off; the
 * label still shows the required mark.
 */
export function FormSelect<V>({ 'aria-required': _ariaRequired, ...props }: SelectProps<V>) {
  return <Select<V> {...props} />;
}
