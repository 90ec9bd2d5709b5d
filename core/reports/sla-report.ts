/**
 * The SLA report (api.md `GET /reports/sla`): steps grouped by step, role, assignee or
 * Asia/Shanghai day, with on-time figures and time-to-complete percentiles. Pure: it takes the
 * steps, the caller reads them from the store.
 *
 * A step is judged once its outcome is known: when it completed (on time or late), or when it is
 * still open past its due (a breach — leaving late work undone must not keep the report green,
 * service-standards.md §9). A step still open and not yet due is counted as `open`, not judged.
 */
import { onDutyBetween } from '../calendar/business-time.ts';
import type { DutyCalendar } from '../calendar/duty-calendar.ts';
import { shanghaiDay } from '../cases/report-day.ts';
import { isStepActive, StepStatus, type StepRecord } from '../cases/step.ts';
import { UNCATEGORISED } from '../complaints/kinds.ts';

/** `category`: complaint steps only, by the complaint's category (service-standards.md §12 "Complaint kinds"). */
export const ReportGroupBy = { step: 'step', role: 'role', assignee: 'assignee', day: 'day', category: 'category' } as const;
export type ReportGroupBy = (typeof ReportGroupBy)[keyof typeof ReportGroupBy];

export interface ReportRow {
  /** The group's key: a step id, role id, staff user (`unassigned` for open steps) or `YYYY-MM-DD`. */
  group: string;
  /** Judged steps in the group: completed ones plus open ones past their due (`completed + openBreaches`). */
  count: number;
  /** Of them, the steps completed (an open breached step is judged but not done: 完成数 counts only these). */
  completed: number;
  /** Of them, completed by their deadline. */
  onTime: number;
  /** `onTime / count` in percent, one decimal; null for a group with nothing judged. */
  onTimePct: number | null;
  /** Median wall-clock minutes from opening to completion, paused time excluded (completed steps). */
  p50Minutes: number | null;
  p90Minutes: number | null;
  /** The same in minutes of the role's on-duty time, the SLA's own measure (§1 business-time rule); null without a calendar. */
  p50OnDutyMinutes: number | null;
  p90OnDutyMinutes: number | null;
  /** Steps that breached their deadline: completed late, or still open past due (`count - onTime`). */
  breaches: number;
  /** Of the breaches, steps still open past their due. */
  openBreaches: number;
  /** Steps still open and not yet due: not judged yet. */
  open: number;
}

export type ReportFigures = Omit<ReportRow, 'group'>;

export interface SlaReport {
  groupBy: ReportGroupBy;
  rows: ReportRow[];
  total: ReportFigures;
}

export type ReportStep = Pick<StepRecord, 'step' | 'role' | 'status' | 'openedAt' | 'due' | 'completedAt' | 'completedBy' | 'onTime' | 'breachedAt' | 'pauses' | 'pausedNow'> & Partial<Pick<StepRecord, 'caseId' | 'caseType'>>;

export interface ReportInput {
  /** Steps completed or cancelled in the period (cancelled ones are left out: their work was never done). */
  closed: readonly ReportStep[];
  /** Steps still active whose due falls in the period. */
  active?: readonly ReportStep[];
  /** The report's instant (epoch ms): an active step due before it is an open breach. */
  now: number;
  /** A role's duty calendar, for on-duty minutes; undefined for roles without one (`automatic`). */
  calendarOf?: (role: string) => DutyCalendar | undefined;
  /** `groupBy=category`: a complaint case's category (core/complaints/kinds.ts `complaintKind`); undefined: `other`, as the satisfaction report counts it. */
  categoryOf?: (caseId: string) => string | undefined;
}

type Judged = { step: ReportStep; kind: 'completed' | 'open-breach' | 'open' };

/** Rows sorted by group. */
export function slaReport(input: ReportInput, groupBy: ReportGroupBy): SlaReport {
  const all: Judged[] = [
    ...input.closed.filter((s) => s.status === StepStatus.completed && s.completedAt !== undefined).map((step) => ({ step, kind: 'completed' as const })),
    ...(input.active ?? []).filter((s) => isStepActive(s.status) && s.due !== undefined).map((step) => ({ step, kind: isOpenBreach(step, input.now) ? ('open-breach' as const) : ('open' as const) })),
  ];
  // Grouped by category, the report is about complaints: other cases' steps have no category.
  const judged = groupBy === 'category' ? all.filter((e) => e.step.caseType === 'complaint') : all;
  const groups = new Map<string, Judged[]>();
  for (const entry of judged) {
    const key = groupBy === 'category' ? (input.categoryOf?.(entry.step.caseId ?? '') ?? UNCATEGORISED) : groupKey(entry.step, groupBy);
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }
  const calendarOf = input.calendarOf ?? (() => undefined);
  const rows = [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([group, members]) => ({ group, ...figures(members, calendarOf) }));
  return { groupBy, rows, total: figures(judged, calendarOf) };
}

/** Past its due (or marked breached by its timer) and still not done. */
function isOpenBreach(step: ReportStep, now: number): boolean {
  return step.breachedAt !== undefined || (step.due !== undefined && Date.parse(step.due) <= now);
}

function groupKey(step: ReportStep, groupBy: ReportGroupBy): string {
  switch (groupBy) {
    case 'step':
      return step.step;
    case 'role':
      return step.role;
    case 'assignee':
      return step.completedBy ?? 'unassigned';
    case 'day':
      // A closed step belongs to the day it closed; an open one to the day it is (or was) due.
      return shanghaiDay(step.completedAt ?? step.due ?? step.openedAt);
    case 'category':
      return UNCATEGORISED; // grouped by the caller's categoryOf
  }
}

function figures(entries: readonly Judged[], calendarOf: (role: string) => DutyCalendar | undefined): ReportFigures {
  const completed = entries.filter((e) => e.kind === 'completed').map((e) => e.step);
  const openBreaches = entries.filter((e) => e.kind === 'open-breach').length;
  const count = completed.length + openBreaches;
  const onTime = completed.filter((s) => s.onTime !== false && s.breachedAt === undefined).length;
  const minutes = completed.map(minutesToComplete).sort((a, b) => a - b);
  const onDuty = completed
    .map((s) => onDutyMinutesToComplete(s, calendarOf(s.role)))
    .filter((m): m is number => m !== null)
    .sort((a, b) => a - b);
  return {
    count,
    completed: completed.length,
    onTime,
    onTimePct: count === 0 ? null : round1((onTime / count) * 100),
    p50Minutes: percentile(minutes, 50),
    p90Minutes: percentile(minutes, 90),
    p50OnDutyMinutes: percentile(onDuty, 50),
    p90OnDutyMinutes: percentile(onDuty, 90),
    breaches: count - onTime,
    openBreaches,
    open: entries.filter((e) => e.kind === 'open').length,
  };
}

/** Minutes from opening to completion, minus the paused intervals. */
export function minutesToComplete(step: Pick<ReportStep, 'openedAt' | 'completedAt' | 'pauses'>): number {
  const end = Date.parse(step.completedAt ?? step.openedAt);
  const paused = step.pauses.reduce((sum, p) => sum + Math.max(0, Date.parse(p.to) - Date.parse(p.from)), 0);
  return round1(Math.max(0, end - Date.parse(step.openedAt) - paused) / 60_000);
}

/** On-duty minutes of `calendar` from opening to completion, minus the on-duty time inside pauses; null without a calendar. */
export function onDutyMinutesToComplete(step: Pick<ReportStep, 'openedAt' | 'completedAt' | 'pauses'>, calendar: DutyCalendar | undefined): number | null {
  if (calendar === undefined) return null;
  const opened = Date.parse(step.openedAt);
  const end = Date.parse(step.completedAt ?? step.openedAt);
  const paused = step.pauses.reduce((sum, p) => sum + onDutyBetween(calendar, Math.max(opened, Date.parse(p.from)), Math.min(end, Date.parse(p.to))), 0);
  return round1(Math.max(0, onDutyBetween(calendar, opened, end) - paused) / 60_000);
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
