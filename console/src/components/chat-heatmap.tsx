/**
 * The chat report's heat map of breaches (service-standards.md §10: "reported per agent, day and
 * hour"): hours of the day across, the report's days down, in the policy's zone as the API keys
 * them. Loaded lazily with ECharts, like the SLA report's charts; the page lists the same hours as
 * text for readers who cannot see the canvas.
 */
import { HeatmapChart } from 'echarts/charts';
import { GridComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { useMemo } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import type { BreachGrid } from '../reports/chat-figures.ts';
import { HOURS } from '../reports/chat-figures.ts';
import { Chart } from './chart.tsx';

echarts.use([HeatmapChart, GridComponent, VisualMapComponent]);

export default function ChatHeatmap({ grid }: { grid: BreachGrid }) {
  const { t } = useI18n();
  const option = useMemo(
    () => ({
      tooltip: { position: 'top' },
      grid: { containLabel: true, left: 8, right: 8, top: 8, bottom: 48 },
      xAxis: { type: 'category', data: HOURS, splitArea: { show: true } },
      yAxis: { type: 'category', inverse: true, data: grid.days.map((d) => d.slice(5)), splitArea: { show: true } },
      visualMap: { min: 0, max: Math.max(1, grid.max), calculable: false, text: [String(Math.max(1, grid.max)), '0'], orient: 'horizontal', left: 'center', bottom: 0, inRange: { color: ['#fff1f0', '#cf1322'] } },
      series: [{ type: 'heatmap', name: t('chat.breaches'), data: grid.cells, label: { show: true, formatter: (p: { value: number[] }) => (p.value[2] ? String(p.value[2]) : '') } }],
    }),
    [grid, t],
  );
  return <Chart label={t('chat.heatmap')} points={grid.cells.length} option={option} height={Math.max(200, 60 + grid.days.length * 28)} />;
}
