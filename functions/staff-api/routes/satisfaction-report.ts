/**
 * `GET /reports/satisfaction?from=&to=&groupBy=handler|category|month&labels=` (`supervisor`): the
 * callback (回访) scores of complaints (service-standards.md §7, §12; core/reports/satisfaction.ts)
 * over inclusive days of the policy's zone (default: the last 30). Like `GET /reports/sla`, it reads
 * the steps closed on each day from the closed-day index (one query per day, never a scan), keeps
 * the scored `complaint.callback`s and reads each one's complaint for its handler and category.
 * `Accept: text/csv` gives CSV (UTF-8 with BOM; `labels=zh` for Chinese column labels).
 */
import { callbackScore, satisfactionReport, scoredCallback, type ScoredCallback } from '../../../core/reports/satisfaction.ts';
import { satisfactionCsv } from '../../../core/reports/satisfaction-csv.ts';
import { formatDate, parseDate } from '../../../core/time/civil.ts';
import { stepsClosedOn } from '../../shared/closed-steps.ts';
import { InvalidRequest } from '../../http/errors.ts';
import { headerOf, queryOf } from '../../http/event.ts';
import { requireRole, SUPERVISOR } from '../../http/identity.ts';
import { csvResponse, jsonResponse } from '../../http/response.ts';
import type { Route } from '../../http/router.ts';
import { validate } from '../../http/validate.ts';
import type { StaffApiDeps } from '../deps.ts';
import { satisfactionQuery } from '../satisfaction-schemas.ts';
import { staffCaller } from '../staff.ts';
import { MAX_REPORT_DAYS } from './reports.ts';

/** Days shown by default: about a month, so that `groupBy=month` says something. */
export const DEFAULT_SATISFACTION_DAYS = 30;

export function satisfactionReportRoute(deps: StaffApiDeps): Route {
  return {
    method: 'GET',
    path: '/reports/satisfaction',
    async handle({ event }) {
      requireRole(staffCaller(event), [SUPERVISOR], 'the satisfaction report');
      const query = validate(satisfactionQuery, queryOf(event), 'query');
      const toDay = query.to === undefined ? deps.policy.zone.dayOf(deps.clock.now()) : dayOf('to', query.to);
      const fromDay = query.from === undefined ? toDay - (DEFAULT_SATISFACTION_DAYS - 1) : dayOf('from', query.from);
      if (toDay < fromDay) throw new InvalidRequest([{ field: 'query.to', message: 'must not be before from' }]);
      if (toDay - fromDay + 1 > MAX_REPORT_DAYS) throw new InvalidRequest([{ field: 'query.to', message: `the range may span at most ${MAX_REPORT_DAYS} days` }]);
      const callbacks: ScoredCallback[] = [];
      for (let day = fromDay; day <= toDay; day++) {
        for (const step of await stepsClosedOn(deps.repository, formatDate(day))) {
          const score = callbackScore(step);
          if (score === undefined) continue;
          const complaint = await deps.repository.getCase(step.caseId);
          callbacks.push(scoredCallback(step, score, { data: complaint.case.data, steps: complaint.steps }));
        }
      }
      const report = satisfactionReport(callbacks, query.groupBy);
      const from = formatDate(fromDay);
      const to = formatDate(toDay);
      if (/\btext\/csv\b/i.test(headerOf(event, 'accept') ?? '')) return csvResponse(200, satisfactionCsv(report, query.labels), `satisfaction-${from}-${to}-${query.groupBy}.csv`);
      return jsonResponse(200, { from, to, ...report });
    },
  };
}

function dayOf(field: 'from' | 'to', text: string): number {
  const day = parseDate(text);
  if (day === undefined) throw new InvalidRequest([{ field: `query.${field}`, message: 'is not a calendar date' }]);
  return day;
}
