/** The staff API: every staff route of api.md, plus health and the OpenAPI document. */
import { Router } from '../http/router.ts';
import type { StaffApiDeps } from './deps.ts';
import { boardRoute } from './routes/board.ts';
import { caseListRoute, caseRoute } from './routes/cases.ts';
import { healthRoute, openApiRoute } from './routes/meta.ts';
import { pickupRunRoute, pickupsWaitingRoute } from './routes/pickups.ts';
import { policyRoute } from './routes/policy.ts';
import { queueRoute } from './routes/queue.ts';
import { chatReportRoute } from './routes/chat-report.ts';
import { reportRoute } from './routes/reports.ts';
import { searchRoute } from './routes/search.ts';
import { revealContactRoute } from './routes/contact.ts';
import { completeRoute, escalateRoute, pauseRoute, resumeRoute } from './routes/step-actions.ts';
import { satisfactionReportRoute } from './routes/satisfaction-report.ts';
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
    chatReportRoute(deps),
    satisfactionReportRoute(deps),
    holdRequestRoute(deps),
    holdDecisionRoute(deps),
    priorityRoute(deps),
    healthRoute(),
    openApiRoute(),
  ]);
}
