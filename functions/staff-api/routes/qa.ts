/**
 * The quality-check queue (质检, issue 23; docs/people.md "Quality checks"), supervisor only:
 * `GET /qa?week=&status=&person=` lists a sampled week's checks with what each step's checklist
 * recorded; `POST /qa/{id}/score` `{scores: {criterion: 1–5}, note}` scores one (every criterion of
 * the policy, none other: a 400 names the wrong one); `POST /qa/sample` `{week?}` draws a week now
 * (the weekly schedule does it on Mondays; a repeat adds nothing).
 */
import type { QaItem } from '../../../core/people/qa/item.ts';
import { mondayOf } from '../../../core/people/scorecard/periods.ts';
import { formatDate } from '../../../core/time/civil.ts';
import { renderInstant } from '../../../core/time/render.ts';
import { jsonBody } from '../../http/body.ts';
import { InvalidRequest } from '../../http/errors.ts';
import { queryOf } from '../../http/event.ts';
import { requireRole, SUPERVISOR } from '../../http/identity.ts';
import { jsonResponse } from '../../http/response.ts';
import type { Route } from '../../http/router.ts';
import { validate } from '../../http/validate.ts';
import { createQaSample } from '../../qa-sample/qa-sample.ts';
import type { StaffApiDeps } from '../deps.ts';
import { qaQueueQuery, qaSampleRequest, qaScoreRequest } from '../people-schemas.ts';
import { staffCaller } from '../staff.ts';

export function qaQueueRoute(deps: StaffApiDeps): Route {
  return {
    method: 'GET',
    path: '/qa',
    async handle({ event }) {
      requireRole(staffCaller(event), [SUPERVISOR], 'the quality-check queue');
      const query = validate(qaQueueQuery, queryOf(event), 'query');
      const week = query.week ?? formatDate(mondayOf(deps.policy.zone.dayOf(deps.clock.now())) - 7);
      const items = (await deps.qa.listWeek(week))
        .filter((i) => query.status === 'all' || (query.status === 'scored') === (i.score !== undefined))
        .filter((i) => query.person === undefined || i.person === query.person)
        .sort((a, b) => (a.person < b.person ? -1 : a.person > b.person ? 1 : a.at - b.at));
      return jsonResponse(200, { week, criteria: deps.policy.assessment.qa.criteria, items: items.map((i) => view(deps, i)) });
    },
  };
}

export function qaScoreRoute(deps: StaffApiDeps): Route {
  return {
    method: 'POST',
    path: '/qa/{id}/score',
    async handle({ event, params }) {
      const caller = staffCaller(event);
      requireRole(caller, [SUPERVISOR], 'scoring a quality check');
      const body = validate(qaScoreRequest, jsonBody(event) ?? {}, 'body');
      const criteria = deps.policy.assessment.qa.criteria.map((c) => c.id);
      const issues = [
        ...criteria.filter((id) => body.scores[id] === undefined).map((id) => ({ field: `body.scores.${id}`, message: 'is required (score every criterion 1–5)' })),
        ...Object.keys(body.scores).filter((id) => !criteria.includes(id)).map((id) => ({ field: `body.scores.${id}`, message: `is not a criterion of the policy (${criteria.join(', ')})` })),
      ];
      if (issues.length > 0) throw new InvalidRequest(issues);
      const scored = await deps.qa.score(params.id ?? '', { scores: body.scores, note: body.note, scoredBy: caller.user, scoredAt: new Date(deps.clock.now()).toISOString() });
      return jsonResponse(200, view(deps, scored));
    },
  };
}

export function qaSampleRoute(deps: StaffApiDeps): Route {
  return {
    method: 'POST',
    path: '/qa/sample',
    async handle({ event }) {
      requireRole(staffCaller(event), [SUPERVISOR], 'drawing quality checks');
      const body = validate(qaSampleRequest, jsonBody(event) ?? {}, 'body');
      return jsonResponse(200, await createQaSample(deps)(body.week === undefined ? {} : { week: body.week }));
    },
  };
}

/** The API's view: instants in Beijing time, `kind` beside the subject, `score: null` until scored. */
function view(deps: StaffApiDeps, item: QaItem): Record<string, unknown> {
  const zone = deps.policy.zone;
  return {
    id: item.id,
    week: item.week,
    person: item.person,
    kind: item.subject.kind,
    subject: item.subject,
    at: renderInstant(zone, item.at),
    sampledAt: renderInstant(zone, item.sampledAt),
    score: item.score === undefined ? null : { ...item.score, scoredAt: renderInstant(zone, item.score.scoredAt) },
  };
}
