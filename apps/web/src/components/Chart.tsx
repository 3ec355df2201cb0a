import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

// The one place ECharts is loaded: only the parts the platform's charts use, to keep the chunk small.
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

interface ChartProps {
  /** The ECharts option (series, axes). */
  option: Record<string, unknown>;
  /** What the chart shows, for screen readers (a table on the page holds the figures). */
  description: string;
  height: number;
}

/**
 * An ECharts chart as an image with a description. Import it only from chart components that the page
 * loads lazily: it carries ECharts.
 */
export function Chart({ option, description, height }: ChartProps) {
  return (
    <div role="img" aria-label={description}>
      <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height }} />
    </div>
  );
}
