/** The staff API: every staff route of api.md, plus health and the OpenAPI document. */
import { Router } from '../http/router.ts';
import type { StaffApiDeps } from './deps.ts';
import { boardRoute } from './routes/board.ts';
import { caseListRoute, caseRoute } from './routes/cases.ts';
import { healthRoute, openApiRoute } from './routes/meta.ts';
import { pickupRunRoute, pickupsWaitingRoute } from './routes/pickups.ts';
import { policyRoute } from './routes/policy.ts';
import { policyDiffRoute, policyVersionRoute, policyVersionsRoute, previewPolicyRoute, publishPolicyRoute } from './routes/policy-versions.ts';
import { queueRoute } from './routes/queue.ts';
import { chatReportRoute } from './routes/chat-report.ts';
import { reportRoute } from './routes/reports.ts';
import { searchRoute } from './routes/search.ts';
import { revealContactRoute } from './routes/contact.ts';
import { completeRoute, escalateRoute, pauseRoute, resumeRoute } from './routes/step-actions.ts';
import { satisfactionReportRoute } from './routes/satisfaction-report.ts';
import { peopleReportRoute } from './routes/people-report.ts';
import { qaQueueRoute, qaSampleRoute, qaScoreRoute } from './routes/qa.ts';
import { assignRoute, claimRoute, releaseRoute } from './routes/assignment.ts';
import { peopleRoute, rosterGetRoute, rosterPutRoute } from './routes/people.ts';
import { holdDecisionRoute, holdRequestRoute } from './routes/holds.ts';
import { priorityRoute } from './routes/priority.ts';

export function createStaffApi(deps: StaffApiDeps): Router {
  return new Router([
    queueRoute(deps),
    caseListRoute(deps),
    caseRoute(deps),
    searchRoute(deps),
    revealContactRoute(deps),
    completeRoute(deps),
    pauseRoute(deps),
    escalateRoute(deps),
    resumeRoute(deps),
    pickupsWaitingRoute(deps),
    pickupRunRoute(deps),
    reportRoute(deps),
    boardRoute(deps),
    policyRoute(deps),
    policyVersionsRoute(deps),
    policyVersionRoute(deps),
    policyDiffRoute(deps),
    publishPolicyRoute(deps),
    previewPolicyRoute(deps),
    chatReportRoute(deps),
    satisfactionReportRoute(deps),
    peopleReportRoute(deps),
    qaQueueRoute(deps),
    qaSampleRoute(deps),
    qaScoreRoute(deps),
    claimRoute(deps),
    releaseRoute(deps),
    assignRoute(deps),
    peopleRoute(deps),
    rosterGetRoute(deps),
    rosterPutRoute(deps),
    holdRequestRoute(deps),
    holdDecisionRoute(deps),
    priorityRoute(deps),
    healthRoute(),
    openApiRoute(),
  ]);
}
