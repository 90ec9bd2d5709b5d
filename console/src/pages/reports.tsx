/**
 * The SLA report (`GET /reports/sla`, supervisor): a date range (the API's default, the last 7
 * days, until one is picked), grouped by step, role, assignee or day; a table, lazy-loaded charts
 * and a CSV download (UTF-8 with BOM, Chinese column labels when the console is in Chinese).
 */
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Select, Space, Spin, Table, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { downloadCsv } from '../api/download.ts';
import { useSlaReport } from '../api/queries.ts';
import type { SlaReport } from '../api/types.ts';
import { ReportRange } from '../components/report-range.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { FIELD_LABELS, labelOf, ROLE_LABELS, stepName } from '../i18n/labels.ts';
import type { MessageKey } from '../i18n/messages.ts';

const ReportCharts = lazy(() => import('../components/report-charts.tsx'));
const GROUPS = ['step', 'role', 'assignee', 'day', 'category'] as const;

export default function ReportsPage() {
  const { t, lang } = useI18n();
  const [range, setRange] = useState<[string, string]>();
  const [groupBy, setGroupBy] = useState<(typeof GROUPS)[number]>('step');
  const report = useSlaReport(range?.[0], range?.[1], groupBy);
  const from = range?.[0] ?? report.data?.from;
  const to = range?.[1] ?? report.data?.to;
  const bySteps = useSlaReport(from, to, 'step');
  const byDays = useSlaReport(from, to, 'day');
  const [downloadError, setDownloadError] = useState<string>();

  const groupName = (group: string): string =>
    groupBy === 'step' ? `${stepName(group, lang)} ${group}` : groupBy === 'role' ? labelOf(ROLE_LABELS, group, lang) : groupBy === 'category' ? labelOf(FIELD_LABELS, group, lang) : group;
  const download = async (): Promise<void> => {
    setDownloadError(undefined);
    try {
      const params = new URLSearchParams({ groupBy, ...(from ? { from } : {}), ...(to ? { to } : {}), ...(lang === 'zh' ? { labels: 'zh' } : {}) });
      await downloadCsv(`/reports/sla?${params.toString()}`, `sla-${from}-${to}-${groupBy}.csv`);
    } catch (e) {
      setDownloadError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <section aria-labelledby="report-title">
      <Typography.Title level={3} id="report-title">
        {t('report.title')}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 16 }}>
        <ReportRange from={from} to={to} onChange={setRange} />
        <label>
          {t('report.groupBy')}{' '}
          <Select aria-label={t('report.groupBy')} value={groupBy} onChange={setGroupBy} style={{ width: 140 }} options={GROUPS.map((g) => ({ value: g, label: t(`groupBy.${g}` as MessageKey) }))} />
        </label>
        <Button icon={<DownloadOutlined aria-hidden />} onClick={() => void download()}>
          {t('report.csv')}
        </Button>
      </Space>
      {(report.error || downloadError) && <Alert type="error" showIcon role="alert" title={t('error.generic', { message: report.error?.message ?? downloadError ?? '' })} style={{ marginBottom: 16 }} />}
      <Card style={{ marginBottom: 16 }}>
        <Table<SlaReport['rows'][number]>
          size="small"
          loading={report.isLoading}
          pagination={false}
          rowKey="group"
          dataSource={report.data?.rows ?? []}
          columns={[
            { title: t(`groupBy.${groupBy}` as MessageKey), key: 'group', render: (_, r) => groupName(r.group) },
            { title: t('report.judged'), dataIndex: 'count' },
            { title: t('report.completed'), dataIndex: 'completed' },
            { title: t('report.onTime'), dataIndex: 'onTime' },
            { title: t('report.onTimePct'), key: 'pct', render: (_, r) => (r.onTimePct === null ? '—' : `${r.onTimePct}%`) },
            { title: t('report.p50'), key: 'p50', render: (_, r) => r.p50Minutes ?? '—' },
            { title: t('report.p90'), key: 'p90', render: (_, r) => r.p90Minutes ?? '—' },
            { title: t('report.breaches'), dataIndex: 'breaches' },
            { title: t('report.openBreaches'), dataIndex: 'openBreaches' },
          ]}
          summary={() =>
            report.data ? (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>{t('report.total')}</Table.Summary.Cell>
                <Table.Summary.Cell index={1}>{report.data.total.count}</Table.Summary.Cell>
                <Table.Summary.Cell index={2}>{report.data.total.completed}</Table.Summary.Cell>
                <Table.Summary.Cell index={3}>{report.data.total.onTime}</Table.Summary.Cell>
                <Table.Summary.Cell index={4}>{report.data.total.onTimePct === null ? '—' : `${report.data.total.onTimePct}%`}</Table.Summary.Cell>
                <Table.Summary.Cell index={5}>{report.data.total.p50Minutes ?? '—'}</Table.Summary.Cell>
                <Table.Summary.Cell index={6}>{report.data.total.p90Minutes ?? '—'}</Table.Summary.Cell>
                <Table.Summary.Cell index={7}>{report.data.total.breaches}</Table.Summary.Cell>
                <Table.Summary.Cell index={8}>{report.data.total.openBreaches}</Table.Summary.Cell>
              </Table.Summary.Row>
            ) : null
          }
        />
      </Card>
      <Card>
        <Suspense fallback={<Spin />}>
          <ReportCharts bySteps={bySteps.data} byDays={byDays.data} />
        </Suspense>
      </Card>
    </section>
  );
}
