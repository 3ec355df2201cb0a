import type { AriaAttributes } from 'react';
import { Checkbox } from 'antd';
import type { CheckboxGroupProps } from 'antd/es/checkbox';

/** A checkbox group in a required form field: antd would put aria-required on its plain <div> (axe: aria-allowed-attr). */
export function FormCheckboxGroup<T>({
  'aria-required': _ariaRequired,
  ...props
}: CheckboxGroupProps<T> & Pick<AriaAttributes, 'aria-required'>) {
  return <Checkbox.Group<T> {...props} />;
}
