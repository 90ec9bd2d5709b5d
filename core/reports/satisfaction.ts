/**
 * The satisfaction report (`GET /reports/satisfaction`, service-standards.md §7 and §12; seed §4.3:
 * every complaint has "有记录、有指令、有回音、有结果", and the 回访 after it gives a score 1–5):
 * the `complaint.callback` scores grouped by the complaint's handler, its category or the month of
 * the callback — count, mean score, the distribution 1–5 and the share scored ≤ 2, with the cases
 * behind that share. Pure: the caller reads the callbacks and their cases.
 */
import { shanghaiDay } from '../cases/report-day.ts';
import type { Instant } from '../cases/case.ts';
import { StepStatus, type StepRecord } from '../cases/step.ts';
import { CATEGORY_LABELS as KIND_LABELS } from '../complaints/kinds.ts';

export const SatisfactionGroupBy = { handler: 'handler', category: 'category', month: 'month' } as const;
export type SatisfactionGroupBy = (typeof SatisfactionGroupBy)[keyof typeof SatisfactionGroupBy];

/** The group of a complaint without a category (complaint kinds are optional on `complaint.filed`). */
export const NO_CATEGORY = 'other';
/** A score at or below this is a dissatisfied customer, listed by case. */
export const LOW_SCORE = 2;
export const SCORES = [1, 2, 3, 4, 5] as const;

/** One callback with a score, as the report counts it. */
export interface ScoredCallback {
  caseId: string;
  /** 1–5. */
  score: number;
  /** When the callback was completed. */
  at: Instant;
  /** Who handled the complaint: who resolved it, else who called back. */
  handler: string;
  /** The complaint's category, `other` when it has none. */
  category: string;
}

export interface SatisfactionFigures {
  count: number;
  /** Mean score, two decimals; null when nothing was scored. */
  meanScore: number | null;
  /** How many callbacks scored 1, 2, 3, 4 and 5. */
  distribution: { '1': number; '2': number; '3': number; '4': number; '5': number };
  /** Callbacks scored ≤ 2 in percent of `count`, one decimal; null when nothing was scored. */
  lowSharePct: number | null;
  /** The cases scored ≤ 2, in callback order. */
  lowCases: string[];
}

export interface SatisfactionRow extends SatisfactionFigures {
  /** A staff user, a category id or a month `YYYY-MM` (Asia/Shanghai). */
  group: string;
}

export interface SatisfactionReport {
  groupBy: SatisfactionGroupBy;
  rows: SatisfactionRow[];
  total: SatisfactionFigures;
}

/** Rows sorted by group. */
export function satisfactionReport(callbacks: readonly ScoredCallback[], groupBy: SatisfactionGroupBy): SatisfactionReport {
  const ordered = [...callbacks].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const groups = new Map<string, ScoredCallback[]>();
  for (const callback of ordered) {
    const key = groupKey(callback, groupBy);
    groups.set(key, [...(groups.get(key) ?? []), callback]);
  }
  const rows = [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([group, members]) => ({ group, ...figures(members) }));
  return { groupBy, rows, total: figures(ordered) };
}

function groupKey(callback: ScoredCallback, groupBy: SatisfactionGroupBy): string {
  switch (groupBy) {
    case 'handler':
      return callback.handler;
    case 'category':
      return callback.category;
    case 'month':
      return shanghaiDay(callback.at).slice(0, 7);
  }
}

function figures(callbacks: readonly ScoredCallback[]): SatisfactionFigures {
  const count = callbacks.length;
  const distribution = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };
  for (const c of callbacks) distribution[String(c.score) as keyof typeof distribution] += 1;
  const low = callbacks.filter((c) => c.score <= LOW_SCORE);
  return {
    count,
    meanScore: count === 0 ? null : Math.round((callbacks.reduce((sum, c) => sum + c.score, 0) / count) * 100) / 100,
    distribution,
    lowSharePct: count === 0 ? null : Math.round((low.length / count) * 1000) / 10,
    lowCases: low.map((c) => c.caseId),
  };
}

/** The score of a completed `complaint.callback`, or undefined for any other step or a step without one. */
export function callbackScore(step: Pick<StepRecord, 'step' | 'status' | 'fields'>): number | undefined {
  if (step.step !== 'complaint.callback' || step.status !== StepStatus.completed) return undefined;
  const score = step.fields?.score;
  return typeof score === 'number' && Number.isInteger(score) && score >= 1 && score <= 5 ? score : undefined;
}

/**
 * A scored callback with its complaint's handler and category, read from the case: the category
 * the handler set at acknowledgement (latest), else the one `complaint.filed` carried, else `other`;
 * the handler is who completed `complaint.resolve` (latest attempt), else who called back.
 */
export function scoredCallback(callback: Pick<StepRecord, 'caseId' | 'completedAt' | 'completedBy' | 'openedAt'>, score: number, complaint: { data: Record<string, unknown>; steps: readonly Pick<StepRecord, 'step' | 'status' | 'attempt' | 'completedBy' | 'fields'>[] }): ScoredCallback {
  const latest = (id: string) => complaint.steps.filter((s) => s.step === id && s.status === StepStatus.completed).sort((a, b) => b.attempt - a.attempt)[0];
  const set = latest('complaint.acknowledge')?.fields?.category;
  const filed = complaint.data.category;
  const category = typeof set === 'string' && set !== '' ? set : typeof filed === 'string' && filed !== '' ? filed : NO_CATEGORY;
  return {
    caseId: callback.caseId,
    score,
    at: callback.completedAt ?? callback.openedAt,
    handler: latest('complaint.resolve')?.completedBy ?? callback.completedBy ?? 'unassigned',
    category,
  };
}

/**
 * The complaint categories' names (service-standards.md §12 "Complaint kinds"), for CSV and the
 * console; an id without a name (a category added later) is shown as itself.
 */
export const CATEGORY_LABELS: Readonly<Record<string, { zh: string; en: string }>> = KIND_LABELS;
