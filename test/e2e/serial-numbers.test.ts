import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confirmedChecklist } from '../support/checklists.ts';
import { orderPlaced } from '../support/orders.ts';
import { MINUTE, TestPlatform } from './platform.ts';

// Issue 28 item 6 on the real runtime with a virtual clock: packing takes one serial (串号) per unit
// of a serialized item, none for an accessory, as the shipped policy's serializedSkus decide.
let platform: TestPlatform;
/** Monday 2026-11-30, 09:05 in Shanghai: every role is on duty. */
const MONDAY_0905 = '2026-11-30T09:05:00+08:00';

beforeAll(async () => {
  platform = await TestPlatform.start(MONDAY_0905);
}, 120_000);
afterAll(() => platform.stop());

const terminalAdmin = () => platform.staff('tom', ['terminal-admin']);

async function reviewedOrder(orderId: string, items: Record<string, unknown>[]): Promise<string> {
  const { status, caseId } = await platform.storefront('order.placed', { ...orderPlaced(orderId, platform.clock.now()), items });
  expect(status).toBe(202);
  await platform.advance(2 * MINUTE);
  await platform.complete(platform.staff('olivia', ['ops-cs']), caseId!, 'order.review', { outcome: 'confirmed', fields: confirmedChecklist('order.review', 'confirmed') });
  return caseId!;
}

describe('serial numbers at packing, per serialized unit', () => {
  it('packs a phone and its case with one serial, refusing an invented serial for the case, and binds the phone', async () => {
    const caseId = await reviewedOrder('SO-SN-1', [
      { sku: 'PHONE-A-128', name: '手机 A 128G', qty: 1, price: 2999 },
      { sku: 'CASE-CLEAR', name: '透明手机壳', qty: 1, price: 49 },
    ]);
    const invented = await terminalAdmin().complete(caseId, 'order.pack', { fields: { serialNumbers: ['SN-PHONE', 'SN-CASE'], invoiceNo: 'INV-1' } });
    expect(invented.status).toBe(400);
    expect(invented.body).toMatchObject({ error: { fields: [{ path: 'body.fields.serialNumbers', code: 'serial_count', expected: '1' }] } });
    expect(await platform.openSteps(caseId)).toEqual(['order.pack']);

    await platform.complete(terminalAdmin(), caseId, 'order.pack', { fields: { serialNumbers: ['SN-PHONE'], invoiceNo: 'INV-1' } });
    await platform.complete(platform.staff('carl', ['crm-admin']), caseId, 'order.crm-bind', { fields: { bindings: [{ serial: 'SN-PHONE', planId: 'PLAN-5G' }] } });
    expect(await platform.openSteps(caseId)).toEqual(['order.dispatch']);
  }, 60_000);

  it('asks two phones for two serials', async () => {
    const caseId = await reviewedOrder('SO-SN-2', [{ sku: 'PHONE-B-256', name: '手机 B 256G', qty: 2, price: 5999 }]);
    const one = await terminalAdmin().complete(caseId, 'order.pack', { fields: { serialNumbers: ['SN-1'], invoiceNo: 'INV-2' } });
    expect([one.status, (one.body as { error: { message: string } }).error.message]).toEqual([
      400,
      'body.fields.serialNumbers: must list 2 serial number(s), one per unit of a serialized item (PHONE-B-256 ×2) (got 1)',
    ]);
    await platform.complete(terminalAdmin(), caseId, 'order.pack', { fields: { serialNumbers: ['SN-1', 'SN-2'], invoiceNo: 'INV-2' } });
    expect(await platform.openSteps(caseId)).toEqual(['order.crm-bind']);
  }, 60_000);
});
