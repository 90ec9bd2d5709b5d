/**
 * The demo's hold and priority order (service-standards.md §12; issue 22 items 2 and 4), beside the
 * random store day. 10:05 an order arrives unpaid; 10:20 presales-cs asks to hold it a day
 * ("和我主管申请一下是否可以给您直接留一个", seed l.264); the supervisor approves 10:40, the manager
 * 11:10; it is held until the next day 11:10, when the presales team follows up by chat and phone
 * (the staff simulation, with its checklist); the customer pays the next day at 14:00. 16:05 a paid
 * order arrives and the supervisor marks it priority at 16:08 ("我们会在今天为您安排寄出", l.308):
 * planned for the 17:00 batch that day (on a pickup day) instead of the next morning's.
 */
import type { CaseView, PlatformClient } from './platform-client.ts';
import type { Agenda } from './agenda.ts';

const MINUTE = 60_000;

export interface HoldPriorityTally {
  hold: { caseId: string | null; decisions: string[]; heldUntil: string | null; followUp: string | null; status: string | null };
  priority: { caseId: string | null; plannedPickupAt: string | null; pickup: string | null; onTime: boolean | null };
}

function order(orderId: string, placedAt: number, paid: boolean): Record<string, unknown> {
  return {
    orderId,
    placedAt: new Date(placedAt).toISOString(),
    paid,
    customer: { name: '赵敏', phone: '13912345678' },
    address: '杭州市西湖区文三路 90 号',
    items: [{ sku: 'PHONE-X1', name: '手机 X1 128G', qty: 1, price: 3999 }],
    paymentChannel: 'alipay',
  };
}

export class HoldAndPriority {
  readonly tally: HoldPriorityTally = {
    hold: { caseId: null, decisions: [], heldUntil: null, followUp: null, status: null },
    priority: { caseId: null, plannedPickupAt: null, pickup: null, onTime: null },
  };

  constructor(private readonly o: { agenda: Agenda; client: PlatformClient; dayStart: number }) {}

  /** Puts both stories on the agenda. */
  open(): void {
    const { agenda, client, dayStart } = this.o;
    const at = (hours: number, minutes: number) => dayStart + hours * 60 * MINUTE + minutes * MINUTE;
    const presales = client.staff('presales-lead', ['presales-cs']);
    const supervisor = client.staff('demo-supervisor', ['supervisor']);
    const manager = client.staff('demo-manager', ['manager']);
    const expect200 = async (what: string, answer: Promise<{ status: number; body: unknown }>) => {
      const { status, body } = await answer;
      if (status !== 200 && status !== 202) throw new Error(`${what}: ${status} ${JSON.stringify(body)}`);
      return body as Record<string, unknown>;
    };
    agenda.at(at(10, 5), async () => {
      const body = await expect200('hold: order.placed', client.storefront('order.placed', order('DEMO-HOLD-1', at(10, 5), false)));
      this.tally.hold.caseId = body.caseId as string;
    });
    agenda.at(at(10, 20), () => expect200('hold: request', presales.call('POST', `/cases/${this.tally.hold.caseId}/hold`, { note: '买家朋友明天代付' })));
    for (const [who, session, time] of [['supervisor', supervisor, at(10, 40)], ['manager', manager, at(11, 10)]] as const) {
      agenda.at(time, async () => {
        const body = await expect200(`hold: ${who} approves`, session.call('POST', `/cases/${this.tally.hold.caseId}/hold/approve`, { decision: 'approved' }));
        this.tally.hold.decisions.push(`${who} approved`);
        const hold = body.hold as { heldUntil?: string };
        if (hold.heldUntil) this.tally.hold.heldUntil = hold.heldUntil;
      });
    }
    agenda.at(at(24 + 14, 0), () => expect200('hold: order.paid', client.storefront('order.paid', { orderId: 'DEMO-HOLD-1', paidAt: new Date(at(24 + 14, 0)).toISOString() })));

    agenda.at(at(16, 5), async () => {
      const body = await expect200('priority: order.placed', client.storefront('order.placed', order('DEMO-RUSH-1', at(16, 5), true)));
      this.tally.priority.caseId = body.caseId as string;
    });
    agenda.at(at(16, 8), async () => {
      const body = await expect200('priority: mark', supervisor.call('POST', `/cases/${this.tally.priority.caseId}/priority`, { reason: '买家急用,今天寄出' }));
      this.tally.priority.plannedPickupAt = (body.plannedPickupAt as string | null) ?? null;
    });
  }

  /** Reads where both cases ended, for the report. */
  async finish(client: PlatformClient): Promise<HoldPriorityTally> {
    const supervisor = client.staff('demo-supervisor', ['supervisor']);
    const read = async (caseId: string | null): Promise<CaseView | undefined> => (caseId ? (await supervisor.getCase(caseId)).body : undefined);
    const held = await read(this.tally.hold.caseId);
    if (held) {
      const followUp = held.steps.find((s) => s.step === 'order.hold-followup');
      this.tally.hold.followUp = followUp ? `${followUp.status}${followUp.outcome ? ` (${followUp.outcome})` : ''}` : null;
      this.tally.hold.status = held.steps.some((s) => s.step === 'order.review') ? `${held.status}, paid and reviewed` : held.status;
    }
    const rush = await read(this.tally.priority.caseId);
    const pickup = rush?.steps.find((s) => s.step === 'order.pickup');
    if (pickup) {
      this.tally.priority.pickup = pickup.completedAt ?? null;
      this.tally.priority.onTime = pickup.status === 'completed' ? pickup.onTime ?? null : null;
    }
    return this.tally;
  }
}

/** The report's line for the hold and the priority order. */
export function holdPriorityText(t: HoldPriorityTally): string {
  const hold = `hold ${t.hold.caseId ?? '—'}: ${t.hold.decisions.join(', ') || 'no decision'}, held until ${t.hold.heldUntil ?? '—'}, follow-up ${t.hold.followUp ?? 'none'}, ${t.hold.status ?? '—'}`;
  const rush = `priority ${t.priority.caseId ?? '—'}: planned for ${t.priority.plannedPickupAt ?? '—'}, picked up ${t.priority.pickup ?? 'not yet'}${t.priority.onTime === null ? '' : t.priority.onTime ? ' (on time)' : ' (late)'}`;
  return `Hold 留货 / priority 优先  ${hold}; ${rush}`;
}
