/**
 * The demo's pre-sale order, backorder and stock follow-through (service-standards.md §12): one
 * pre-sale order placed at 10:00 that ships from the next day's 09:00 (seed l.270 "发货会从**月**日后
 * 根据下单先后进行发货"), one backorder of a SKU out of stock that `stock.received` releases the
 * next morning (seed l.322 "如果亲不急的话可以先下单,我们到时给您发货"), and the warehouse's
 * `stock.received` some hours after each stock-out, which clears its tags. What happened is read back
 * from the platform (the cases' steps) for the report.
 */
import type { Agenda } from './agenda.ts';
import type { TappedEvent } from './event-tap.ts';
import type { PlatformClient, StaffSession } from './platform-client.ts';
import type { Random } from './random.ts';

const HOUR = 3_600_000;
/** A model not in stock on the store day: its orders are taken as backorders. */
const NEW_MODEL = { sku: 'PHONE-E-512', name: '手机 E 512G 新品', price: 6999 } as const;
const PRESALE_MODEL = { sku: 'PHONE-F-256', name: '手机 F 256G 预售', price: 4599 } as const;

export interface ShipWaitsReport {
  /** The pre-sale order: when it ships from and when its packing opened (null if it never did). */
  presale: { caseId: string | null; shipFrom: string; packOpenedAt: string | null };
  /** The backorder: when stock.received came and when its packing opened. */
  backorder: { caseId: string | null; receivedAt: string | null; packOpenedAt: string | null };
  /** Stock-outs and the stock.received that ended them. */
  stockOuts: { reassured: number; cleared: number };
}

export class ShipWaitsScenario {
  private presaleCase: string | null = null;
  private backorderCase: string | null = null;
  private receivedAt: string | null = null;
  private cleared = 0;
  private readonly shipFrom: number;

  constructor(private readonly o: { agenda: Agenda; client: PlatformClient; random: Random; dayStart: number }) {
    this.shipFrom = o.dayStart + 33 * HOUR; // the next day, 09:00
  }

  /** Puts the two orders and the new model's delivery on the agenda. */
  open(): void {
    const { agenda, dayStart } = this.o;
    agenda.at(dayStart + 10 * HOUR, async () => {
      this.presaleCase = await this.place('SO-PRESALE-1', PRESALE_MODEL, { presale: { shipFrom: new Date(this.shipFrom).toISOString() } });
    });
    agenda.at(dayStart + 10.5 * HOUR, async () => {
      this.backorderCase = await this.place('SO-BACKORDER-1', NEW_MODEL, { backorder: true });
    });
    // The new model arrives the next morning at 08:30.
    agenda.at(dayStart + 32.5 * HOUR, async () => {
      this.receivedAt = new Date(agenda.clock.now()).toISOString();
      await this.send('stock.received', { sku: NEW_MODEL.sku, qty: 5, receivedAt: this.receivedAt });
    });
  }

  /** A stock-out waits for its restock: the warehouse receives the SKU 4–20 hours later. */
  react(event: TappedEvent): void {
    if (event['detail-type'] !== 'StepOpened' || event.detail.step !== 'stock.restock') return;
    const sku = /^stock-(.+)-[0-9a-f]{10}$/.exec(String(event.detail.caseId))?.[1];
    if (!sku) return;
    const { agenda, random } = this.o;
    agenda.at(agenda.clock.now() + random.between(4, 20) * HOUR, async () => {
      const answer = await this.o.client.storefront('stock.received', { sku, qty: random.int(5, 30) });
      this.cleared += Array.isArray(answer.body.clearedStockOuts) ? answer.body.clearedStockOuts.length : 0;
    });
  }

  /** What the platform did with them, from the cases themselves. */
  async report(supervisor: StaffSession, reassured: number): Promise<ShipWaitsReport> {
    const packOpened = async (caseId: string | null): Promise<string | null> => {
      if (caseId === null) return null;
      const answer = await supervisor.getCase(caseId);
      return answer.status === 200 ? (answer.body.steps.find((s) => s.step === 'order.pack')?.openedAt ?? null) : null;
    };
    return {
      presale: { caseId: this.presaleCase, shipFrom: new Date(this.shipFrom).toISOString(), packOpenedAt: await packOpened(this.presaleCase) },
      backorder: { caseId: this.backorderCase, receivedAt: this.receivedAt, packOpenedAt: await packOpened(this.backorderCase) },
      stockOuts: { reassured, cleared: this.cleared },
    };
  }

  private place(orderId: string, product: { sku: string; name: string; price: number }, extra: Record<string, unknown>): Promise<string | null> {
    return this.send('order.placed', {
      orderId,
      placedAt: new Date(this.o.agenda.clock.now()).toISOString(),
      paid: true,
      customer: { name: '孙女士', phone: '13912345678' },
      address: '上海市徐汇区',
      items: [{ sku: product.sku, name: product.name, qty: 1, price: product.price }],
      paymentChannel: 'alipay',
      ...extra,
    });
  }

  private async send(type: string, data: Record<string, unknown>): Promise<string | null> {
    const answer = await this.o.client.storefront(type, data);
    if (answer.status !== 202) throw new Error(`${type}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return (answer.body.caseId as string | null) ?? null;
  }
}

/** The report's lines (Beijing time). */
export function shipWaitsText(r: ShipWaitsReport): string {
  const at = (iso: string | null): string => (iso === null ? 'never' : new Date(Date.parse(iso) + 8 * HOUR).toISOString().replace('T', ' ').slice(0, 16));
  return [
    `Pre-sale        ${r.presale.caseId ?? '—'} ships from ${at(r.presale.shipFrom)}; packing opened ${at(r.presale.packOpenedAt)} (no deadline while waiting)`,
    `Backorder       ${r.backorder.caseId ?? '—'} stock.received ${at(r.backorder.receivedAt)}; packing opened ${at(r.backorder.packOpenedAt)}`,
    `Stock-outs      ${r.stockOuts.reassured} reassurance steps for ops-cs; ${r.stockOuts.cleared} ended by stock.received`,
  ].join('\n');
}
