import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

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
  return (
    <div role="img" aria-label={description}>
      <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height: 260 }} />
    </div>
  );
}
