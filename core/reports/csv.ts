/** The SLA report as CSV (`Accept: text/csv`): one header line, one line per group, RFC 4180 quoting. */
import type { SlaReport } from './sla-report.ts';

const COLUMNS = ['count', 'onTime', 'onTimePct', 'p50Minutes', 'p90Minutes', 'p50OnDutyMinutes', 'p90OnDutyMinutes', 'breaches', 'openBreaches', 'open'] as const;

export function slaReportCsv(report: SlaReport): string {
  const lines = [[report.groupBy, ...COLUMNS].join(',')];
  for (const row of report.rows) lines.push([quote(row.group), ...COLUMNS.map((c) => cell(row[c]))].join(','));
  return `${lines.join('\r\n')}\r\n`;
}

function cell(value: number | null): string {
  return value === null ? '' : String(value);
}

function quote(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
