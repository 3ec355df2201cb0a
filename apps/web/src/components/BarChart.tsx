import { Chart } from './Chart';

interface BarChartProps {
  /** One bar per row, drawn top to bottom in the given order. */
  rows: { name: string; value: number }[];
  /** What the value is (the tooltip's series name). */
  label: string;
  /** What the chart shows, for screen readers (a table on the page holds the figures). */
  description: string;
}

/** Horizontal bars of one figure per name (scores, counts): load it lazily, it carries ECharts. */
export default function BarChart({ rows, label, description }: BarChartProps) {
  const option = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: rows.map((r) => r.name).reverse(), axisLabel: { width: 120, overflow: 'truncate' } },
    series: [{ name: label, type: 'bar', data: rows.map((r) => r.value).reverse() }],
  };
  return <Chart option={option} description={description} height={Math.max(200, rows.length * 28 + 40)} />;
}
