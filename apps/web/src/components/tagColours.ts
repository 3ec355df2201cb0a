/**
 * Solid, dark tag colours with white text: antd's light preset tags (success, processing, warning)
 * fall below the 4.5:1 contrast WCAG 2.1 AA asks for. `default` keeps antd's neutral tag.
 */
export const tagColour = {
  success: '#237804',
  processing: '#0958d9',
  warning: '#874d00',
  error: '#a8071a',
  // Dark shades of antd's hues, for state lists with more states than the four meanings above.
  orange: '#ad4e00',
  geekblue: '#1d39c4',
  purple: '#531dab',
  cyan: '#006d75',
  grey: '#595959',
  default: undefined,
} as const;
export type TagTone = keyof typeof tagColour;
