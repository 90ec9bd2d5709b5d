import { describe, expect, it } from 'vitest';
import { STAFF_REQUEST_LIMITS } from '../../../functions/http/limits.ts';
import { handler } from '../../../functions/staff-api/handler.ts';
import { apiEvent, errorOf, lambdaContext, staffClaims } from '../http/api-support.ts';
import { useHarness } from '../harness.ts';
import { staffRig } from './support.ts';

const MONDAY_10 = '2025-03-03T10:00:00+08:00';

describe('the staff API answers hostile requests with a 4xx naming the field', () => {
  const { fresh } = useHarness();

  it('answers GET /cases/%ZZ with 400 naming path.caseId', async () => {
    const rig = staffRig(fresh(MONDAY_10));
    const response = await rig.as('li', 'ops-cs').get('/cases/%ZZ');
    expect(response.statusCode).toBe(400);
    expect(errorOf(response)).toEqual({ code: 'InvalidRequest', message: 'path.caseId: is not valid percent-encoded UTF-8', fields: [{ path: 'path.caseId', code: 'custom', message: 'is not valid percent-encoded UTF-8' }] });
  });

  it('answers a 3,000-character step id with 400 naming path.step, and writes nothing', async () => {
    const rig = staffRig(fresh(MONDAY_10));
    const caseId = await rig.openCaseWithStep('order.pack');
    const response = await rig.as('boss', 'supervisor').post(`/cases/${caseId}/steps/${'s'.repeat(3_000)}/complete`, {});
    expect(response.statusCode).toBe(400);
    expect(errorOf(response)).toMatchObject({ code: 'InvalidRequest', message: `path.step: is 3000 characters long, more than the ${STAFF_REQUEST_LIMITS.maxPathParameterLength} allowed`, fields: [{ path: 'path.step' }] });
    expect(await rig.repository.getStep({ caseId, step: 'order.pack' })).toMatchObject({ status: 'open' });
  });

  it('answers a body over the limit with 413 and one holding a reserved key with 400, writing nothing', async () => {
    const rig = staffRig(fresh(MONDAY_10));
    const caseId = await rig.openCaseWithStep('order.pack');
    const big = await rig.as('boss', 'supervisor').post(`/cases/${caseId}/steps/order.pack/pause`, { reason: 'x'.repeat(STAFF_REQUEST_LIMITS.maxBodyBytes) });
    expect([big.statusCode, errorOf(big).code]).toEqual([413, 'PayloadTooLarge']);
    const proto = await rig.as('boss', 'supervisor').post(`/cases/${caseId}/steps/order.pack/complete`, undefined, '{"fields":{"constructor":{"a":1},"serialNumbers":["S1"],"invoiceNo":"I"}}');
    expect([proto.statusCode, errorOf(proto).message]).toEqual([400, 'body.fields.constructor: is a reserved key (__proto__, constructor, prototype are refused)']);
    const deep = await rig.as('boss', 'supervisor').post(`/cases/${caseId}/steps/order.pack/complete`, undefined, `{"fields":${'['.repeat(3_000)}${']'.repeat(3_000)}}`);
    expect([deep.statusCode, errorOf(deep).message]).toEqual([400, expect.stringContaining(`nests deeper than ${STAFF_REQUEST_LIMITS.maxDepth} levels`)]);
    expect(await rig.repository.getStep({ caseId, step: 'order.pack' })).toMatchObject({ status: 'open', pauses: [] });
  });

  it('answers a completion or pause sent as text/plain, a form or merge-patch JSON with 415 naming the Content-Type, writing nothing', async () => {
    const rig = staffRig(fresh(MONDAY_10));
    const caseId = await rig.openCaseWithStep('order.pack');
    const boss = rig.as('boss', 'supervisor');
    const completion = JSON.stringify({ fields: { serialNumbers: ['S1'], invoiceNo: 'I-1' } });
    const refused = [
      await boss.post(`/cases/${caseId}/steps/order.pack/complete`, undefined, completion, { 'content-type': 'text/plain;charset=UTF-8' }),
      await boss.post(`/cases/${caseId}/steps/order.pack/complete`, undefined, completion, { 'content-type': 'application/merge-patch+json' }),
      await boss.post(`/cases/${caseId}/steps/order.pack/pause`, undefined, 'reason=lunch', { 'content-type': 'application/x-www-form-urlencoded' }),
    ];
    expect(refused.map((r) => [r.statusCode, errorOf(r)])).toEqual([
      [415, { code: 'UnsupportedMediaType', message: 'Content-Type: "text/plain;charset=UTF-8" is not accepted; send application/json (UTF-8)' }],
      [415, { code: 'UnsupportedMediaType', message: 'Content-Type: "application/merge-patch+json" is not accepted; send application/json (UTF-8)' }],
      [415, { code: 'UnsupportedMediaType', message: 'Content-Type: "application/x-www-form-urlencoded" is not accepted; send application/json (UTF-8)' }],
    ]);
    expect(await rig.repository.getStep({ caseId, step: 'order.pack' })).toMatchObject({ status: 'open', pauses: [] });
    // The same completion as application/json with a charset is taken.
    const taken = await boss.post(`/cases/${caseId}/steps/order.pack/complete`, undefined, completion, { 'content-type': 'application/json; charset=utf-8' });
    expect(taken.statusCode).toBe(200);
  });

  it('takes a resume without a body and without a Content-Type (nothing to label)', async () => {
    const rig = staffRig(fresh(MONDAY_10));
    const caseId = await rig.openCaseWithStep('order.pack');
    const boss = rig.as('boss', 'supervisor');
    expect((await boss.post(`/cases/${caseId}/steps/order.pack/pause`, { reason: 'lunch' })).statusCode).toBe(200);
    const resumed = await boss.post(`/cases/${caseId}/steps/order.pack/resume`, undefined, undefined, { 'content-type': '' });
    expect([resumed.statusCode, (await rig.repository.getStep({ caseId, step: 'order.pack' })).status]).toEqual([200, 'open']);
  });

  it('reports from=2026-02-30 as a problem with from, not to', async () => {
    const rig = staffRig(fresh(MONDAY_10));
    const response = await rig.as('boss', 'supervisor').get('/reports/sla', { from: '2026-02-30', to: '2026-03-05' });
    expect(response.statusCode).toBe(400);
    expect(errorOf(response)).toEqual({ code: 'InvalidRequest', message: 'query.from: is not a calendar date', fields: [{ path: 'query.from', code: 'custom', message: 'is not a calendar date' }] });
  });

  it('answers an overlong orderId or nextToken with 400 naming it', async () => {
    const rig = staffRig(fresh(MONDAY_10));
    expect(errorOf(await rig.as('li', 'ops-cs').get('/cases', { orderId: 'o'.repeat(129) })).message).toBe('query.orderId: must be at most 128 characters');
    expect(errorOf(await rig.as('li', 'ops-cs').get('/cases', { type: 'order', nextToken: 'x'.repeat(2_049) })).message).toBe('query.nextToken: must be at most 2048 characters');
  });

  it('refuses an access token where an ID token is expected with 401', async () => {
    const rig = staffRig(fresh(MONDAY_10));
    expect((await rig.as('li', 'ops-cs').get('/queue')).statusCode).toBe(200);
    const access = await handler(apiEvent({ method: 'GET', path: '/queue', claims: { ...staffClaims('li', 'ops-cs'), token_use: 'access' } }), lambdaContext);
    expect([access.statusCode, errorOf(access)]).toEqual([401, { code: 'Unauthenticated', message: 'token is not an ID token (token_use must be "id")' }]);
  });
});
