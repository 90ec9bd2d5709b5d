/**
 * `GET /reports/people?from=&to=&groupBy=month|week&person=&format=&labels=`: the scorecard (考核,
 * issue 23; core/people/scorecard). A supervisor reads everyone's card (or one `person`'s); anyone
 * else only their own (`person` absent, `me` or their user name). Reads, one query per day, the
 * steps closed from `from` until 31 days after `to` (no later than today: a breach of the range
 * closed later still counts) and every active step, the conversations of the range, the scored
 * callbacks of the range, and the quality checks of the weeks it touches.
 * CSV (`format=csv` or `Accept: text/csv`): UTF-8 with BOM, `labels=zh` for Chinese labels.
 */
import { analyzeConversation } from '../../../core/chat/conversation.ts';
import type { StepRecord } from '../../../core/cases/step.ts';
import { scorecardCsv } from '../../../core/people/scorecard/csv.ts';
import { mondayOf } from '../../../core/people/scorecard/periods.ts';
import { scorecard, type ScoredCheck } from '../../../core/people/scorecard/scorecard.ts';
import { callbackScore, scoredCallback, type ScoredCallback } from '../../../core/reports/satisfaction.ts';
import { formatDate, parseDate } from '../../../core/time/civil.ts';
import { readActiveSteps, stepsClosedOn } from '../../shared/closed-steps.ts';
import { Forbidden, InvalidRequest } from '../../http/errors.ts';
import { headerOf, queryOf } from '../../http/event.ts';
import { hasRole, SUPERVISOR } from '../../http/identity.ts';
import { csvResponse, jsonResponse } from '../../http/response.ts';
import type { Route } from '../../http/router.ts';
import { validate } from '../../http/validate.ts';
import type { StaffApiDeps } from '../deps.ts';
import { peopleReportQuery } from '../people-schemas.ts';
import { staffCaller } from '../staff.ts';
import { MAX_REPORT_DAYS } from './reports.ts';

/** Days shown by default: about a month. */
export const DEFAULT_PEOPLE_DAYS = 30;
/** Steps closed this many days after the range still count for its breaches and escalations. */
export const LATE_CLOSE_DAYS = 31;

export function peopleReportRoute(deps: StaffApiDeps): Route {
  return {
    method: 'GET',
    path: '/reports/people',
    async handle({ event }) {
      const caller = staffCaller(event);
      const query = validate(peopleReportQuery, queryOf(event), 'query');
      const supervisor = hasRole(caller, SUPERVISOR);
      const asked = query.person === 'me' ? caller.user : query.person;
      if (!supervisor && asked !== undefined && asked !== caller.user) throw new Forbidden(`only a supervisor reads another person's scorecard; ${caller.user} may read their own`);
      const person = supervisor ? asked : caller.user;

      const now = deps.clock.now();
      const today = deps.policy.zone.dayOf(now);
      const toDay = query.to === undefined ? today : dayOf('to', query.to);
      const fromDay = query.from === undefined ? toDay - (DEFAULT_PEOPLE_DAYS - 1) : dayOf('from', query.from);
      if (toDay < fromDay) throw new InvalidRequest([{ field: 'query.to', message: 'must not be before from' }]);
      if (toDay - fromDay + 1 > MAX_REPORT_DAYS) throw new InvalidRequest([{ field: 'query.to', message: `the range may span at most ${MAX_REPORT_DAYS} days` }]);

      const steps = new Map<string, StepRecord>();
      const callbacks: ScoredCallback[] = [];
      for (let day = fromDay; day <= Math.max(toDay, Math.min(today, toDay + LATE_CLOSE_DAYS)); day++) {
        for (const step of await stepsClosedOn(deps.repository, formatDate(day))) {
          steps.set(`${step.caseId}|${step.step}|${step.attempt}`, step);
          const score = day <= toDay ? callbackScore(step) : undefined;
          if (score === undefined) continue;
          const complaint = await deps.repository.getCase(step.caseId);
          callbacks.push(scoredCallback(step, score, { data: complaint.case.data, steps: complaint.steps }));
        }
      }
      const active = await readActiveSteps(deps);
      for (const step of [...active.queues.values(), ...active.awaiting.values()].flat()) steps.set(`${step.caseId}|${step.step}|${step.attempt}`, step);

      const seen = new Set<string>();
      const conversations = [];
      for (let day = fromDay; day <= toDay; day++) {
        for (const c of await deps.conversations.listByDay(formatDate(day))) {
          if (seen.has(c.conversationId)) continue;
          seen.add(c.conversationId);
          conversations.push(analyzeConversation(c.messages, deps.policy.chat, now));
        }
      }

      const checks: ScoredCheck[] = [];
      for (let week = mondayOf(fromDay); week <= toDay; week += 7) {
        for (const item of await deps.qa.listWeek(formatDate(week))) if (item.score !== undefined) checks.push({ person: item.person, at: item.at, scores: item.score.scores });
      }

      const all = scorecard({
        steps: [...steps.values()],
        conversations,
        callbacks,
        checks,
        zone: deps.policy.zone,
        range: { fromDay, toDay },
        groupBy: query.groupBy,
        calendarOf: (role) => deps.policy.roles.get(role)?.calendar,
        assessment: deps.policy.assessment,
      });
      const rows = person === undefined ? all : all.filter((r) => r.person === person);
      const from = formatDate(fromDay);
      const to = formatDate(toDay);
      if (query.format === 'csv' || /\btext\/csv\b/i.test(headerOf(event, 'accept') ?? '')) return csvResponse(200, scorecardCsv(rows, query.labels), `people-${from}-${to}-${query.groupBy}.csv`);
      return jsonResponse(200, { from, to, groupBy: query.groupBy, weights: deps.policy.assessment.weights, targets: deps.policy.assessment.targets, rows });
    },
  };
}

function dayOf(field: 'from' | 'to', text: string): number {
  const day = parseDate(text);
  if (day === undefined) throw new InvalidRequest([{ field: `query.${field}`, message: 'is not a calendar date' }]);
  return day;
}
