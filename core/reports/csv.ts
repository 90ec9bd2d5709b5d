/**
 * The SLA report as CSV (`Accept: text/csv`): one header line, one line per group, RFC 4180
 * quoting. With Chinese labels the header is in Chinese and a step group also gets its Chinese
 * name, for the supervisors who open it in Excel (the HTTP layer adds the UTF-8 BOM Excel needs).
 * A cell that starts with = + - @ tab or CR is prefixed with ' so that a spreadsheet shows it as
 * text instead of running it (OWASP, "CSV Injection").
 */
import { UNASSIGNED } from '../chat/conversation.ts';
import type { ChatGroupBy, ChatReportItem } from '../chat/report.ts';
import { stepLabel } from '../lifecycles/step-labels.ts';
import { CATEGORY_LABELS, type ComplaintCategory } from '../complaints/kinds.ts';
import type { SlaReport } from './sla-report.ts';

// `completed` came later: last, so a sheet reading columns by position keeps working.
const COLUMNS = ['count', 'onTime', 'onTimePct', 'p50Minutes', 'p90Minutes', 'p50OnDutyMinutes', 'p90OnDutyMinutes', 'breaches', 'openBreaches', 'open', 'completed'] as const;

/** Column labels in Chinese (figures and groups alike); a column without one keeps its id. */
const ZH: Readonly<Record<string, string>> = {
  step: '步骤',
  role: '岗位',
  assignee: '处理人',
  day: '日期',
  category: '投诉类别',
  stepName: '步骤名称',
  count: '考核数(完成+未完成已超时)',
  completed: '完成数',
  onTime: '按时完成数',
  onTimePct: '按时率(%)',
  p50Minutes: '用时中位数(分钟)',
  p90Minutes: '用时90分位(分钟)',
  p50OnDutyMinutes: '在岗用时中位数(分钟)',
  p90OnDutyMinutes: '在岗用时90分位(分钟)',
  breaches: '超时数',
  openBreaches: '未完成已超时数',
  open: '未完成未到期数',
  // The chat report's (GET /reports/chat); seconds are on-duty seconds (service-standards.md §10).
  agent: '客服',
  hour: '时段',
  conversations: '会话数',
  customerMessages: '顾客消息数',
  greetingWithinPct: '问候及时率(%)',
  replyWithinPct: '回复及时率(%)',
  firstReplyP50Seconds: '首次回复中位数(秒)',
  firstReplyP90Seconds: '首次回复90分位(秒)',
  replyP50Seconds: '回复中位数(秒)',
  replyP90Seconds: '回复90分位(秒)',
  longestWaitSeconds: '最长等待(秒)',
};

export type CsvLabels = 'en' | 'zh';

export function slaReportCsv(report: SlaReport, labels: CsvLabels = 'en'): string {
  const named = labels === 'zh' && report.groupBy === 'step';
  const lines = [headerOf([report.groupBy, ...(named ? ['stepName'] : []), ...COLUMNS], labels)];
  for (const row of report.rows) lines.push([quote(groupName(row.group, labels)), ...(named ? [quote(stepLabel(row.group).zh)] : []), ...COLUMNS.map((c) => cell(row[c]))].join(','));
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

/** The chat report (`GET /reports/chat`, `Accept: text/csv`): the group column, then the figures; with Chinese labels, a Chinese header. */
export function chatReportCsv(items: readonly ChatReportItem[], groupBy: ChatGroupBy, labels: CsvLabels = 'en'): string {
  const lines = [headerOf([groupBy, ...CHAT_COLUMNS], labels)];
  for (const item of items) lines.push([quote(groupName(item.key, labels)), ...CHAT_COLUMNS.map((c) => cell(item[c]))].join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** Work nobody answered yet is `unassigned` in the API; a Chinese sheet says 未分配. */
function groupName(key: string, labels: CsvLabels): string {
  if (labels !== 'zh') return key;
  if (key === UNASSIGNED) return '未分配';
  return Object.hasOwn(CATEGORY_LABELS, key) ? CATEGORY_LABELS[key as ComplaintCategory].zh : key;
}

function headerOf(columns: readonly string[], labels: CsvLabels): string {
  return columns.map((c) => (labels === 'zh' ? (ZH[c] ?? c) : c)).join(',');
}

export function cell(value: number | null): string {
  return value === null ? '' : String(value);
}

export function quote(text: string): string {
  const inert = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(inert) ? `"${inert.replace(/"/g, '""')}"` : inert;
}
