import { Radio, type RadioGroupProps } from 'antd';

/**
 * A Radio.Group for a required form field. Form.Item copies aria-required onto the group's <div>,
 * where ARIA does not allow it (axe: aria-allowed-attr, critical), so it is left off, as FormSelect
 * does; the label still shows the required mark.
 */
export function FormRadioGroup({ 'aria-required': _ariaRequired, ...props }: RadioGroupProps & { 'aria-required'?: unknown }) {
  return <Radio.Group {...props} />;
}
