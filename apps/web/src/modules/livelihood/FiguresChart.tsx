import { Chart } from '../../components/Chart';
import type { LivelihoodFigures } from '@renda/shared';

interface FiguresChartProps {
  rows: LivelihoodFigures['bodies'];
  labels: { chosen: string; completed: string; progress: string };
  /** What the chart shows, for screen readers (the table beside it holds the figures). */
  description: string;
}

/** Per body: chosen and completed projects as bars, the average progress as a line on its own axis. */
export default function FiguresChart({ rows, labels, description }: FiguresChartProps) {
  const names = rows.map((r) => r.bodyName.replace(/人大常委会|人民代表大会|议政代表会/, ''));
  const option = {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: names.length > 4 ? 30 : 0 } },
    yAxis: [
      { type: 'value', minInterval: 1 },
      { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    ],
    series: [
      { name: labels.chosen, type: 'bar', data: rows.map((r) => r.chosen) },
      { name: labels.completed, type: 'bar', data: rows.map((r) => r.completed) },
      { name: labels.progress, type: 'line', yAxisIndex: 1, data: rows.map((r) => r.averageProgress) },
    ],
  };
  return <Chart option={option} description={description} height={300} />;
}
