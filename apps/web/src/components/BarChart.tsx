import { Chart } from './Chart';

interface BarChartProps {
  /** One row of bars per name, drawn top to bottom in the given order (deputies, stations, statuses, campaigns). */
  names: string[];
  /** One figure per series, a value per name; several series stand side by side with a legend. */
  series: { label: string; values: number[] }[];
  /** What the chart shows, for screen readers (with its figures when no table on the page holds them). */
  description: string;
}

/** Horizontal bars of figures people compare (scores, counts): load it lazily, it carries ECharts. */
export default function BarChart({ names, series, description }: BarChartProps) {
  const legend = series.length > 1;
  const option = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    ...(legend ? { legend: { top: 0 } } : {}),
    grid: { left: 8, right: 24, top: legend ? 36 : 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: [...names].reverse(), axisLabel: { width: 120, overflow: 'truncate' } },
    series: series.map((s) => ({ name: s.label, type: 'bar', data: [...s.values].reverse() })),
  };
  const rowHeight = 28 + (series.length - 1) * 14;
  return <Chart option={option} description={description} height={Math.max(200, names.length * rowHeight + (legend ? 68 : 40))} />;
}
