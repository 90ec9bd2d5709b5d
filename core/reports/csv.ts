/** The SLA report as CSV (`Accept: text/csv`): one header line, one line per group, RFC 4180 quoting. */
import type { ChatGroupBy, ChatReportItem } from '../chat/report.ts';
import type { SlaReport } from './sla-report.ts';

const COLUMNS = ['count', 'onTime', 'onTimePct', 'p50Minutes', 'p90Minutes', 'breaches'] as const;

export function slaReportCsv(report: SlaReport): string {
  const lines = [[report.groupBy, ...COLUMNS].join(',')];
  for (const row of report.rows) lines.push([quote(row.group), ...COLUMNS.map((c) => cell(row[c]))].join(','));
  return `${lines.join('\r\n')}\r\n`;
}

const CHAT_COLUMNS = [
  'conversations',
  'customerMessages',
  'greetingWithinPct',
  'replyWithinPct',
  'firstReplyP50Seconds',
  'firstReplyP90Seconds',
  'replyP50Seconds',
  'replyP90Seconds',
  'longestWaitSeconds',
  'breaches',
] as const;

/** The chat report (`GET /reports/chat`, `Accept: text/csv`): the group column, then the figures. */
export function chatReportCsv(items: readonly ChatReportItem[], groupBy: ChatGroupBy): string {
  const lines = [[groupBy, ...CHAT_COLUMNS].join(',')];
  for (const item of items) lines.push([quote(item.key), ...CHAT_COLUMNS.map((c) => cell(item[c]))].join(','));
  return `${lines.join('\r\n')}\r\n`;
}

function cell(value: number | null): string {
  return value === null ? '' : String(value);
}

function quote(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
