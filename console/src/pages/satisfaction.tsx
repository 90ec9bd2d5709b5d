/**
 * The satisfaction report (`GET /reports/satisfaction`, supervisor; service-standards.md §7, §12):
 * complaint callback (回访) scores by handler, category or month — count, mean, scores 1–5, the
 * share scored ≤ 2 with links to those cases — a lazily loaded chart, and a CSV download (UTF-8
 * with BOM, Chinese labels when the console is in Chinese).
 */
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Select, Space, Spin, Table, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { Link } from 'react-router';
import { CATEGORY_LABELS } from '../../../core/reports/satisfaction.ts';
import { downloadCsv } from '../api/download.ts';
import { useSatisfactionReport, type SatisfactionGroupBy, type SatisfactionReport } from '../api/satisfaction.ts';
import { ReportRange } from '../components/report-range.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { word } from '../i18n/standard-words.ts';

const SatisfactionChart = lazy(() => import('../components/satisfaction-chart.tsx'));
const GROUPS = ['handler', 'category', 'month'] as const satisfies readonly SatisfactionGroupBy[];
type Figures = SatisfactionReport['total'];

export default function SatisfactionPage() {
  const { t, lang } = useI18n();
  const [range, setRange] = useState<[string, string]>();
  const [groupBy, setGroupBy] = useState<SatisfactionGroupBy>('handler');
  const report = useSatisfactionReport(range?.[0], range?.[1], groupBy);
  const from = range?.[0] ?? report.data?.from;
  const to = range?.[1] ?? report.data?.to;
  const [downloadError, setDownloadError] = useState<string>();

  const groupName = (group: string): string => (groupBy === 'category' ? `${CATEGORY_LABELS[group]?.[lang] ?? group}` : group);
  const download = async (): Promise<void> => {
    setDownloadError(undefined);
    try {
      const params = new URLSearchParams({ groupBy, ...(from ? { from } : {}), ...(to ? { to } : {}), ...(lang === 'zh' ? { labels: 'zh' } : {}) });
      await downloadCsv(`/reports/satisfaction?${params.toString()}`, `satisfaction-${from}-${to}-${groupBy}.csv`);
    } catch (e) {
      setDownloadError(e instanceof Error ? e.message : String(e));
    }
  };
  const figures = (f: Figures) => [
    f.count,
    f.meanScore ?? '—',
    (['1', '2', '3', '4', '5'] as const).map((s) => `${s}:${f.distribution[s]}`).join(' '),
    f.lowSharePct === null ? '—' : `${f.lowSharePct}%`,
  ];

  return (
    <section aria-labelledby="satisfaction-title">
      <Typography.Title level={3} id="satisfaction-title">
        {word('satisfaction.title', lang)}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 16 }}>
        <ReportRange from={from} to={to} onChange={setRange} />
        <label>
          {t('report.groupBy')}{' '}
          <Select aria-label={t('report.groupBy')} value={groupBy} onChange={setGroupBy} style={{ width: 140 }} options={GROUPS.map((g) => ({ value: g, label: word(`satisfaction.groupBy.${g}`, lang) }))} />
        </label>
        <Button icon={<DownloadOutlined aria-hidden />} onClick={() => void download()}>
          {t('report.csv')}
        </Button>
      </Space>
      {(report.error || downloadError) && <Alert type="error" showIcon role="alert" title={t('error.generic', { message: report.error?.message ?? downloadError ?? '' })} style={{ marginBottom: 16 }} />}
      <Card style={{ marginBottom: 16 }}>
        <Table<SatisfactionReport['rows'][number]>
          size="small"
          loading={report.isLoading}
          pagination={false}
          rowKey="group"
          dataSource={report.data?.rows ?? []}
          columns={[
            { title: word(`satisfaction.groupBy.${groupBy}`, lang), key: 'group', render: (_, r) => groupName(r.group) },
            { title: word('satisfaction.count', lang), dataIndex: 'count' },
            { title: word('satisfaction.mean', lang), key: 'mean', render: (_, r) => r.meanScore ?? '—' },
            { title: word('satisfaction.distribution', lang), key: 'distribution', render: (_, r) => figures(r)[2] },
            { title: word('satisfaction.lowShare', lang), key: 'low', render: (_, r) => figures(r)[3] },
            { title: word('satisfaction.lowCases', lang), key: 'cases', render: (_, r) => <CaseLinks ids={r.lowCases} /> },
          ]}
          summary={() =>
            report.data ? (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>{t('report.total')}</Table.Summary.Cell>
                {figures(report.data.total).map((value, i) => (
                  <Table.Summary.Cell key={i} index={i + 1}>
                    {value}
                  </Table.Summary.Cell>
                ))}
                <Table.Summary.Cell index={5}>
                  <CaseLinks ids={report.data.total.lowCases} />
                </Table.Summary.Cell>
              </Table.Summary.Row>
            ) : null
          }
        />
      </Card>
      <Card>
        <Suspense fallback={<Spin />}>
          <SatisfactionChart report={report.data} groupName={groupName} />
        </Suspense>
      </Card>
    </section>
  );
}

function CaseLinks({ ids }: { ids: readonly string[] }) {
  if (ids.length === 0) return <>—</>;
  return (
    <Space size={4} wrap>
      {ids.map((id) => (
        <Link key={id} to={`/cases/${encodeURIComponent(id)}`}>
          {id}
        </Link>
      ))}
    </Space>
  );
}
