import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { noticePolicyFile } from '../support/notice-policy.ts';
import { orderPlaced } from '../support/orders.ts';
import { StorefrontReceiver } from '../support/storefront-receiver.ts';
import { HOUR, MINUTE, TestPlatform } from './platform.ts';

// Customer notices (service-standards.md §12) on the real runtime with a virtual clock, posted to a
// real HTTP storefront that verifies X-Platform-Signature exactly as the platform verifies inbound
// webhooks. Seed lines are read from the seed itself, so a template that drifts from it fails.
const SEED = readFileSync('/work/shared/seed/000_2190f300a3226749.txt', 'utf8').split('\n');
/** §2.4.1 l.202, the agent's words after the review call, without the speaker's "S:". */
const L202 = SEED[201]!.replace(/^S:/, '');
/** §2.4.1 l.222, the refund line, without its heading "退款". */
const L222 = SEED[221]!.replace(/^退款/, '');
const SECRET_VAR = 'E2E_NOTICE_SECRET';
const SECRET = 'whsec_notices_e2e_0123456789';

let platform: TestPlatform | undefined;
let receiver: StorefrontReceiver | undefined;
afterEach(async () => {
  await platform?.stop();
  await receiver?.close();
  platform = receiver = undefined;
  delete process.env[SECRET_VAR];
});

/** The platform with a policy whose notices go to a fresh receiver. */
async function start(at: string): Promise<{ p: TestPlatform; r: StorefrontReceiver }> {
  const holder: { p?: TestPlatform } = {};
  receiver = await StorefrontReceiver.start(SECRET, () => holder.p?.clock.now() ?? Date.now());
  process.env[SECRET_VAR] = SECRET;
  platform = holder.p = await TestPlatform.start(at, { policyPath: noticePolicyFile(receiver.url, SECRET_VAR) });
  return { p: platform, r: receiver };
}

async function deadNotices(p: TestPlatform): Promise<unknown> {
  const answer = await p.staff('sam', ['supervisor']).call<{ deadNotices: unknown }>('GET', '/board');
  expect(answer.status).toBe(200);
  return answer.body.deadNotices;
}

const ops = (p: TestPlatform) => p.staff('olivia', ['ops-cs']);
const handler = (p: TestPlatform) => p.staff('hana', ['complaint-handler']);

async function reviewedOrder(p: TestPlatform, orderId: string): Promise<string> {
  const { caseId } = await p.storefront('order.placed', orderPlaced(orderId, p.clock.now()));
  await p.advance(5 * MINUTE);
  await p.complete(ops(p), caseId!, 'order.review', { outcome: 'confirmed' });
  return caseId!;
}

describe('customer notices', () => {
  it('tells the planned ship time after the review in the words of §2.4.1 l.202 ("您的货品将在XXX时由顺丰快递寄出"), signed, and the case timeline shows it sent', async () => {
    const { p, r } = await start('2026-11-30T09:05:00+08:00');
    const caseId = await reviewedOrder(p, 'SO-NOTICE-1');

    // Ready at 09:05: the 13:00 batch (§2 pickup windows).
    const text = L202.replace('XXX', '11月30日 13:00');
    const notices = p.bus.forCase('CustomerNotice', caseId);
    expect(notices.map((e) => e.detail)).toEqual([{ noticeId: `${caseId}:ship-time`, kind: 'ship-time', caseId, orderId: 'SO-NOTICE-1', text, at: expect.any(String) }]);
    expect(r.posts).toEqual([expect.objectContaining({ status: 204, body: notices[0]!.detail })]);
    const entry = (await p.view(caseId)).timeline.find((t) => t.kind === 'notice.sent');
    expect(entry).toMatchObject({ detail: { notice: 'ship-time', text } });
  }, 120_000);

  it('tells a cancelled paid order "亲,已经退款,请留意查收" (§2.4.1 l.222) as soon as the refund goes to the payment platform', async () => {
    const { p, r } = await start('2026-11-30T09:05:00+08:00');
    await p.storefront('order.placed', orderPlaced('SO-NOTICE-2', p.clock.now()));
    const { caseId } = await p.storefront('order.cancel-requested', { orderId: 'SO-NOTICE-2', reason: '不想要了' });
    await p.complete(ops(p), caseId!, 'cancel.verify', { outcome: 'confirmed' });

    const refund = r.accepted().filter((n) => n.kind === 'refund-sent');
    expect(refund).toEqual([expect.objectContaining({ caseId, orderId: 'SO-NOTICE-2', text: L222.replace('xxxxx店', '广西移动商城') })]);
  }, 120_000);

  it('tells a returning customer "已经退款" only once the goods passed inspection (§5 "货到后…退款"), not when the refund is requested at confirmation', async () => {
    const { p, r } = await start('2026-11-30T09:05:00+08:00');
    await reviewedOrder(p, 'SO-NOTICE-R');
    await p.storefront('order.delivered', { orderId: 'SO-NOTICE-R', deliveredAt: new Date(p.clock.now()).toISOString() });
    const { caseId } = await p.storefront('order.return-requested', { orderId: 'SO-NOTICE-R', reason: '不想要了' });
    await p.complete(ops(p), caseId!, 'return.verify', { outcome: 'insist' });
    await p.complete(ops(p), caseId!, 'return.refund');
    await p.complete(p.staff('carl', ['crm-admin']), caseId!, 'return.crm-unbind', { fields: { deductedAmount: 0 } });
    expect(p.bus.forCase('RefundRequested', caseId!)).toHaveLength(1);
    expect(r.accepted().filter((n) => n.kind === 'refund-sent')).toEqual([]);

    await p.storefront('goods.received', { caseId, receivedAt: new Date(p.clock.now()).toISOString() });
    await p.complete(p.staff('ivan', ['inventory-admin']), caseId!, 'return.inspect', { outcome: 'passed' });
    expect(r.accepted().filter((n) => n.kind === 'refund-sent')).toEqual([expect.objectContaining({ caseId, orderId: 'SO-NOTICE-R', text: L222.replace('xxxxx店', '广西移动商城') })]);
  }, 120_000);

  it('tells a complainant the complaint was received and, after complaint.resolve, that it was resolved (§4.3: 有回音、有结果)', async () => {
    const { p, r } = await start('2026-11-30T10:00:00+08:00');
    const { caseId } = await p.storefront('complaint.filed', { complaintId: 'C-NOTICE', orderId: 'SO-C', customer: { name: '王芳', phone: '13700000000' }, text: '快递太慢' });
    expect(r.accepted().map((n) => n.kind)).toEqual(['complaint-received']);
    // l.608: "前一晚及当日的投诉留言,致电客户进行详细调查" — the customer is told of the call today.
    expect(r.accepted()[0]!.text).toContain('在当天致电您进行详细调查');
    await p.complete(handler(p), caseId!, 'complaint.acknowledge');
    await p.complete(handler(p), caseId!, 'complaint.investigate');
    expect(r.accepted()).toHaveLength(1);
    await p.complete(handler(p), caseId!, 'complaint.resolve', { outcome: 'upheld', fields: { remedy: 'compensation' } });
    expect(r.accepted().map((n) => [n.kind, n.caseId])).toEqual([
      ['complaint-received', caseId],
      ['complaint-resolved', caseId],
    ]);
    expect(r.accepted()[1]!.text).toContain('已经处理完毕');
  }, 120_000);

  it('retries a notice the storefront refuses (wrong secret, then a signature too old for its clock) with back-off of 1, 2, 4 minutes, and delivers it once the storefront takes it', async () => {
    const { p, r } = await start('2026-11-30T09:05:00+08:00');
    r.secret = 'whsec_the_storefront_rotated_it';
    const caseId = await reviewedOrder(p, 'SO-NOTICE-3');
    const sentAt = p.clock.now();
    expect(r.posts.map((x) => [x.status, x.error])).toEqual([[401, 'SignatureMismatch']]);

    await p.advance(MINUTE + 30_000);
    expect(r.posts.map((x) => x.error)).toEqual(['SignatureMismatch', 'SignatureMismatch']);
    r.secret = SECRET;
    r.skewMs = 10 * MINUTE;
    await p.advance(2 * MINUTE);
    expect(r.posts.map((x) => x.error)).toEqual(['SignatureMismatch', 'SignatureMismatch', 'SignatureExpired']);
    expect((await p.view(caseId)).timeline.some((t) => t.kind === 'notice.sent')).toBe(false);

    r.skewMs = 0;
    await p.advance(4 * MINUTE);
    expect(r.posts.map((x) => [x.status, Math.round((x.at - sentAt) / MINUTE)])).toEqual([
      [401, 0],
      [401, 1],
      [401, 3],
      [204, 7],
    ]);
    expect(r.accepted()).toHaveLength(1);
    await p.advance(HOUR);
    expect(r.posts).toHaveLength(4);
    expect((await p.view(caseId)).timeline.filter((t) => t.kind === 'notice.sent')).toHaveLength(1);
  }, 120_000);

  it('dead-letters a notice the storefront has not taken for 24 hours, lists it on the supervisor board and the case timeline, and tries no more', async () => {
    const { p, r } = await start('2026-11-30T09:05:00+08:00');
    r.down = true;
    const caseId = await reviewedOrder(p, 'SO-NOTICE-4');
    await p.advance(23 * HOUR);
    const tries = r.posts.length;
    // 1 min doubling to 1 h: 1, 2, 4, 8, 16, 32 min, then hourly.
    expect(tries).toBeGreaterThan(20);
    expect(tries).toBeLessThan(30);
    expect(await deadNotices(p)).toEqual({ count: 0, notices: [] });

    await p.advance(2 * HOUR);
    const board = await deadNotices(p);
    expect(board).toMatchObject({ count: 1, notices: [{ noticeId: `${caseId}:ship-time`, kind: 'ship-time', caseId, orderId: 'SO-NOTICE-4', reason: expect.stringContaining('HTTP 503') }] });
    expect((await p.view(caseId)).timeline.find((t) => t.kind === 'notice.dead-lettered')).toMatchObject({ detail: { notice: 'ship-time' } });
    const after = r.posts.length;
    r.down = false;
    await p.advance(3 * HOUR);
    expect(r.posts).toHaveLength(after);
  }, 300_000);
});
