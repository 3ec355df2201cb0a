import { Chart } from '../../components/Chart';

interface CountsChartProps {
  bars: { name: string; value: number; colour?: string }[];
  /** What the chart shows, with its figures, for screen readers. */
  description: string;
}

/** People counted per choice (满意 / 基本满意 / 不满意, or votes per nominee) as vertical bars. */
export default function CountsChart({ bars, description }: CountsChartProps) {
  const option = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: bars.map((b) => b.name), axisLabel: { interval: 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'bar',
        barMaxWidth: 56,
        label: { show: true, position: 'top' },
        data: bars.map((b) => ({ value: b.value, itemStyle: b.colour ? { color: b.colour } : undefined })),
      },
    ],
  };
  return <Chart option={option} description={description} height={260} />;
}
