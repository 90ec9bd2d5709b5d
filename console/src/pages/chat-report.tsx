/**
 * The chat report (`GET /reports/chat`, supervisor; service-standards.md §10): for a date range
 * (the API's default, the last 7 days of the policy's zone, until one is picked) each agent's
 * greeting and reply figures, a lazily loaded heat map of breaches per hour of the day, the same
 * hours as a table, and the API's CSV. Seconds are on-duty seconds, as the API counts them.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Spin, Table, Typography } from 'antd';
import { lazy, Suspense, useMemo, useState, type HTMLAttributes } from 'react';
import { ApiError } from '../api/client.ts';
import { downloadCsv } from '../api/download.ts';
import { useChatReport } from '../api/queries.ts';
import type { ChatReport } from '../api/types.ts';
import { ReportRange } from '../components/report-range.tsx';
import { MarketplaceRates } from '../components/marketplace-rates.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { agentText, breachGrid, breachHours, hourText, pctText, secondsText } from '../reports/chat-figures.ts';

const ChatHeatmap = lazy(() => import('../components/chat-heatmap.tsx'));

type Item = ChatReport['items'][number];

export default function ChatReportPage() {
  const { t, lang } = useI18n();
  const [range, setRange] = useState<[string, string]>();
  const byAgent = useChatReport(range?.[0], range?.[1], 'agent');
  const from = range?.[0] ?? byAgent.data?.from;
  const to = range?.[1] ?? byAgent.data?.to;
  // The hours wait for the range the API chose, so both reads cover the same days.
  const byHour = useChatReport(from, to, 'hour', from !== undefined && to !== undefined);
  const grid = useMemo(() => (byHour.data ? breachGrid(byHour.data.items, byHour.data.from, byHour.data.to) : undefined), [byHour.data]);
  const hours = useMemo(() => breachHours(byHour.data?.items ?? []), [byHour.data]);
  const [downloadError, setDownloadError] = useState<Error>();

  const download = async (): Promise<void> => {
    setDownloadError(undefined);
    try {
      const params = new URLSearchParams({ groupBy: 'agent', ...(from ? { from } : {}), ...(to ? { to } : {}), ...(lang === 'zh' ? { labels: 'zh' } : {}) });
      await downloadCsv(`/reports/chat?${params.toString()}`, `chat-${from}-${to}-agent.csv`);
    } catch (e) {
      setDownloadError(e instanceof Error ? e : new Error(String(e)));
    }
  };
  const error = byAgent.error ?? byHour.error ?? downloadError;
  const seconds = (value: number | null): string => secondsText(value, lang);

  return (
    <section aria-labelledby="chat-report-title">
      <Typography.Title level={3} id="chat-report-title">
        {t('chat.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('chat.intro')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <ReportRange from={from} to={to} onChange={setRange} />
        <Button icon={<DownloadOutlined aria-hidden />} onClick={() => void download()}>
          {t('report.csv')}
        </Button>
      </Space>
      {error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={error instanceof ApiError && error.status === 403 ? t('error.forbidden', { message: error.message }) : t('error.generic', { message: error.message })}
          style={{ marginBottom: 16 }}
        />
      )}
      <Card style={{ marginBottom: 16 }}>
        <Table<Item>
          size="small"
          loading={byAgent.isLoading}
          pagination={false}
          rowKey="key"
          // A refused read has no rows, but that says nothing about the conversations.
          locale={{ emptyText: byAgent.error ? '—' : t('chat.empty') }}
          dataSource={byAgent.data?.items ?? []}
          onRow={(r) => ({ 'data-agent': r.key }) as HTMLAttributes<HTMLElement>}
          columns={[
            { title: t('chat.agent'), key: 'agent', render: (_, r) => agentText(r.key, lang) },
            { title: t('chat.conversations'), dataIndex: 'conversations' },
            { title: t('chat.customerMessages'), dataIndex: 'customerMessages' },
            { title: t('chat.greetingWithin'), key: 'greeting', render: (_, r) => pctText(r.greetingWithinPct) },
            { title: t('chat.replyWithin'), key: 'reply', render: (_, r) => pctText(r.replyWithinPct) },
            { title: t('chat.breaches'), dataIndex: 'breaches' },
            { title: t('chat.firstReply'), key: 'firstReply', render: (_, r) => `${seconds(r.firstReplyP50Seconds)} / ${seconds(r.firstReplyP90Seconds)}` },
            { title: t('chat.longestWait'), key: 'longestWait', render: (_, r) => seconds(r.longestWaitSeconds) },
          ]}
        />
      </Card>
      <MarketplaceRates rows={byAgent.data?.marketplaces ?? []} loading={byAgent.isLoading} />
      <Card title={t('chat.heatmap')}>
        {grid && (
          <Suspense fallback={<Spin />}>
            <ChatHeatmap grid={grid} />
          </Suspense>
        )}
        <Table<{ key: string; breaches: number }>
          size="small"
          style={{ marginTop: 16 }}
          loading={byHour.isLoading}
          pagination={false}
          rowKey="key"
          title={() => t('chat.breachHours')}
          locale={{ emptyText: (byHour.error ?? byAgent.error) ? '—' : t('chat.noBreaches') }}
          dataSource={hours}
          onRow={(r) => ({ 'data-hour': r.key }) as HTMLAttributes<HTMLElement>}
          columns={[
            { title: t('chat.hour'), key: 'hour', render: (_, r) => hourText(r.key, lang) },
            { title: t('chat.breaches'), dataIndex: 'breaches' },
          ]}
        />
      </Card>
    </section>
  );
}
