import { lazy, Suspense, type ComponentProps } from 'react';
import { Spin } from 'antd';

const BarChart = lazy(() => import('./BarChart'));

/** BarChart loaded on first use (it carries ECharts), so the list beside it paints first. */
export function LazyBarChart(props: ComponentProps<typeof BarChart>) {
  return (
    <Suspense fallback={<Spin />}>
      <BarChart {...props} />
    </Suspense>
  );
}
