import { afterEach, describe, expect, it } from 'vitest';
import { createOpenStep } from '../../../functions/open-step/open-step.ts';
import { useDependencies } from '../../../functions/shared/dependencies.ts';
import { bodyOf, errorOf } from '../http/api-support.ts';
import { uniqueId, useHarness } from '../harness.ts';
import { staffRig } from './support.ts';

// Monday 2025-03-03, 10:00 Shanghai: terminal-admin is on duty 09:00–17:00.
const MONDAY_10 = '2025-03-03T10:00:00+08:00';
const packFields = { serialNumbers: ['SN-1'], invoiceNo: 'INV-1' };

describe('staff step actions: complete, pause, resume', () => {
  const { fresh } = useHarness();
  afterEach(() => useDependencies(undefined));

  it('completes a step for its role: 200 with the step, the workflow answered with a StepResult, timers gone, StepCompleted emitted', async () => {
    const rig = staffRig(fresh(MONDAY_10));
    const caseId = await rig.openCaseWithStep('order.pack');
    await rig.clock.advance(20 * 60_000);

    const response = await rig.as('zhang', 'terminal-admin').post(`/cases/${caseId}/steps/order.pack/complete`, { fields: packFields });
    expect(response.statusCode).toBe(200);
    expect(bodyOf(response)).toMatchObject({ caseId, step: 'order.pack', status: 'completed', completedBy: 'zhang', onTime: true, fields: packFields });
    expect(bodyOf(response)).not.toHaveProperty('taskToken');
    expect(rig.workflows.succeeded).toEqual([
      { taskToken: `tok-${caseId}-order.pack`, output: { step: 'order.pack', attempt: 1, outcome: null, fields: packFields, completedAt: '2025-03-03T02:20:00.000Z', completedBy: 'zhang', onTime: true } },
    ]);
    expect(rig.timers.pending(caseId)).toEqual([]);
    expect(rig.events.typesFor(caseId)).toContain('StepCompleted');
  });

  it('checks a completion against the case: one distinct serial per unit ordered at pack, only packed serials at crm-bind (400 naming the field)', async () => {
    const rig = staffRig(fresh(MONDAY_10));
    const caseId = uniqueId('order');
    // Two phones and one watch, each saying it is serialized: three units, three serial numbers (串号).
    const items = [{ sku: 'P', name: 'Phone', qty: 2, price: 3999, serialized: true }, { sku: 'W', name: 'Watch', qty: 1, price: 999, serialized: true }];
    await rig.repository.createCase({ id: caseId, type: 'order', orderId: uniqueId('o'), openedAt: new Date(rig.clock.now()).toISOString(), data: { items } });
    await createOpenStep(rig)({ caseId, caseType: 'order', step: 'order.pack', taskToken: 'tok-pack' });
    const admin = rig.as('zhang', 'terminal-admin');
    const pack = (serialNumbers: string[]) => admin.post(`/cases/${caseId}/steps/order.pack/complete`, { fields: { serialNumbers, invoiceNo: 'INV-9' } });

    const tooFew = await pack(['SN-A', 'SN-B']);
    expect([tooFew.statusCode, errorOf(tooFew).message]).toEqual([400, 'body.fields.serialNumbers: must list 3 serial number(s), one per unit of a serialized item (P ×2, W ×1) (got 2)']);
    const twice = await pack(['SN-A', 'SN-B', 'SN-A']);
    expect([twice.statusCode, errorOf(twice).message]).toEqual([400, 'body.fields.serialNumbers[2]: "SN-A" is listed twice: each unit has its own serial number']);
    expect((await rig.repository.getStep({ caseId, step: 'order.pack' })).status).toBe('open');
    expect((await pack(['SN-A', 'SN-B', 'SN-C'])).statusCode).toBe(200);

    await createOpenStep(rig)({ caseId, caseType: 'order', step: 'order.crm-bind', taskToken: 'tok-bind' });
    const crm = rig.as('qian', 'crm-admin');
    const stranger = await crm.post(`/cases/${caseId}/steps/order.crm-bind/complete`, { fields: { bindings: [{ serial: 'SN-A', planId: 'PLAN-1' }, { serial: 'SN-Z', planId: 'PLAN-1' }] } });
    expect([stranger.statusCode, errorOf(stranger).message]).toEqual([400, 'body.fields.bindings[1].serial: "SN-Z" was not packed in this case (packed: SN-A, SN-B, SN-C)']);
    expect((await crm.post(`/cases/${caseId}/steps/order.crm-bind/complete`, { fields: { bindings: [{ serial: 'SN-C', planId: 'PLAN-1' }] } })).statusCode).toBe(200);
  });

  it('asks packing for one serial per unit of a serialized item only: a phone and its case take one, two phones two (issue 28 item 6)', async () => {
    const rig = staffRig(fresh(MONDAY_10));
    const admin = rig.as('zhang', 'terminal-admin');
    const packCase = async (items: Record<string, unknown>[]) => {
      const caseId = uniqueId('order');
      await rig.repository.createCase({ id: caseId, type: 'order', orderId: uniqueId('o'), openedAt: new Date(rig.clock.now()).toISOString(), data: { items } });
      await createOpenStep(rig)({ caseId, caseType: 'order', step: 'order.pack', taskToken: `tok-${caseId}` });
      return (serialNumbers: string[]) => admin.post(`/cases/${caseId}/steps/order.pack/complete`, { fields: { serialNumbers, invoiceNo: 'INV-1' } });
    };
    // The shipped policy's serialNumbers.serializedSkus ["PHONE-*", "PAD-*"] decides when the item does not say.
    const phoneAndCase = await packCase([{ sku: 'PHONE-A-128', name: '手机 A 128G', qty: 1, price: 2999 }, { sku: 'CASE-A', name: '手机壳', qty: 1, price: 49 }]);
    const invented = await phoneAndCase(['SN-1', 'SN-CASE']);
    expect([invented.statusCode, errorOf(invented).message]).toEqual([400, 'body.fields.serialNumbers: must list 1 serial number(s), one per unit of a serialized item (PHONE-A-128 ×1) (got 2)']);
    expect(errorOf(invented)).toMatchObject({ fields: [{ path: 'body.fields.serialNumbers', code: 'serial_count', expected: '1' }] });
    expect((await phoneAndCase(['SN-1'])).statusCode).toBe(200);

    const twoPhones = await packCase([{ sku: 'PHONE-A-128', name: '手机 A 128G', qty: 2, price: 2999 }, { sku: 'CASE-A', name: '手机壳', qty: 2, price: 49 }]);
    const one = await twoPhones(['SN-1']);
    expect([one.statusCode, errorOf(one).message]).toEqual([400, 'body.fields.serialNumbers: must list 2 serial number(s), one per unit of a serialized item (PHONE-A-128 ×2) (got 1)']);
    expect((await twoPhones(['SN-2', 'SN-3'])).statusCode).toBe(200);

    // The item's own `serialized` wins over the policy: a case marked serialized, a phone marked not.
    const itemSays = await packCase([{ sku: 'PHONE-A-128', name: '手机 A 128G', qty: 1, price: 2999, serialized: false }, { sku: 'CASE-A', name: '手机壳', qty: 1, price: 49, serialized: true }]);
    expect(errorOf(await itemSays([])).message).toBe('body.fields.serialNumbers: must list 1 serial number(s), one per unit of a serialized item (CASE-A ×1) (got 0)');
    // Accessories only: no serial at all.
    const accessories = await packCase([{ sku: 'CASE-A', name: '手机壳', qty: 3, price: 49 }]);
    const needless = await accessories(['SN-X']);
    expect([needless.statusCode, errorOf(needless).message]).toEqual([400, 'body.fields.serialNumbers: must list 0 serial number(s), one per unit of a serialized item (none: no item is serialized) (got 1)']);
    expect((await accessories([])).statusCode).toBe(200);
  });

  it('lets exactly one of N concurrent completions win: 1 × 200, N−1 × 409, one SendTaskSuccess', async () => {
    const rig = staffRig(fresh(MONDAY_10));
    const caseId = await rig.openCaseWithStep('order.pack');
    const N = 6;
    const responses = await Promise.all(
      Array.from({ length: N }, (_, i) => rig.as(`admin-${i}`, i % 2 ? 'terminal-admin' : 'supervisor').post(`/cases/${caseId}/steps/order.pack/complete`, { fields: packFields })),
    );
    const statuses = responses.map((r) => r.statusCode).sort();
    expect(statuses).toEqual([200, ...Array.from({ length: N - 1 }, () => 409)]);
    expect(responses.filter((r) => r.statusCode === 409).map((r) => errorOf(r).code)).toEqual(Array.from({ length: N - 1 }, () => 'StepNotOpen'));
    const winner = bodyOf(responses.find((r) => r.statusCode === 200)!);
    // The losers are told who completed it and when, in the policy's zone.
    for (const lost of responses.filter((r) => r.statusCode === 409)) expect(errorOf(lost).message).toContain(`(completed by ${String(winner.completedBy)} at ${String(winner.completedAt)})`);
    expect(rig.workflows.succeeded).toHaveLength(1);
    expect(rig.events.ofType('StepCompleted', caseId)).toHaveLength(1);
  });

  it('refuses a caller without the step\'s role with 403, and lets the supervisor act', async () => {
    const rig = staffRig(fresh(MONDAY_10));
    const caseId = await rig.openCaseWithStep('order.pack');
    const refused = await rig.as('li', 'ops-cs', 'picker').post(`/cases/${caseId}/steps/order.pack/complete`, { fields: packFields });
    expect(refused.statusCode).toBe(403);
    expect(errorOf(refused)).toMatchObject({ code: 'Forbidden', message: expect.stringContaining('terminal-admin or supervisor') });
    expect(await rig.repository.getStep({ caseId, step: 'order.pack' })).toMatchObject({ status: 'open' });
    expect((await rig.as('boss', 'supervisor').post(`/cases/${caseId}/steps/order.pack/pause`, { reason: 'waiting for stock' })).statusCode).toBe(200);
  });

  it('answers 404 CaseNotFound for a step of an unknown case, and StepNotFound for a step the case does not have', async () => {
    const rig = staffRig(fresh(MONDAY_10));
    const caseId = await rig.openCaseWithStep('order.pack');
    const unknownCase = await rig.as('zhang', 'terminal-admin').post(`/cases/${uniqueId('nope')}/steps/order.pack/complete`, { fields: packFields });
    expect([unknownCase.statusCode, errorOf(unknownCase).code]).toEqual([404, 'CaseNotFound']);
    const unknownStep = await rig.as('zhang', 'terminal-admin').post(`/cases/${caseId}/steps/order.dispatch/complete`, {});
    expect([unknownStep.statusCode, errorOf(unknownStep).code]).toEqual([404, 'StepNotFound']);
    const caseView = await rig.as('zhang', 'terminal-admin').get(`/cases/${uniqueId('nope')}`);
    expect([caseView.statusCode, errorOf(caseView).code]).toEqual([404, 'CaseNotFound']);
  });

  const invalidBodies: [string, string, unknown, string][] = [
    ['order.pack', 'no serial numbers', { fields: { serialNumbers: [], invoiceNo: 'INV-1' } }, 'body.fields.serialNumbers'],
    ['order.pack', 'no invoice number', { fields: { serialNumbers: ['SN-1'] } }, 'body.fields.invoiceNo'],
    ['order.pack', 'an outcome on a step without outcomes', { outcome: 'done', fields: packFields }, 'body.outcome'],
    ['order.pack', 'an unknown top-level field', { fields: packFields, note: 'x' }, 'body'],
    ['order.review', 'no outcome', {}, 'body.outcome: is required for order.review'],
    ['order.review', 'an outcome not in the catalogue', { outcome: 'maybe' }, 'body.outcome: must be one of confirmed, callback, cancelled'],
    ['order.dispatch', 'no tracking number', { fields: { carrier: 'SF' } }, 'body.fields.trackingNo'],
    ['order.crm-bind', 'bindings not a list', { fields: { bindings: 'none' } }, 'body.fields.bindings'],
    ['complaint.callback', 'a score of 6', { fields: { score: 6 } }, 'body.fields.score'],
    ['complaint.resolve', 'upheld without a remedy', { outcome: 'upheld' }, 'body.fields.remedy'],
  ];

  it.each(invalidBodies)('answers %s with %s with 400 naming the field, writing nothing', async (step, _label, body, field) => {
    const rig = staffRig(fresh(MONDAY_10));
    const caseId = await rig.openCaseWithStep(step, step.startsWith('complaint') ? 'complaint' : 'order');
    const response = await rig.as('boss', 'supervisor').post(`/cases/${caseId}/steps/${step}/complete`, body);
    expect(response.statusCode).toBe(400);
    expect(errorOf(response)).toMatchObject({ code: 'InvalidRequest', message: expect.stringContaining(field) });
    expect(await rig.repository.getStep({ caseId, step })).toMatchObject({ status: 'open' });
    expect(rig.workflows.succeeded).toEqual([]);
  });

  it('answers a body that is not JSON with 400 MalformedJson', async () => {
    const rig = staffRig(fresh(MONDAY_10));
    const caseId = await rig.openCaseWithStep('order.pack');
    const response = await rig.as('zhang', 'terminal-admin').post(`/cases/${caseId}/steps/order.pack/complete`, undefined, '{"fields": ');
    expect([response.statusCode, errorOf(response)]).toEqual([400, { code: 'MalformedJson', message: 'body: not valid JSON' }]);
  });

  it('pause stops the clock (warn/due timers cancelled, resume timer at until); resume moves the deadline by the paused time', async () => {
    const rig = staffRig(fresh(MONDAY_10));
    const caseId = await rig.openCaseWithStep('order.pack');
    expect(await rig.repository.getStep({ caseId, step: 'order.pack' })).toMatchObject({ due: '2025-03-03T03:00:00.000Z', warnAt: '2025-03-03T02:48:00.000Z' });

    await rig.clock.advanceTo('2025-03-03T10:10:00+08:00');
    const paused = await rig.as('zhang', 'terminal-admin').post(`/cases/${caseId}/steps/order.pack/pause`, { reason: 'customer asked to wait', until: '2025-03-03T10:40:00+08:00' });
    expect(paused.statusCode).toBe(200);
    expect(bodyOf(paused)).toMatchObject({ status: 'paused', pausedNow: { from: '2025-03-03T10:10:00+08:00', until: '2025-03-03T10:40:00+08:00', reason: 'customer asked to wait', by: 'zhang' } });
    expect(rig.timers.pending(caseId).map((t) => [t.payload.kind, t.fireAt])).toEqual([['resume', '2025-03-03T02:40:00.000Z']]);

    await rig.clock.advanceTo('2025-03-03T10:40:00+08:00');
    const resumed = await rig.as('zhang', 'terminal-admin').post(`/cases/${caseId}/steps/order.pack/resume`);
    expect(resumed.statusCode).toBe(200);
    expect(bodyOf(resumed)).toMatchObject({ status: 'open', due: '2025-03-03T11:30:00+08:00', warnAt: '2025-03-03T11:18:00+08:00', pausedNow: null });
    expect(rig.timers.pending(caseId).map((t) => [t.payload.kind, t.fireAt])).toEqual([
      ['warn', '2025-03-03T03:18:00.000Z'],
      ['due', '2025-03-03T03:30:00.000Z'],
    ]);
    expect(rig.events.typesFor(caseId)).toEqual(['StepOpened', 'StepPaused', 'StepResumed']);
  });

  it('refuses pausing twice, resuming a running step and a pause until the past with 409/409/400', async () => {
    const rig = staffRig(fresh(MONDAY_10));
    const caseId = await rig.openCaseWithStep('order.pack');
    const staff = rig.as('zhang', 'terminal-admin');
    const notPaused = await staff.post(`/cases/${caseId}/steps/order.pack/resume`);
    expect([notPaused.statusCode, errorOf(notPaused).code]).toEqual([409, 'StepNotPaused']);
    const past = await staff.post(`/cases/${caseId}/steps/order.pack/pause`, { reason: 'x', until: '2025-03-03T09:00:00+08:00' });
    expect([past.statusCode, errorOf(past).message]).toEqual([400, expect.stringContaining('body.until: must be in the future')]);
    const noReason = await staff.post(`/cases/${caseId}/steps/order.pack/pause`, {});
    expect([noReason.statusCode, errorOf(noReason).message]).toEqual([400, 'body.reason: is required']);
    expect((await staff.post(`/cases/${caseId}/steps/order.pack/pause`, { reason: 'x' })).statusCode).toBe(200);
    const twice = await staff.post(`/cases/${caseId}/steps/order.pack/pause`, { reason: 'again' });
    expect([twice.statusCode, errorOf(twice).code]).toEqual([409, 'StepAlreadyPaused']);
  });
});
