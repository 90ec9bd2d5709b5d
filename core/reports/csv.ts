/**
 * The SLA report as CSV (`Accept: text/csv`): a UTF-8 BOM (so Excel reads Chinese right), one
 * header line, one line per group, RFC 4180 quoting; a cell that starts with = + - @ tab or CR is
 * prefixed with ' so that a spreadsheet shows it as text instead of running it (OWASP, "CSV Injection").
 */
import type { SlaReport } from './sla-report.ts';

const COLUMNS = ['count', 'onTime', 'onTimePct', 'p50Minutes', 'p90Minutes', 'breaches'] as const;

export function slaReportCsv(report: SlaReport): string {
  const lines = [[report.groupBy, ...COLUMNS].join(',')];
  for (const row of report.rows) lines.push([quote(row.group), ...COLUMNS.map((c) => cell(row[c]))].join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function cell(value: number | null): string {
  return value === null ? '' : String(value);
}

function quote(text: string): string {
  const inert = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(inert) ? `"${inert.replace(/"/g, '""')}"` : inert;
}
