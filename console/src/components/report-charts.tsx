/**
 * The report's charts, drawn with Apache ECharts (only the parts used, loaded lazily with this
 * module so the queue's first load stays small): on-time % per step, p50/p90 minutes per step,
 * breaches per day. ECharts' aria option describes each chart in words for screen readers.
 */
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import type { SlaReport } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { stepName } from '../i18n/labels.ts';
import { Chart } from './chart.tsx';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent]);

export default function ReportCharts({ bySteps, byDays }: { bySteps: SlaReport | undefined; byDays: SlaReport | undefined }) {
  const { t, lang } = useI18n();
  const steps = bySteps?.rows ?? [];
  const days = byDays?.rows ?? [];
  const stepNames = steps.map((r) => stepName(r.group, lang));
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(360px, 1fr))', gap: 16 }}>
      <figure style={{ margin: 0 }}>
        <figcaption>{t('report.chartOnTime')}</figcaption>
        <Chart
          label={t('report.chartOnTime')}
          points={steps.length}
          option={{
            tooltip: {},
            grid: { containLabel: true, left: 8, right: 8, bottom: 8 },
            xAxis: { type: 'category', data: stepNames, axisLabel: { rotate: 30 } },
            yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
            series: [{ type: 'bar', name: t('report.onTimePct'), data: steps.map((r) => r.onTimePct ?? 0), itemStyle: { color: '#0958d9' } }],
          }}
        />
      </figure>
      <figure style={{ margin: 0 }}>
        <figcaption>{t('report.chartMinutes')}</figcaption>
        <Chart
          label={t('report.chartMinutes')}
          points={steps.length}
          option={{
            tooltip: {},
            legend: { top: 0 },
            grid: { containLabel: true, left: 8, right: 8, bottom: 8, top: 32 },
            xAxis: { type: 'category', data: stepNames, axisLabel: { rotate: 30 } },
            yAxis: { type: 'value' },
            series: [
              { type: 'bar', name: 'p50', data: steps.map((r) => r.p50Minutes ?? 0), itemStyle: { color: '#389e0d' } },
              { type: 'bar', name: 'p90', data: steps.map((r) => r.p90Minutes ?? 0), itemStyle: { color: '#d46b08' } },
            ],
          }}
        />
      </figure>
      <figure style={{ margin: 0 }}>
        <figcaption>{t('report.chartBreaches')}</figcaption>
        <Chart
          label={t('report.chartBreaches')}
          points={days.length}
          option={{
            tooltip: {},
            grid: { containLabel: true, left: 8, right: 8, bottom: 8 },
            xAxis: { type: 'category', data: days.map((r) => r.group) },
            yAxis: { type: 'value', minInterval: 1 },
            series: [{ type: 'line', name: t('report.breaches'), data: days.map((r) => r.breaches), itemStyle: { color: '#cf1322' } }],
          }}
        />
      </figure>
    </div>
  );
}
