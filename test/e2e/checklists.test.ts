import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderPlaced } from '../support/orders.ts';
import { confirmedChecklist } from '../support/checklists.ts';
import { HOUR, TestPlatform } from './platform.ts';

// Call checklists (service-standards.md §12) on the real runtime, through the staff API:
// §3.1 l.348 the review call checks contact, recipient, goods and delivery method; §3.2 l.426 a paid
// cancellation also the payment account; §4.1 l.480/§4.2 l.544 a return or exchange call checks contact,
// returner, goods and reason, and §4.1 l.492 a quality claim needs photos and "not man-made".
let platform: TestPlatform;
const MONDAY_0905 = '2026-11-30T09:05:00+08:00';
const opsCs = () => platform.staff('olivia', ['ops-cs']);
let orders = 0;

beforeAll(async () => {
  platform = await TestPlatform.start(MONDAY_0905);
}, 120_000);
afterAll(() => platform.stop());

async function placeOrder(): Promise<{ caseId: string; orderId: string }> {
  const orderId = `SO-CHECK-${++orders}`;
  const { caseId } = await platform.storefront('order.placed', orderPlaced(orderId, platform.clock.now()));
  return { caseId: caseId!, orderId };
}

const messageOf = (body: unknown) => (body as { error: { message: string } }).error.message;

describe('call checklists', () => {
  it('refuses a confirmed review without its checklist, or with a point neither confirmed nor corrected, naming the point, and leaves the review open', async () => {
    const { caseId } = await placeOrder();
    const none = await opsCs().complete(caseId, 'order.review', { outcome: 'confirmed' });
    expect([none.status, messageOf(none.body)]).toEqual([400, 'body.fields.checklist: is required: confirm or correct contact, recipient, goods, deliveryMethod']);
    const partial = await opsCs().complete(caseId, 'order.review', { outcome: 'confirmed', fields: { checklist: { contact: { status: 'confirmed' }, recipient: { status: 'corrected' }, goods: { status: 'confirmed' } } } });
    expect([partial.status, messageOf(partial.body)]).toEqual([400, 'body.fields.checklist.recipient.value: expected the corrected value as text; body.fields.checklist.deliveryMethod: confirm or correct this point']);
    expect(await platform.openSteps(caseId)).toEqual(['order.review']);
  });

  it('records a review\'s points, a corrected one with its value, on the step and as a timeline entry in words', async () => {
    const { caseId } = await placeOrder();
    const checklist = { contact: { status: 'confirmed' }, recipient: { status: 'corrected', value: '李四' }, goods: { status: 'confirmed' }, deliveryMethod: { status: 'confirmed' } };
    await platform.complete(opsCs(), caseId, 'order.review', { outcome: 'confirmed', fields: { checklist } });
    const view = await platform.view(caseId);
    expect(view.steps.find((s) => s.step === 'order.review')?.fields).toEqual({ checklist });
    expect(view.timeline.find((e) => e.kind === 'checklist')).toMatchObject({ step: 'order.review', by: 'olivia', detail: { outcome: 'confirmed', text: '联系方式 confirmed; 收货人 corrected: 李四; 商品 confirmed; 配送方式 confirmed' } });
    expect(await platform.openSteps(caseId)).toEqual(['order.pack']);
  });

  it('needs no checklist when the customer asks to be called back', async () => {
    const { caseId } = await placeOrder();
    await platform.complete(opsCs(), caseId, 'order.review', { outcome: 'callback' });
    expect(await platform.openSteps(caseId)).toEqual(['order.review']);
    const refused = await opsCs().complete(caseId, 'order.review', { outcome: 'cancelled', fields: { checklist: {} } });
    expect([refused.status, messageOf(refused.body)]).toEqual([400, 'body.fields.checklist: order.review (cancelled) has no checklist; leave it out']);
  });

  it('asks a paid order\'s cancellation call for the payment account too (§3.2)', async () => {
    const { orderId } = await placeOrder();
    const { caseId } = await platform.storefront('order.cancel-requested', { orderId, reason: '不想要了' });
    const without = await opsCs().complete(caseId!, 'cancel.verify', { outcome: 'confirmed', fields: { checklist: { contact: { status: 'confirmed' }, goods: { status: 'confirmed' } } } });
    expect([without.status, messageOf(without.body)]).toEqual([400, 'body.fields.checklist.paymentAccount: confirm or correct this point']);
    await platform.complete(opsCs(), caseId!, 'cancel.verify', { outcome: 'confirmed', fields: { checklist: { contact: { status: 'confirmed' }, goods: { status: 'confirmed' }, paymentAccount: { status: 'corrected', value: '中国银行 6217 **** 0001' } } } });
    expect((await platform.view(caseId!)).steps.find((s) => s.step === 'cancel.verify')?.status).toBe('completed');
  });

  it('asks a quality return for 1–9 photos and "not man-made" besides contact, returner, goods and reason (§4.1 l.492)', async () => {
    const { caseId: orderCase, orderId } = await placeOrder();
    await platform.complete(opsCs(), orderCase, 'order.review', { outcome: 'confirmed', fields: confirmedChecklist('order.review', 'confirmed') });
    await platform.storefront('order.delivered', { orderId, deliveredAt: new Date(platform.clock.now()).toISOString() });
    await platform.advance(HOUR);
    const { caseId } = await platform.storefront('order.return-requested', { orderId, reason: '质量问题' });
    const points = confirmedChecklist('return.verify', 'insist');
    const noPhotos = await opsCs().complete(caseId!, 'return.verify', { outcome: 'quality', fields: points });
    expect([noPhotos.status, messageOf(noPhotos.body)]).toEqual([400, 'body.fields.evidence: is required']);
    const tooMany = await opsCs().complete(caseId!, 'return.verify', { outcome: 'quality', fields: { ...points, evidence: { photos: Array.from({ length: 10 }, (_, i) => `P${i}`), notManMade: false } } });
    expect([tooMany.status, messageOf(tooMany.body)]).toEqual([400, 'body.fields.evidence.photos: at most 9 photos; body.fields.evidence.notManMade: confirm that the fault is not man-made (非人为), or choose the outcome damage']);
    await platform.complete(opsCs(), caseId!, 'return.verify', { outcome: 'quality', fields: { ...points, evidence: { photos: ['IMG-1.jpg', 'IMG-2.jpg'], notManMade: true } } });
    const entry = (await platform.view(caseId!)).timeline.find((e) => e.kind === 'checklist');
    expect(entry?.detail?.text).toBe('联系方式 confirmed; 退货人 confirmed; 商品 confirmed; 原因 confirmed; 照片 IMG-1.jpg, IMG-2.jpg; 非人为 confirmed');
  });
});
