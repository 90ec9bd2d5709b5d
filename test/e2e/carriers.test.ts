import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderPlaced } from '../support/orders.ts';
import { confirmedChecklist } from '../support/checklists.ts';
import { MINUTE, TestPlatform } from './platform.ts';

// Carriers (service-standards.md §12), seed §2.4.4 l.296: "我们默认使用发货速度最快的顺丰,并且对宝贝
// 进行保价。如果顺丰不到的地方则使用EMS邮政速递" and l.298–300: asked for 申通 or another courier,
// the store sends EMS instead — on the real runtime, through the staff API and the order workflow.
let platform: TestPlatform;
/** Monday 2026-11-30, 09:05 in Shanghai: every role is on duty. */
const MONDAY_0905 = '2026-11-30T09:05:00+08:00';

beforeAll(async () => {
  platform = await TestPlatform.start(MONDAY_0905);
}, 120_000);
afterAll(() => platform.stop());

let orders = 0;

/** Places a paid order and completes it up to its dispatch. */
async function orderReadyToDispatch(): Promise<string> {
  const { caseId } = await platform.storefront('order.placed', orderPlaced(`SO-CARRIER-${++orders}`, platform.clock.now()));
  await platform.complete(platform.staff('olivia', ['ops-cs']), caseId!, 'order.review', { outcome: 'confirmed', fields: confirmedChecklist('order.review', 'confirmed') });
  await platform.complete(platform.staff('tom', ['terminal-admin']), caseId!, 'order.pack', { fields: { serialNumbers: [`SN-${caseId}`], invoiceNo: 'INV-1' } });
  await platform.complete(platform.staff('carl', ['crm-admin']), caseId!, 'order.crm-bind', { fields: { bindings: [{ serial: `SN-${caseId}`, planId: 'PLAN-5G' }] } });
  await platform.advance(MINUTE);
  expect(await platform.openSteps(caseId!)).toEqual(['order.dispatch']);
  return caseId!;
}

describe('carriers at order.dispatch (seed l.296–300)', () => {
  it('refuses a courier the policy does not list (申通 STO) with 400 naming body.fields.carrier, and leaves the dispatch open', async () => {
    const caseId = await orderReadyToDispatch();
    const answer = await platform.staff('pia', ['picker']).complete(caseId, 'order.dispatch', { fields: { carrier: 'STO', trackingNo: 'STO-1' } });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error: { code: 'InvalidRequest', message: expect.stringMatching(/^body\.fields\.carrier: "STO" is not one of the store's carriers: SF \(顺丰速运\), EMS/) } });
    expect(await platform.openSteps(caseId)).toEqual(['order.dispatch']);
  });

  it('dispatches with SF, the default, and records the parcel as insured (保价) on the step; the order goes on to the pickup', async () => {
    const caseId = await orderReadyToDispatch();
    await platform.complete(platform.staff('pia', ['picker']), caseId, 'order.dispatch', { fields: { carrier: 'SF', trackingNo: 'SF100' } });
    const dispatch = (await platform.view(caseId)).steps.find((s) => s.step === 'order.dispatch');
    expect(dispatch).toMatchObject({ status: 'completed', fields: { carrier: 'SF', trackingNo: 'SF100', insured: true } });
    expect(await platform.openSteps(caseId)).toEqual(['order.pickup']);
  });

  it('dispatches with EMS where SF does not deliver, recorded as the policy says (not insured by default)', async () => {
    const caseId = await orderReadyToDispatch();
    await platform.complete(platform.staff('pia', ['picker']), caseId, 'order.dispatch', { fields: { carrier: 'EMS', trackingNo: 'EMS100' } });
    const dispatch = (await platform.view(caseId)).steps.find((s) => s.step === 'order.dispatch');
    expect(dispatch).toMatchObject({ fields: { carrier: 'EMS', trackingNo: 'EMS100', insured: false } });
  });

  it('does not let the caller set the insured flag itself (400 naming body.fields)', async () => {
    const caseId = await orderReadyToDispatch();
    const answer = await platform.staff('pia', ['picker']).complete(caseId, 'order.dispatch', { fields: { carrier: 'EMS', trackingNo: 'EMS101', insured: true } });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error: { code: 'InvalidRequest', message: expect.stringContaining('body.fields') } });
  });

  it('lists the carriers in GET /policy for the console, labelled in zh and en', async () => {
    const answer = await platform.staff('pia', ['picker']).call<{ carriers: unknown[] }>('GET', '/policy');
    expect(answer.status).toBe(200);
    expect(answer.body.carriers).toEqual([
      { id: 'SF', label: { zh: '顺丰速运', en: 'SF Express' }, default: true, insured: true, note: 'default; every parcel insured (保价)' },
      { id: 'EMS', label: { zh: 'EMS 邮政速递', en: 'EMS (China Post Express)' }, default: false, insured: false, note: 'where SF does not deliver' },
    ]);
  });
});
