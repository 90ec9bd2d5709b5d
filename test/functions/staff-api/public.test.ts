import { afterEach, describe, expect, it } from 'vitest';
import { manifest } from '../../../app/manifest.ts';
import { useDependencies } from '../../../functions/shared/dependencies.ts';
import { bodyOf } from '../http/api-support.ts';
import { useHarness } from '../harness.ts';
import { staffRig } from './support.ts';

/** Every route of api.md (the public contract), and the routes added to it since. */
const API_ROUTES = [
  'POST /webhooks/storefront',
  'GET /queue',
  'GET /cases/{caseId}',
  'GET /cases',
  // Additions documented in docs/staff-api.md (api.md is extended, never renamed).
  'GET /search',
  'POST /cases/{caseId}/contact/reveal',
  'POST /cases/{caseId}/steps/{step}/complete',
  'POST /cases/{caseId}/steps/{step}/pause',
  'POST /cases/{caseId}/steps/{step}/escalate',
  'POST /cases/{caseId}/steps/{step}/resume',
  'GET /pickups', // an addition to api.md (issue 28): the parcels a run would hand over
  'POST /pickups/run',
  // Issue 24: platform connectors (docs/connectors.md), authenticated by each platform's own signature.
  'GET /connectors/{platform}/{shopId}',
  'POST /connectors/{platform}/{shopId}',
  'GET /reports/sla',
  'GET /board',
  'GET /policy',
  'GET /reports/chat',
  'GET /healthz',
  'GET /openapi.json',
  // Added to the contract by issue 22 (documented in docs/workflows.md and the OpenAPI document).
  'GET /reports/satisfaction',
  // Added by issue 23 (scorecards and quality checks; docs/people.md and the OpenAPI document).
  'GET /reports/people',
  'GET /qa',
  'POST /qa/sample',
  'POST /qa/{id}/score',
  // Added by issue 25 (docs/policy.md "Versions"): the policy as versions, published by the operator.
  'GET /policy/versions',
  'POST /policy/versions',
  'GET /policy/versions/{version}',
  'GET /policy/versions/{version}/diff',
  'POST /policy/preview',
  // Issue 23: people, rosters and assignment (docs/people.md).
  'POST /cases/{caseId}/steps/{step}/claim',
  'POST /cases/{caseId}/steps/{step}/release',
  'POST /cases/{caseId}/steps/{step}/assign',
  'GET /people',
  'GET /rosters',
  'PUT /rosters',
  // Holds and priority (issue 22 items 2 and 4).
  'POST /cases/{caseId}/hold',
  'POST /cases/{caseId}/hold/approve',
  'POST /cases/{caseId}/priority',
];

/** api.md's "Local home only" routes the OpenAPI document also lists (marked `x-local-only`), never the manifest. */
const LOCAL_ONLY_ROUTES = ['POST /auth/login'];

describe('public routes: health and the OpenAPI document', () => {
  const { fresh } = useHarness();
  afterEach(() => useDependencies(undefined));

  it('GET /healthz answers {"ok": true} without a token', async () => {
    const response = await staffRig(fresh('2025-03-03T10:00:00+08:00')).anonymous.get('/healthz');
    expect([response.statusCode, bodyOf(response)]).toEqual([200, { ok: true }]);
  });

  it('GET /openapi.json is an OpenAPI 3.1 document listing every api.md route, with schemas generated from zod', async () => {
    const response = await staffRig(fresh('2025-03-03T10:00:00+08:00')).anonymous.get('/openapi.json');
    expect(response.statusCode).toBe(200);
    const doc = bodyOf(response) as { openapi: string; paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }> } };
    expect(doc.openapi).toBe('3.1.0');
    const listed = Object.entries(doc.paths).flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`));
    expect(listed.sort()).toEqual([...API_ROUTES, ...LOCAL_ONLY_ROUTES].sort());
    expect(doc.paths['/auth/login']?.post).toMatchObject({ 'x-local-only': true });
    expect(doc.components.schemas.PauseStep?.required).toEqual(['reason']);
    expect(Object.keys(doc.components.schemas.Queue?.properties ?? {})).toEqual(['items', 'rosterGaps', 'nextToken']);
    // Issue 27: the queue in pages, its query parameters from queue-page.ts's zod schema.
    expect(((doc.paths['/queue']?.get as { parameters?: { name: string; in: string }[] }).parameters ?? []).map((p) => `${p.in}:${p.name}`)).toEqual(['query:limit', 'query:nextToken']);
    expect(JSON.stringify(doc.components.schemas.StorefrontEvent)).toContain('order.cancel-requested');
    const queueItem = JSON.stringify(doc.components.schemas.Queue);
    for (const field of ['stepLabel', 'remainingOnDutyMinutes', 'onDutyNow', 'countingResumesAt', 'pausedNow']) expect(queueItem).toContain(`"${field}"`);
  });

  it('the manifest routes every api.md route to the HTTP functions', () => {
    const routes = manifest.routes.map((r) => `${r.method} ${r.path}`);
    expect(routes.sort()).toEqual([...API_ROUTES].sort());
    expect(manifest.routes.filter((r) => r.auth === 'public').map((r) => r.path).sort()).toEqual(['/connectors/{platform}/{shopId}', '/connectors/{platform}/{shopId}', '/healthz', '/openapi.json', '/webhooks/storefront']);
  });
});
