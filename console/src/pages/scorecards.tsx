/**
 * Scorecards (考核, `GET /reports/people`; issue 23, docs/people.md): per person and month or week,
 * the figures and the score, each row opening to the score's components (figure, target, weight,
 * points earned) so a person sees why. Staff see their own card, a supervisor everyone's; a CSV
 * download (UTF-8 with BOM, Chinese labels when the console is in Chinese).
 */
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { downloadCsv } from '../api/download.ts';
import { peopleParams, usePeopleReport, type PeopleReport, type ScorecardRow } from '../api/people.ts';
import { currentSession } from '../auth/session.ts';
import { ReportRange } from '../components/report-range.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { componentWord, peopleWord } from '../i18n/people-words.ts';

const dash = (value: number | null, suffix = ''): string => (value === null ? '—' : `${value}${suffix}`);

export default function ScorecardsPage() {
  const { t, lang } = useI18n();
  const own = !(currentSession()?.roles.includes('supervisor') ?? false);
  const [range, setRange] = useState<[string, string]>();
  const [groupBy, setGroupBy] = useState<PeopleReport['groupBy']>('month');
  const report = usePeopleReport(range?.[0], range?.[1], groupBy, own);
  const from = range?.[0] ?? report.data?.from;
  const to = range?.[1] ?? report.data?.to;
  const [downloadError, setDownloadError] = useState<string>();

  const download = async (): Promise<void> => {
    setDownloadError(undefined);
    try {
      const params = peopleParams(from, to, groupBy, own);
      params.set('format', 'csv');
      if (lang === 'zh') params.set('labels', 'zh');
      await downloadCsv(`/reports/people?${params.toString()}`, `people-${from}-${to}-${groupBy}.csv`);
    } catch (e) {
      setDownloadError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <section aria-labelledby="scorecards-title">
      <Typography.Title level={3} id="scorecards-title">
        {peopleWord(own ? 'scorecard.own' : 'scorecard.title', lang)}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 16 }}>
        <ReportRange from={from} to={to} onChange={setRange} />
        <label>
          {peopleWord('scorecard.groupBy', lang)}{' '}
          <Select
            aria-label={peopleWord('scorecard.groupBy', lang)}
            value={groupBy}
            onChange={setGroupBy}
            style={{ width: 120 }}
            options={(['month', 'week'] as const).map((g) => ({ value: g, label: peopleWord(`scorecard.${g}`, lang) }))}
          />
        </label>
        <Button icon={<DownloadOutlined aria-hidden />} onClick={() => void download()}>
          {t('report.csv')}
        </Button>
      </Space>
      {(report.error || downloadError) && <Alert type="error" showIcon role="alert" title={t('error.generic', { message: report.error?.message ?? downloadError ?? '' })} style={{ marginBottom: 16 }} />}
      <Card>
        <Table<ScorecardRow>
          size="small"
          loading={report.isLoading}
          pagination={false}
          scroll={{ x: true }}
          rowKey={(r) => `${r.person}|${r.period}`}
          locale={{ emptyText: peopleWord('scorecard.empty', lang) }}
          dataSource={report.data?.rows ?? []}
          expandable={{ expandedRowRender: (r) => <Components row={r} />, expandRowByClick: true }}
          columns={[
            { title: peopleWord('scorecard.person', lang), dataIndex: 'person' },
            { title: peopleWord('scorecard.period', lang), dataIndex: 'period' },
            { title: peopleWord('scorecard.score', lang), key: 'score', render: (_, r) => <strong>{dash(r.score)}</strong> },
            { title: peopleWord('scorecard.steps', lang), dataIndex: 'stepsCompleted' },
            { title: peopleWord('scorecard.onTime', lang), key: 'onTime', render: (_, r) => dash(r.onTimePct, '%') },
            { title: peopleWord('scorecard.minutes', lang), key: 'minutes', render: (_, r) => `${dash(r.p50OnDutyMinutes)} / ${dash(r.p90OnDutyMinutes)}` },
            { title: peopleWord('scorecard.breaches', lang), key: 'breaches', render: (_, r) => `${r.breaches} (${r.breachesOpen})` },
            { title: peopleWord('scorecard.escalations', lang), dataIndex: 'escalations' },
            { title: peopleWord('scorecard.chat', lang), key: 'chat', render: (_, r) => `${dash(r.greetingWithinPct, '%')} / ${dash(r.replyWithinPct, '%')}` },
            { title: peopleWord('scorecard.satisfaction', lang), key: 'satisfaction', render: (_, r) => `${dash(r.satisfactionMean)} (${r.callbacks})` },
            { title: peopleWord('scorecard.qa', lang), key: 'qa', render: (_, r) => `${dash(r.qaMean)} (${r.qaChecked})` },
          ]}
        />
      </Card>
    </section>
  );
}

/** The score's components: why the score is what it is. */
function Components({ row }: { row: ScorecardRow }) {
  const { lang } = useI18n();
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="component"
      aria-label={peopleWord('scorecard.components', lang)}
      title={() => peopleWord('scorecard.components', lang)}
      dataSource={row.components}
      columns={[
        { title: peopleWord('scorecard.component', lang), key: 'component', render: (_, c) => componentWord(c.component, lang) },
        { title: peopleWord('scorecard.actual', lang), key: 'actual', render: (_, c) => (c.actual === null ? peopleWord('scorecard.noData', lang) : c.actual) },
        { title: peopleWord('scorecard.target', lang), dataIndex: 'target' },
        { title: peopleWord('scorecard.weight', lang), dataIndex: 'weight' },
        { title: peopleWord('scorecard.earned', lang), key: 'earned', render: (_, c) => (c.earned === null ? '—' : `${c.earned} / ${c.weight}`) },
      ]}
    />
  );
}
