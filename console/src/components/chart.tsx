/**
 * One Apache ECharts chart (canvas, ECharts' aria option describing it in words), for the lazily
 * loaded report modules only: each registers the chart types it draws with `echarts.use`.
 */
import { AriaComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([TooltipComponent, AriaComponent, CanvasRenderer]);

/**
 * `data-points` is how many data points the chart was given and `data-drawn` how many ECharts has
 * finished drawing, so a reader (the README's screenshots) can wait for the data, not the axes.
 */
export function Chart({ option, label, points, height = 280 }: { option: echarts.EChartsCoreOption; label: string; points: number; height?: number }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const chart = echarts.init(element);
    chart.on('finished', () => {
      element.dataset.drawn = String(points);
    });
    chart.setOption({ aria: { enabled: true }, animation: false, ...option });
    const resize = (): void => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [option, points]);
  return <div ref={ref} role="img" aria-label={label} data-points={points} style={{ width: '100%', height }} />;
}
