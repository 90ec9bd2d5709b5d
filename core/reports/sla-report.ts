/**
 * The SLA report (api.md `GET /reports/sla`): closed steps grouped by step, role, assignee or
 * Asia/Shanghai day, with on-time figures and time-to-complete percentiles. Pure: it takes the
 * steps, the caller reads them from the store.
 */
import { shanghaiDay } from '../cases/report-day.ts';
import { StepStatus, type StepRecord } from '../cases/step.ts';

export const ReportGroupBy = { step: 'step', role: 'role', assignee: 'assignee', day: 'day' } as const;
export type ReportGroupBy = (typeof ReportGroupBy)[keyof typeof ReportGroupBy];

export interface ReportRow {
  /** The group's key: a step id, role id, staff user or `YYYY-MM-DD`. */
  group: string;
  /** Completed steps in the group. */
  count: number;
  /** Of them, completed by their deadline. */
  onTime: number;
  /** `onTime / count` in percent, one decimal; null for an empty group. */
  onTimePct: number | null;
  /** Median minutes from opening to completion, paused time excluded. */
  p50Minutes: number | null;
  p90Minutes: number | null;
  /** Steps that breached their deadline (timer fired, or completed late). */
  breaches: number;
}

export interface SlaReport {
  groupBy: ReportGroupBy;
  rows: ReportRow[];
  total: Omit<ReportRow, 'group'>;
}

type ReportStep = Pick<StepRecord, 'step' | 'role' | 'status' | 'openedAt' | 'completedAt' | 'completedBy' | 'onTime' | 'breachedAt' | 'pauses'>;

/** Completed steps only (a cancelled step's work was never done); rows sorted by group. */
export function slaReport(steps: readonly ReportStep[], groupBy: ReportGroupBy): SlaReport {
  const completed = steps.filter((s) => s.status === StepStatus.completed && s.completedAt !== undefined);
  const groups = new Map<string, ReportStep[]>();
  for (const step of completed) {
    const key = groupKey(step, groupBy);
    groups.set(key, [...(groups.get(key) ?? []), step]);
  }
  const rows = [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([group, members]) => ({ group, ...figures(members) }));
  return { groupBy, rows, total: figures(completed) };
}

function groupKey(step: ReportStep, groupBy: ReportGroupBy): string {
  switch (groupBy) {
    case 'step':
      return step.step;
    case 'role':
      return step.role;
    case 'assignee':
      return step.completedBy ?? 'unknown';
    case 'day':
      return shanghaiDay(step.completedAt ?? step.openedAt);
  }
}

function figures(steps: readonly ReportStep[]): Omit<ReportRow, 'group'> {
  const count = steps.length;
  const onTime = steps.filter((s) => s.onTime !== false && s.breachedAt === undefined).length;
  const minutes = steps.map(minutesToComplete).sort((a, b) => a - b);
  return {
    count,
    onTime,
    onTimePct: count === 0 ? null : round1((onTime / count) * 100),
    p50Minutes: percentile(minutes, 50),
    p90Minutes: percentile(minutes, 90),
    breaches: count - onTime,
  };
}

/** Minutes from opening to completion, minus the paused intervals. */
export function minutesToComplete(step: Pick<ReportStep, 'openedAt' | 'completedAt' | 'pauses'>): number {
  const end = Date.parse(step.completedAt ?? step.openedAt);
  const paused = step.pauses.reduce((sum, p) => sum + Math.max(0, Date.parse(p.to) - Date.parse(p.from)), 0);
  return round1(Math.max(0, end - Date.parse(step.openedAt) - paused) / 60_000);
}

/** Nearest-rank percentile of sorted values (the smallest value with at least p % of values at or below it). */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? null;
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
