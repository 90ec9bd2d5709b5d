/**
 * The demo's SLA compliance report: the platform's own `GET /reports/sla` by step and by role,
 * the exceptions the bus carried (breaches, missed pickups, overdue refunds), and what the day
 * cost in AWS terms. Printed as a table; written as JSON, CSV and an SVG chart.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChatReportItem } from '../../core/chat/report.ts';
import type { ReportRow, SlaReport } from '../../core/reports/sla-report.ts';
import type { ChatTally } from './chat.ts';
import { onTimeChartSvg } from './chart.ts';
import type { CostLine } from './cost.ts';

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
    /** SlaBreached events posted to the group robot (ALARM_WEBHOOK_URL). */
    alarmsPosted: number;
    missedPickups: number;
    refundsOverdue: number;
  };
  cases: { opened: Record<string, number>; closed: Record<string, number>; stillOpen: number };
  /** The pre-sale chat of the day (service-standards.md §10): what was sent, `GET /reports/chat` per agent, breach events. */
  chat: ChatTally & { byAgent: ChatReportItem[]; greetingBreaches: number; replyBreaches: number };
  webhooks: { sent: Record<string, number>; refused: Record<string, number> };
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
  /** Requests of the simulated store and staff that failed unexpectedly (should be none). */
  failures: string[];
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
  const bars = report.byStep.rows.filter((r) => r.onTimePct !== null).map((r) => ({ label: r.group, onTimePct: r.onTimePct!, count: r.count, breaches: r.breaches }));
  const write = (path: string, text: string): void => {
    writeFileSync(`${path}.tmp`, text);
    renameSync(`${path}.tmp`, path);
  };
  write(files.json, `${JSON.stringify(report, null, 2)}\n`);
  write(files.csvByStep, csv.byStep);
  write(files.csvByRole, csv.byRole);
  write(files.chart, onTimeChartSvg(`On time per step · ${report.run.orders} orders · store day ${report.run.storeDay}`, bars));
  return files;
}

/** The report as the terminal shows it. */
export function reportText(report: DemoReport): string {
  const { run, exceptions, usage, costPer1000Orders } = report;
  const out: string[] = [];
  out.push(`SLA compliance · ${run.orders} orders on ${run.storeDay} · steps closed ${run.from} to ${run.to} · seed ${run.seed}`);
  out.push('', table('step', report.byStep), '', table('role', report.byRole), '');
  out.push(chatTable(report.chat), '');
  out.push(`Exceptions      ${exceptions.slaBreaches} SLA breaches (${exceptions.alarmsPosted} posted to the group robot), ${exceptions.slaWarnings} warnings, ${exceptions.missedPickups} missed pickups, ${exceptions.refundsOverdue} refunds overdue`);
  out.push(`Cases           opened ${formatCounts(report.cases.opened)}; closed ${formatCounts(report.cases.closed)}; ${report.cases.stillOpen} still open`);
  out.push(`Webhooks        ${formatCounts(report.webhooks.sent)}${Object.keys(report.webhooks.refused).length ? `; refused ${formatCounts(report.webhooks.refused)}` : ''}`);
  out.push(`AWS usage       ${usage.stateTransitions} state transitions in ${usage.executions} executions, ${sum(Object.values(usage.lambda).map((l) => l.invocations))} Lambda invocations, ${usage.dynamoDb.writeUnits} DynamoDB write units, ${usage.events} events, ${usage.httpApiRequests} HTTP API requests, ${usage.schedulerInvocations.timers} timer and ${usage.schedulerInvocations.recurring} recurring schedule fires`);
  out.push(`Cost            ≈ $${costPer1000Orders.totalUsd.toFixed(3)} per 1,000 orders at list prices (${costPer1000Orders.lines.map((l) => `${l.item} $${l.usd.toFixed(3)}`).join(', ')})`);
  out.push(`Simulated       ${run.simulatedDays} days in ${run.realSeconds.toFixed(0)} s${report.failures.length ? ` · ${report.failures.length} unexpected failures (see the JSON)` : ''}`);
  return out.join('\n');
}

function table(groupBy: string, report: SlaReport): string {
  const header = [groupBy, 'count', 'on time', 'p50 min', 'p90 min', 'breaches'];
  const cells = (label: string, r: Omit<ReportRow, 'group'>): string[] => [label, String(r.count), r.onTimePct === null ? '–' : `${r.onTimePct.toFixed(1)}%`, fmt(r.p50Minutes), fmt(r.p90Minutes), String(r.breaches)];
  const rows = [header, ...report.rows.map((r) => cells(r.group, r)), cells('all', report.total)];
  const widths = header.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r, n) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ') + (n === 0 ? `\n${widths.map((w) => '─'.repeat(w)).join('  ')}` : '')).join('\n');
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
