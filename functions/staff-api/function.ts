import type { FunctionDecl, RouteDecl } from '../../platform/manifest-types.ts';
import { casesTable } from '../../adapters/case-repository/table.ts';
import { eventBus } from '../../adapters/events/bus.ts';
import { CaseType } from '../../core/cases/case.ts';
import { lifecycleWorkflowId } from '../case-action/workflow-ids.ts';
import { slaTimerFunction } from '../sla-timer/function.ts';

/** The staff API of api.md (queue, cases, step actions, pickups, SLA report) with health and the OpenAPI document. */
export const staffApiFunction: FunctionDecl = {
  id: 'staff-api',
  entry: 'functions/staff-api/handler.ts',
  timeoutSeconds: 30,
  access: {
    tables: [{ id: casesTable.id, access: 'readwrite' }],
    buses: [eventBus.id],
    // Completing a step (and a pickup run) answers the waiting workflow.
    workflows: Object.values(CaseType).map((type) => ({ id: lifecycleWorkflowId(type), access: 'callback' as const })),
    scheduler: true,
    scheduleTargets: [slaTimerFunction.id],
    // GET /cases hands out page tokens that come back on any instance.
    pageTokenSecret: true,
    // People, rosters and assignment (issue 23).
    people: true,
  },
};

const staff = (method: RouteDecl['method'], path: string): RouteDecl => ({ method, path, function: staffApiFunction.id, auth: 'jwt' });

/** Every route of api.md served by the staff API. */
export const staffApiRoutes: RouteDecl[] = [
  staff('GET', '/queue'),
  staff('GET', '/cases'),
  staff('GET', '/cases/{caseId}'),
  staff('GET', '/search'),
  staff('POST', '/cases/{caseId}/contact/reveal'),
  staff('POST', '/cases/{caseId}/steps/{step}/complete'),
  staff('POST', '/cases/{caseId}/steps/{step}/pause'),
  staff('POST', '/cases/{caseId}/steps/{step}/escalate'),
  staff('POST', '/cases/{caseId}/steps/{step}/resume'),
  staff('GET', '/pickups'),
  staff('POST', '/pickups/run'),
  staff('GET', '/reports/sla'),
  staff('GET', '/board'),
  staff('GET', '/policy'),
  staff('GET', '/policy/versions'),
  staff('GET', '/policy/versions/{version}'),
  staff('GET', '/policy/versions/{version}/diff'),
  staff('POST', '/policy/versions'),
  staff('POST', '/policy/preview'),
  staff('GET', '/reports/chat'),
  staff('GET', '/reports/satisfaction'),
  staff('GET', '/reports/people'),
  staff('GET', '/qa'),
  staff('POST', '/qa/sample'),
  staff('POST', '/qa/{id}/score'),
  staff('POST', '/cases/{caseId}/steps/{step}/claim'),
  staff('POST', '/cases/{caseId}/steps/{step}/release'),
  staff('POST', '/cases/{caseId}/steps/{step}/assign'),
  staff('GET', '/people'),
  staff('GET', '/rosters'),
  staff('PUT', '/rosters'),
  staff('POST', '/cases/{caseId}/hold'),
  staff('POST', '/cases/{caseId}/hold/approve'),
  staff('POST', '/cases/{caseId}/priority'),
  { method: 'GET', path: '/healthz', function: staffApiFunction.id, auth: 'public' },
  { method: 'GET', path: '/openapi.json', function: staffApiFunction.id, auth: 'public' },
];
