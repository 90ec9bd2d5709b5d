/**
 * The satisfaction report's chart (Apache ECharts, loaded lazily with this module): per group, the
 * callbacks scored 1 to 5 as stacked bars, red for the low scores (≤ 2) and green for the high.
 */
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import type { SatisfactionReport } from '../api/satisfaction.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { word } from '../i18n/standard-words.ts';
import { Chart } from './chart.tsx';

echarts.use([BarChart, GridComponent, LegendComponent]);

const SCORE_COLOURS = ['#a8071a', '#d4380d', '#d48806', '#389e0d', '#135200'] as const;

export default function SatisfactionChart({ report, groupName }: { report: SatisfactionReport | undefined; groupName: (group: string) => string }) {
  const { lang } = useI18n();
  const rows = report?.rows ?? [];
  return (
    <figure style={{ margin: 0 }}>
      <figcaption>{word('satisfaction.chart', lang)}</figcaption>
      <Chart
        label={word('satisfaction.chart', lang)}
        points={rows.length}
        option={{
          tooltip: {},
          legend: { top: 0 },
          grid: { containLabel: true, left: 8, right: 8, bottom: 8, top: 32 },
          xAxis: { type: 'category', data: rows.map((r) => groupName(r.group)) },
          yAxis: { type: 'value', minInterval: 1 },
          series: (['1', '2', '3', '4', '5'] as const).map((score, i) => ({
            type: 'bar',
            stack: 'scores',
            name: word('satisfaction.score', lang, { score }),
            data: rows.map((r) => r.distribution[score]),
            itemStyle: { color: SCORE_COLOURS[i] },
          })),
        }}
      />
    </figure>
  );
}
