/**
 * The demo's SLA compliance report: the platform's own `GET /reports/sla` by step and by role,
 * the exceptions the bus carried (breaches, missed pickups, overdue refunds), and what the day
 * cost in AWS terms. Printed as a table; written as JSON, CSV and an SVG chart.
 */
import type { ComplaintKindsSummary } from './complaint-kinds.ts';
import { holdPriorityText, type HoldPriorityTally } from './holds-priority.ts';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChatReportItem } from '../../core/chat/report.ts';
import { lifecycleIndex, stepTitle } from '../../core/lifecycles/step-labels.ts';
import { AUTOMATIC } from '../../core/cases/step.ts';
import type { ReportFigures, ReportRow, SlaReport } from '../../core/reports/sla-report.ts';
import type { ChatTally } from './chat.ts';
import { shipWaitsText, type ShipWaitsReport } from './ship-waits.ts';
import { onTimeChartSvg } from './chart.ts';
import type { CostLine } from './cost.ts';
import { columns, pad } from './text-width.ts';

export interface DemoReport {
  run: {
    seed: number;
    orders: number;
    storeDay: string;
    from: string;
    to: string;
    simulatedDays: number;
    realSeconds: number;
  };
  byStep: SlaReport;
  byRole: SlaReport;
  exceptions: {
    slaWarnings: number;
    slaBreaches: number;
    /** SlaBreached events posted to the group robot (`--robot <url>`); null when no robot was configured. */
    alarmsPosted: number | null;
    missedPickups: number;
    /**
     * Of those, parcels whose every order step was completed by its batch target (service-standards.md
     * §2 "Batch targets"): a miss the team could not have prevented, which issue 20 says must not happen.
     */
    missedPickupsOnTime: number;
    refundsOverdue: number;
  };
  cases: { opened: Record<string, number>; closed: Record<string, number>; stillOpen: number };
  /** The pre-sale chat of the day (service-standards.md §10): what was sent, `GET /reports/chat` per agent, breach events. */
  chat: ChatTally & { byAgent: ChatReportItem[]; greetingBreaches: number; replyBreaches: number };
  webhooks: { sent: Record<string, number>; refused: Record<string, number> };
  /** The pre-sale order, the backorder and the stock-outs (service-standards.md §12; local/demo/ship-waits.ts). */
  shipWaits?: ShipWaitsReport;
  staff: Record<string, { completed: number; overtaken: number }>;
  usage: {
    stateTransitions: number;
    executions: number;
    lambda: Record<string, { invocations: number; errors: number; gbSeconds: number }>;
    dynamoDb: { writeUnits: number; writeRequests: number; readRequests: number };
    events: number;
    httpApiRequests: number;
    /** Scheduler fires of SLA timers (per-order work) and of the recurring sweep and pickup batches (per-day work). */
    schedulerInvocations: { timers: number; recurring: number };
  };
  costPer1000Orders: { lines: CostLine[]; totalUsd: number };
  /** The urgent complaint and the SLA report by complaint category (local/demo/complaint-kinds.ts). */
  complaints?: ComplaintKindsSummary;
  /** Requests of the simulated store and staff that failed unexpectedly (should be none). */
  failures: string[];
  /** The day's hold and priority order (service-standards.md §12, local/demo/holds-priority.ts). */
  holdAndPriority?: HoldPriorityTally;
}

export interface WrittenFiles {
  json: string;
  csvByStep: string;
  csvByRole: string;
  chart: string;
}

/** Writes the report's files into `dir` (each through a temporary file, so none is ever half-written). */
export function writeReportFiles(dir: string, report: DemoReport, csv: { byStep: string; byRole: string }): WrittenFiles {
  mkdirSync(dir, { recursive: true });
  const files: WrittenFiles = {
    json: join(dir, 'sla-report.json'),
    csvByStep: join(dir, 'sla-by-step.csv'),
    csvByRole: join(dir, 'sla-by-role.csv'),
    chart: join(dir, 'on-time-by-step.svg'),
  };
  const bars = inLifecycleOrder(report.byStep.rows)
    .filter((r) => r.onTimePct !== null)
    .map((r) => ({ label: stepTitle(r.group), onTimePct: r.onTimePct!, count: r.count, breaches: r.breaches }));
  const write = (path: string, text: string): void => {
    writeFileSync(`${path}.tmp`, text);
    renameSync(`${path}.tmp`, path);
  };
  write(files.json, `${JSON.stringify(report, null, 2)}\n`);
  write(files.csvByStep, csv.byStep);
  write(files.csvByRole, csv.byRole);
  write(files.chart, onTimeChartSvg(`各环节按时率 On time per step · ${report.run.orders} orders · store day ${report.run.storeDay}`, bars));
  return files;
}

/** A role's name for people: `运营客服 ops-cs`; the platform's own steps as `自动 automatic*` (explained below the table). */
export type RoleLabel = (role: string) => string;

/** The report as the terminal shows it; `roleLabel` names roles (the policy's labels). */
export function reportText(report: DemoReport, roleLabel: RoleLabel = (role) => role): string {
  const { run, exceptions, usage, costPer1000Orders } = report;
  const out: string[] = [];
  out.push(`SLA compliance 服务时效 · ${run.orders} orders on ${run.storeDay} · steps closed or due ${run.from} to ${run.to} · seed ${run.seed}`);
  out.push('', table('step 环节', inLifecycleOrder(report.byStep.rows), report.byStep.total, stepTitle), '');
  out.push(table('role 岗位', report.byRole.rows, report.byRole.total, (role) => (role === AUTOMATIC ? '自动 automatic*' : roleLabel(role))));
  out.push(
    '',
    'count: steps judged (completed, or still open past due); open: still open, not yet due. p50/p90: minutes to complete on the wall clock',
    "and in the role's on-duty minutes (the SLA's own measure: time off shift does not count).",
  );
  if (report.byRole.rows.some((r) => r.group === AUTOMATIC)) {
    out.push('* automatic 自动: steps the platform completes itself, no staff — courier pickup batches, refund settlement, delivery; their time is the outside world\'s.');
  }
  out.push('', chatTable(report.chat), '');
  if (report.complaints) out.push(complaintsText(report.complaints), '');
  const alarms = exceptions.alarmsPosted === null ? 'not posted: no group robot configured, see --robot' : `${exceptions.alarmsPosted} posted to the group robot`;
  out.push(`Exceptions      ${exceptions.slaBreaches} SLA breaches (${alarms}), ${exceptions.slaWarnings} warnings, ${exceptions.missedPickups} missed pickups (${exceptions.missedPickupsOnTime} of parcels whose every step met its batch target), ${exceptions.refundsOverdue} refunds overdue`);
  if (report.holdAndPriority) out.push(holdPriorityText(report.holdAndPriority));
  out.push(`Cases           opened ${formatCounts(report.cases.opened)}; closed ${formatCounts(report.cases.closed)}; ${report.cases.stillOpen} still open`);
  if (report.shipWaits) out.push(shipWaitsText(report.shipWaits));
  out.push(`Webhooks        ${formatCounts(report.webhooks.sent)}${Object.keys(report.webhooks.refused).length ? `; refused ${formatCounts(report.webhooks.refused)}` : ''}`);
  out.push(`AWS usage       ${usage.stateTransitions} state transitions in ${usage.executions} executions, ${sum(Object.values(usage.lambda).map((l) => l.invocations))} Lambda invocations, ${usage.dynamoDb.writeUnits} DynamoDB write units, ${usage.events} events, ${usage.httpApiRequests} HTTP API requests, ${usage.schedulerInvocations.timers} timer and ${usage.schedulerInvocations.recurring} recurring schedule fires`);
  out.push(`Cost            ≈ $${costPer1000Orders.totalUsd.toFixed(3)} per 1,000 orders at list prices (${costPer1000Orders.lines.map((l) => `${l.item} $${l.usd.toFixed(3)}`).join(', ')})`);
  out.push(`Simulated       ${run.simulatedDays} days in ${run.realSeconds.toFixed(0)} s${report.failures.length ? ` · ${report.failures.length} unexpected failures (see the JSON)` : ''}`);
  return out.join('\n');
}

/** Rows of steps in lifecycle order (order, cancellation, return, exchange, complaint, stock). */
export function inLifecycleOrder(rows: readonly ReportRow[]): ReportRow[] {
  return [...rows].sort((a, b) => lifecycleIndex(a.group) - lifecycleIndex(b.group) || (a.group < b.group ? -1 : 1));
}

function table(groupBy: string, rows: readonly ReportRow[], total: ReportFigures, label: (group: string) => string): string {
  const header = [groupBy, 'count', 'on time', 'breaches', 'open', 'p50 min', 'p90 min', 'p50 on duty', 'p90 on duty'];
  const cells = (name: string, r: ReportFigures): string[] => [
    name,
    String(r.count),
    r.onTimePct === null ? '–' : `${r.onTimePct.toFixed(1)}%`,
    r.openBreaches ? `${r.breaches} (${r.openBreaches} open)` : String(r.breaches),
    String(r.open),
    fmt(r.p50Minutes),
    fmt(r.p90Minutes),
    fmt(r.p50OnDutyMinutes),
    fmt(r.p90OnDutyMinutes),
  ];
  const lines = [header, ...rows.map((r) => cells(label(r.group), r)), cells('all 合计', total)];
  const widths = header.map((_, i) => Math.max(...lines.map((r) => columns(r[i]!))));
  return lines.map((r, n) => r.map((c, i) => pad(c, widths[i]!, i === 0 ? 'end' : 'start')).join('  ') + (n === 0 ? `\n${widths.map((w) => '─'.repeat(w)).join('  ')}` : '')).join('\n');
}

/** The chat report per agent: the figures of a store's agent quality review (质量考核). */
function chatTable(chat: DemoReport['chat']): string {
  const header = ['chat agent', 'conversations', 'greeted ≤30 s', 'answered ≤60 s', 'p50 s', 'p90 s', 'longest s', 'breaches'];
  const pct = (v: number | null): string => (v === null ? '–' : `${v.toFixed(1)}%`);
  const num = (v: number | null): string => (v === null ? '–' : v.toFixed(0));
  const rows = [header, ...chat.byAgent.map((r) => [r.key, String(r.conversations), pct(r.greetingWithinPct), pct(r.replyWithinPct), num(r.replyP50Seconds), num(r.replyP90Seconds), num(r.longestWaitSeconds), String(r.breaches)])];
  const widths = header.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const lines = rows.map((r, n) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ') + (n === 0 ? `\n${widths.map((w) => '─'.repeat(w)).join('  ')}` : ''));
  return `Pre-sale chat   ${chat.conversations} conversations, ${chat.messages} messages; ${chat.greetingBreaches} late greetings and ${chat.replyBreaches} late answers announced\n${lines.join('\n')}`;
}

const fmt = (minutes: number | null): string => (minutes === null ? '–' : minutes.toFixed(1));
const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);
const formatCounts = (counts: Record<string, number>): string =>
  Object.entries(counts)
    .map(([k, v]) => `${v} ${k}`)
    .join(', ') || 'none';

/** "Complaints  urgent CP-URGENT-1 退款纠纷: acknowledge due 10:30, completed 10:21 · by category: …". */
function complaintsText(c: ComplaintKindsSummary): string {
  const u = c.urgent;
  const ack = u?.acknowledge;
  const time = (iso: string | null | undefined): string => (iso ? iso.slice(11, 16) : '–');
  const urgent = u
    ? `urgent ${u.caseId} (${u.category ?? 'uncategorised'}, ${u.level}): acknowledge due ${time(ack?.due)}, ${ack?.completedAt ? `done ${time(ack.completedAt)}` : `still ${ack?.status ?? 'not opened'}`}${ack?.escalatedAtWarning ? ', escalated to the supervisor at its warning' : ''}`
    : 'no urgent complaint was filed';
  const rows = c.byCategory.map((r) => `${r.group} ${r.count} judged, ${r.onTimePct === null ? '–' : `${r.onTimePct.toFixed(1)}%`} on time`).join('; ');
  return `Complaints      ${urgent}\n                by category 投诉类别: ${rows || 'none judged'}`;
}
