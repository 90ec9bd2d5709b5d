/**
 * The shop and its customers: orders arrive over the day (some unpaid, some cancelled soon after),
 * parcels are delivered a day or two after the courier took them, a few customers return,
 * exchange or complain, returned goods arrive, payment channels settle refunds, and the warehouse
 * raises stock alerts. Everything reaches the platform as signed webhooks; what the platform does
 * comes back as bus events, to which the shop reacts as the real one would.
 */
import type { Agenda } from './agenda.ts';
import { arrivalTimes } from './arrivals.ts';
import type { TappedEvent } from './event-tap.ts';
import type { PlatformClient } from './platform-client.ts';
import type { Random } from './random.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const CHANNELS = [['alipay', 60], ['bank-card', 30], ['boc', 10]] as const;
const PRODUCTS = [
  { sku: 'PHONE-A-128', name: '手机 A 128G', price: 2999 },
  { sku: 'PHONE-A-256', name: '手机 A 256G', price: 3499 },
  { sku: 'PHONE-B-256', name: '手机 B 256G', price: 5999 },
  { sku: 'PAD-C-64', name: '平板 C 64G', price: 2299 },
] as const;
/** An accessory: no serial number at packing (the policy's serialNumbers.serializedSkus names devices only). */
const ACCESSORY = { sku: 'CASE-CLEAR', name: '透明手机壳', price: 49 } as const;
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周'];
const CITIES = ['上海市浦东新区', '北京市朝阳区', '广州市天河区', '深圳市南山区', '杭州市西湖区', '成都市武侯区'];

export interface StoreDayOptions {
  agenda: Agenda;
  client: PlatformClient;
  random: Random;
  /** Start of the store day (epoch ms, 00:00 in Shanghai). */
  dayStart: number;
  orders: number;
  /** Shares of orders; the rest are paid at once and go through. */
  unpaidShare?: number;
  cancelShare?: number;
  returnShare?: number;
  exchangeShare?: number;
  complaintShare?: number;
  /** Stock alerts during the day. */
  stockAlerts?: number;
}

export interface StoreTally {
  sent: Record<string, number>;
  /** Webhooks the platform refused, by status (a 409 for a cancellation after the handover is expected). */
  refused: Record<string, number>;
}

export class StoreDay {
  readonly tally: StoreTally = { sent: {}, refused: {} };
  private readonly orderOfCase = new Map<string, { orderId: string; channel: string }>();
  private readonly channelOfOrder = new Map<string, string>();
  private counter = 0;

  constructor(private readonly o: StoreDayOptions) {}

  /** Puts the day's orders, complaints without an order and stock alerts on the agenda. */
  open(): void {
    const { random, agenda, dayStart } = this.o;
    for (const at of arrivalTimes(this.o.orders, dayStart, random)) agenda.at(at, () => this.placeOrder());
    for (let i = 0; i < Math.round(this.o.orders / 100); i++) agenda.at(dayStart + random.between(8, 22) * HOUR, () => this.complain(undefined));
    for (let i = 0; i < (this.o.stockAlerts ?? 6); i++) {
      const product = PRODUCTS[random.int(0, PRODUCTS.length - 1)]!;
      const out = random.chance(0.3);
      agenda.at(dayStart + random.between(7, 23) * HOUR, () => this.send(out ? 'stock.out' : 'stock.low', { sku: product.sku, available: out ? 0 : random.int(1, 9) }));
    }
  }

  /** Reacts to one event of the bus. */
  react(event: TappedEvent): void {
    if (event['detail-type'] === 'StepOpened') this.onStepOpened(event.detail);
  }

  private onStepOpened(detail: Record<string, unknown>): void {
    const { random, agenda } = this.o;
    const caseId = detail.caseId as string;
    const now = agenda.clock.now();
    switch (detail.step) {
      case 'order.delivery': {
        const order = this.orderOfCase.get(caseId);
        if (!order) return; // a reship or an exchange's parcel: the storefront knows no order of its own for it
        agenda.at(now + random.between(18, 52) * HOUR, async () => {
          await this.send('order.delivered', { orderId: order.orderId, deliveredAt: this.nowIso() });
          this.afterDelivery(order.orderId);
        });
        return;
      }
      case 'return.receive':
      case 'exchange.receive':
        agenda.at(now + random.between(4, 50) * HOUR, () => this.send('goods.received', { caseId, receivedAt: this.nowIso() }));
        return;
      case 'refund.settle': {
        const channel = this.channelOf(caseId);
        const hours = channel === 'alipay' ? (random.chance(0.9) ? random.between(0.2, 6) : random.between(20, 40)) : random.between(20, 100);
        agenda.at(now + hours * HOUR, () => this.send('refund.settled', { caseId, settledAt: this.nowIso() }));
        return;
      }
    }
  }

  /**
   * The payment channel of the order a cancellation or return case (`<type>-<orderId>-<hash>`, or
   * `cancellation-of-order-<orderId>` for a paid order cancelled at review) is about.
   */
  private channelOf(caseId: string): string {
    const orderId = /-of-order-(.+)$/.exec(caseId)?.[1] ?? caseId.split('-')[1] ?? '';
    return this.channelOfOrder.get(orderId) ?? 'alipay';
  }

  private async placeOrder(): Promise<void> {
    const { random, agenda } = this.o;
    const orderId = `SO${String(++this.counter).padStart(5, '0')}`;
    const channel = random.weighted(CHANNELS);
    const paid = !random.chance(this.o.unpaidShare ?? 0.12);
    const product = PRODUCTS[random.int(0, PRODUCTS.length - 1)]!;
    const answer = await this.send('order.placed', {
      orderId,
      placedAt: this.nowIso(),
      paid,
      customer: { name: `${SURNAMES[random.int(0, SURNAMES.length - 1)]}${random.weighted([['先生', 1], ['女士', 1]])}`, phone: `13${random.int(100000000, 999999999)}` },
      address: CITIES[random.int(0, CITIES.length - 1)]!,
      // Every third order adds a case: packing takes one serial for the device, none for the case.
      items: [{ sku: product.sku, name: product.name, qty: 1, price: product.price }, ...(this.counter % 3 === 0 ? [{ ...ACCESSORY, qty: 1 }] : [])],
      paymentChannel: channel,
    });
    if (answer === undefined) return;
    this.orderOfCase.set(answer, { orderId, channel });
    this.channelOfOrder.set(orderId, channel);
    const now = agenda.clock.now();
    if (!paid) {
      // Most pay within the hour, some the next morning after a reminder, some never.
      const when = random.weighted([['soon', 55], ['next-day', 20], ['never', 25]] as const);
      if (when !== 'never') agenda.at(when === 'soon' ? now + random.between(3, 50) * MINUTE : now + random.between(24, 28) * HOUR, () => this.send('order.paid', { orderId, paidAt: this.nowIso() }));
    }
    if (random.chance(this.o.cancelShare ?? 0.05)) agenda.at(now + random.between(15, 240) * MINUTE, () => this.send('order.cancel-requested', { orderId, reason: '不想要了 changed my mind' }));
  }

  private afterDelivery(orderId: string): void {
    const { random, agenda } = this.o;
    const later = (): number => agenda.clock.now() + random.between(2, 30) * HOUR;
    const roll = random.next();
    const returns = this.o.returnShare ?? 0.04;
    const exchanges = this.o.exchangeShare ?? 0.03;
    const complaints = this.o.complaintShare ?? 0.03;
    if (roll < returns) agenda.at(later(), () => this.send('order.return-requested', { orderId, reason: '七天无理由 no-reason return' }));
    else if (roll < returns + exchanges) agenda.at(later(), () => this.send('order.exchange-requested', { orderId, reason: '颜色不喜欢 wants another colour' }));
    else if (roll < returns + exchanges + complaints) agenda.at(later(), () => this.complain(orderId));
  }

  private async complain(orderId: string | undefined): Promise<void> {
    const { random } = this.o;
    await this.send('complaint.filed', {
      complaintId: `CP${String(++this.counter).padStart(5, '0')}`,
      ...(orderId ? { orderId } : {}),
      customer: { name: `${SURNAMES[random.int(0, SURNAMES.length - 1)]}女士`, phone: `13${random.int(100000000, 999999999)}` },
      ...complaintText(random.weighted([['快递太慢 the delivery was slow', 2], ['客服态度差 rude service', 1], ['发票开错 wrong invoice', 1]])),
    });
  }

  /** Posts one webhook; returns the case id it named, or undefined when refused. */
  private async send(type: string, data: Record<string, unknown>): Promise<string | undefined> {
    this.tally.sent[type] = (this.tally.sent[type] ?? 0) + 1;
    const answer = await this.o.client.storefront(type, data);
    if (answer.status === 202 || answer.status === 200) return answer.body.caseId as string | undefined;
    const key = `${type} ${answer.status}`;
    this.tally.refused[key] = (this.tally.refused[key] ?? 0) + 1;
    if (answer.status >= 500) throw new Error(`${type}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return undefined;
  }

  private nowIso(): string {
    return new Date(this.o.agenda.clock.now()).toISOString();
  }
}

/** A complaint's text with the category the storefront files it under (§12 "Complaint kinds"). */
function complaintText(text: string): { text: string; category: string } {
  return { text, category: text.startsWith('快递') ? 'logistics' : text.startsWith('客服') ? 'attitude' : 'other' };
}
