import { BarChart, LineChart } from 'echarts/charts';
import { DataZoomComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only the parts the dashboard draws (bars, lines, axes, tooltips, legend, zoom, a target line): the
// full echarts bundle is several times larger. Nothing here needs eval, so the CSP stays as it is.
echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, DataZoomComponent, MarkLineComponent, CanvasRenderer]);

export type ChartOption = echarts.EChartsCoreOption;

/** The number of data points in an option's series (tests and screenshots check that a chart is not empty). */
function pointCount(option: ChartOption): number {
  const series = (option as { series?: { data?: unknown[] }[] }).series ?? [];
  return series.reduce((n, s) => n + (s.data?.filter((v) => v !== null && v !== 0).length ?? 0), 0);
}

/** One ECharts instance in a div that follows its container's size. */
export function EChart(props: { option: ChartOption; height?: number; testId?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    const el = ref.current!;
    const c = echarts.init(el, undefined, { renderer: 'canvas' });
    chart.current = c;
    const resize = new ResizeObserver(() => c.resize());
    resize.observe(el);
    return () => {
      resize.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(props.option, { notMerge: true });
  }, [props.option]);
  return <div ref={ref} style={{ width: '100%', height: props.height ?? 300 }} data-testid={props.testId} data-points={pointCount(props.option)} />;
}
