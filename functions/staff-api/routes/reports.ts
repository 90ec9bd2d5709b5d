/**
 * `GET /reports/sla?from=&to=&groupBy=&labels=` (`supervisor`; `groupBy=category`: complaint steps by the complaint's category): on-time figures of the steps closed
 * on those days (default: the last 7), and of the steps still open that are (or were) due on them —
 * an open step past its due is a breach, one not yet due is `open` (core/reports/sla-report.ts).
 * `Accept: text/csv` gives CSV (UTF-8 with BOM; `labels=zh` for Chinese column labels).
 */
import type { StepRecord } from '../../../core/cases/step.ts';
import { slaReportCsv } from '../../../core/reports/csv.ts';
import { slaReport } from '../../../core/reports/sla-report.ts';
import { formatDate, parseDate } from '../../../core/time/civil.ts';
import { activeStepsDueOn, stepsClosedOn } from '../../shared/closed-steps.ts';
import { InvalidRequest } from '../../http/errors.ts';
import { headerOf, queryOf } from '../../http/event.ts';
import { requireRole, SUPERVISOR } from '../../http/identity.ts';
import { csvResponse, jsonResponse } from '../../http/response.ts';
import type { Route } from '../../http/router.ts';
import { validate } from '../../http/validate.ts';
import type { StaffApiDeps } from '../deps.ts';
import { reportQuery } from '../schemas.ts';
import { staffCaller } from '../staff.ts';
import { complaintCategories } from '../complaint-categories.ts';

/** One query per day: a range is capped at about a quarter. */
export const MAX_REPORT_DAYS = 92;

export function reportRoute(deps: StaffApiDeps): Route {
  return {
    method: 'GET',
    path: '/reports/sla',
    async handle({ event }) {
      requireRole(staffCaller(event), [SUPERVISOR], 'the SLA report');
      const query = validate(reportQuery, queryOf(event), 'query');
      const { from, to } = reportRange(query, deps.policy.zone.dayOf(deps.clock.now()));
      const days = daysBetween(from, to);
      const closed: StepRecord[] = [];
      for (const day of days) closed.push(...(await stepsClosedOn(deps.repository, day)));
      const active = await activeStepsDueOn(deps, days);
      const categories = query.groupBy === 'category' ? await complaintCategories(deps.repository, [...closed, ...active].filter((s) => s.caseType === 'complaint').map((s) => s.caseId)) : undefined;
      const report = slaReport({ closed, active, now: deps.clock.now(), calendarOf: (role) => deps.policy.roles.get(role)?.calendar, ...(categories ? { categoryOf: (caseId: string) => categories.get(caseId) } : {}) }, query.groupBy);
      if (/\btext\/csv\b/i.test(headerOf(event, 'accept') ?? '')) return csvResponse(200, slaReportCsv(report, query.labels), `sla-${from}-${to}-${query.groupBy}.csv`);
      return jsonResponse(200, { from, to, ...report });
    },
  };
}

/** Days of the report shown by default (api.md): the last 7, today included. */
export const DEFAULT_REPORT_DAYS = 7;

/** The asked range; a missing end is today and a missing start 6 days before the end, in the policy's zone. */
function reportRange(query: { from?: string | undefined; to?: string | undefined }, today: number): { from: string; to: string } {
  const to = query.to ?? formatDate(today);
  const toDay = parseDate(to);
  if (toDay === undefined) throw new InvalidRequest([{ field: 'query.to', message: 'is not a calendar date' }]);
  return { from: query.from ?? formatDate(toDay - (DEFAULT_REPORT_DAYS - 1)), to };
}

function daysBetween(from: string, to: string): string[] {
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  if (Number.isNaN(start)) throw new InvalidRequest([{ field: 'query.from', message: 'is not a calendar date' }]);
  if (Number.isNaN(end)) throw new InvalidRequest([{ field: 'query.to', message: 'is not a calendar date' }]);
  if (end < start) throw new InvalidRequest([{ field: 'query.to', message: 'must not be before from' }]);
  const count = (end - start) / 86_400_000 + 1;
  if (count > MAX_REPORT_DAYS) throw new InvalidRequest([{ field: 'query.to', message: `the range may span at most ${MAX_REPORT_DAYS} days` }]);
  return Array.from({ length: count }, (_, i) => new Date(start + i * 86_400_000).toISOString().slice(0, 10));
}
