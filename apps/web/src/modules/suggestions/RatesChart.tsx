import { Chart } from '../../components/Chart';
import type { SuggestionRates } from '@renda/shared';
import { rateKeys, type RateKey } from './labels';

interface RatesChartProps {
  rows: (SuggestionRates & { name: string })[];
  labels: Record<RateKey, string>;
  /** What the chart shows, for screen readers (the table below holds the figures). */
  description: string;
}

/** Five rates per unit as grouped horizontal bars, in per cent. */
export default function RatesChart({ rows, labels, description }: RatesChartProps) {
  const names = rows.map((r) => r.name).reverse();
  const option = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number | null) => (v == null ? '—' : `${v}%`) },
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', data: names, axisLabel: { width: 180, overflow: 'truncate' } },
    series: rateKeys.map((key) => ({
      name: labels[key],
      type: 'bar',
      data: rows.map((r) => (r[key] == null ? null : Math.round(r[key]! * 1000) / 10)).reverse(),
    })),
  };
  return <Chart option={option} description={description} height={Math.max(240, rows.length * 90 + 60)} />;
}
