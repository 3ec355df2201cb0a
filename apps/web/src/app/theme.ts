import type { ThemeConfig } from 'antd';

/**
 * Colours chosen for WCAG 2.1 AA contrast: antd's default blue (#1677ff) is 4.1:1 on white and its
 * grey secondary and placeholder texts are about 3:1, so both are darkened here.
 */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#0958d9',
    colorInfo: '#0958d9',
    colorLink: '#0958d9',
    colorError: '#cf1322',
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)',
    fontSizeHeading1: 24,
    fontSizeHeading2: 18,
  },
  components: {
    Layout: { headerBg: '#ffffff', headerPadding: '0 16px' },
  },
};
