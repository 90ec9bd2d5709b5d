/**
 * The shop's pre-sale chat (service-standards.md §10): visitors open conversations on the day's
 * arrival curve and ask one to three questions; the chat tool greets each with an auto-reply (the
 * "away" message off duty); `presales-cs` agents answer within their shifts, mostly in seconds,
 * sometimes late because they are busy. Every message reaches the platform as a signed
 * `chat.message` webhook at the instant it was sent, as a chat tool's live integration posts them.
 */
import { isOnDuty, nextOnDuty } from '../../core/calendar/business-time.ts';
import type { DutyCalendar } from '../../core/calendar/duty-calendar.ts';
import type { Agenda } from './agenda.ts';
import { arrivalTimes } from './arrivals.ts';
import type { PlatformClient } from './platform-client.ts';
import type { Random } from './random.ts';

const SECOND = 1_000;
const AGENTS = ['presales-wang', 'presales-li', 'presales-zhao', 'presales-chen'];

export interface ChatDayOptions {
  agenda: Agenda;
  client: PlatformClient;
  random: Random;
  /** The answering role's calendar: agents answer only on duty. */
  calendar: DutyCalendar;
  dayStart: number;
  conversations: number;
}

export interface ChatTally {
  conversations: number;
  messages: number;
  /** Deliveries the platform refused, by status. */
  refused: Record<string, number>;
}

interface Planned {
  conversationId: string;
  messageId: string;
  from: 'customer' | 'agent' | 'auto';
  sentAt: number;
  agentId?: string;
}

export class ChatDay {
  readonly tally: ChatTally = { conversations: 0, messages: 0, refused: {} };

  constructor(private readonly o: ChatDayOptions) {}

  /** Puts every conversation's messages on the agenda. */
  open(): void {
    const { random, dayStart } = this.o;
    arrivalTimes(this.o.conversations, dayStart, random).forEach((at, i) => {
      const messages = this.plan(`chat-${i + 1}`, at);
      this.tally.conversations++;
      for (const m of messages) this.o.agenda.at(m.sentAt, () => this.send(m));
    });
  }

  /** One conversation: questions, the auto greeting, and an agent's answer to each question. */
  private plan(conversationId: string, start: number): Planned[] {
    const { random, calendar } = this.o;
    const agentId = AGENTS[random.int(0, AGENTS.length - 1)]!;
    const out: Planned[] = [];
    let n = 0;
    const add = (from: Planned['from'], sentAt: number): void => {
      out.push({ conversationId, messageId: `m${++n}`, from, sentAt, ...(from === 'agent' ? { agentId } : {}) });
    };
    let t = start;
    const questions = random.int(1, 3);
    for (let q = 0; q < questions; q++) {
      add('customer', t);
      if (random.chance(0.4)) add('customer', t + random.between(5, 20) * SECOND); // a second line before any answer
      if (q === 0) add('auto', t + SECOND);
      // Off duty, the question waits for the shift; on duty, most answers come in seconds, some late.
      const from = isOnDuty(calendar, t) ? t : nextOnDuty(calendar, t);
      const delay = random.chance(0.8) ? random.between(5, 45) : random.chance(0.6) ? random.between(45, 75) : random.between(75, 240);
      const answer = Math.round(from + delay * SECOND);
      add('agent', answer);
      t = answer + random.between(20, 180) * SECOND;
    }
    return out;
  }

  private async send(m: Planned): Promise<void> {
    const answer = await this.o.client.storefront('chat.message', {
      conversationId: m.conversationId,
      messageId: m.messageId,
      from: m.from,
      sentAt: new Date(m.sentAt).toISOString(),
      ...(m.agentId ? { agentId: m.agentId } : {}),
      text: m.from === 'customer' ? '请问今天下单什么时候发货?' : m.from === 'auto' ? '您好,欢迎光临!' : '您好,今天 17:00 前下单当天发出。',
    });
    this.tally.messages++;
    if (answer.status !== 202) this.tally.refused[answer.status] = (this.tally.refused[answer.status] ?? 0) + 1;
  }
}
