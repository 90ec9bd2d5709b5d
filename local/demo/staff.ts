/**
 * The store's staff, one team per role. A new step in the role's queue pings the team (as the
 * IM notification of a real deployment would); within a minute or two, or at the start of the
 * next shift, a free member looks at the queue, takes the most urgent step nobody has taken,
 * works on it for the time the step takes (now and then interrupted) and completes it through
 * the staff API, then looks again. Lateness is not scripted: it comes from peaks, off-duty hours
 * and interruptions.
 */
import { isOnDuty, nextOnDuty } from '../../core/calendar/business-time.ts';
import type { CompiledPolicy } from '../../core/deadline/types.ts';
import { serializedUnits } from '../../core/lifecycles/serialized-units.ts';
import type { Agenda } from './agenda.ts';
import type { PlatformClient, QueueItem, StaffSession } from './platform-client.ts';
import type { Random } from './random.ts';
import { completionFor, STAFF_WORK } from './staff-work.ts';
import { hasChecklist } from '../../core/lifecycles/checklists.ts';

const MINUTE = 60_000;

/**
 * Team sizes for about 300 orders a day: ops-cs must clear the night's orders between 08:00 and
 * the 09:00 deadline, terminal admins pack a day's orders in an 8-hour shift within an hour each.
 */
export const DEFAULT_TEAMS: Readonly<Record<string, number>> = {
  'presales-cs': 2,
  'ops-cs': 8,
  'terminal-admin': 7,
  'crm-admin': 4,
  picker: 4,
  'inventory-admin': 2,
  'complaint-handler': 2,
};

export interface StaffOptions {
  agenda: Agenda;
  client: PlatformClient;
  policy: CompiledPolicy;
  random: Random;
  teams?: Readonly<Record<string, number>>;
  /** Minutes from a notification to a look at the queue: [shortest, longest]. */
  reactionMinutes?: readonly [number, number];
  /** Chance that a piece of work is interrupted (a call, a break) and takes 20–120 minutes longer. */
  interruption?: number;
}

interface Member {
  session: StaffSession;
  freeAt: number;
}

export interface StaffTally {
  completed: number;
  /** Steps that closed before their taker finished (e.g. the order was cancelled meanwhile). */
  overtaken: number;
}

export class StaffTeam {
  private readonly members: Member[];
  private readonly taken = new Set<string>();
  /** When the next look at the queue is planned, if one is. */
  private nextLook: number | undefined;
  readonly tally: StaffTally = { completed: 0, overtaken: 0 };

  constructor(
    readonly role: string,
    size: number,
    private readonly options: StaffOptions,
  ) {
    this.members = Array.from({ length: size }, (_, i) => ({ session: options.client.staff(`${role}-${i + 1}`, [role]), freeAt: 0 }));
  }

  /** A step opened in the team's queue (or a member became free): someone looks soon, or when the shift starts. */
  notify(): void {
    const { agenda, random } = this.options;
    const calendar = this.options.policy.roles.get(this.role)?.calendar;
    if (!calendar) throw new Error(`the policy has no role ${this.role}`);
    const [shortest, longest] = this.options.reactionMinutes ?? [0.2, 1];
    const at = nextOnDuty(calendar, agenda.clock.now() + random.between(shortest, longest) * MINUTE);
    if (this.nextLook !== undefined && this.nextLook <= at) return;
    this.nextLook = at;
    agenda.at(at, async () => {
      if (this.nextLook !== at) return; // an earlier look replaced this one
      this.nextLook = undefined;
      if (isOnDuty(calendar, agenda.clock.now())) await this.look();
      else this.notify();
    });
  }

  private async look(): Promise<void> {
    const now = this.options.agenda.clock.now();
    const free = this.members.filter((m) => m.freeAt <= now);
    if (free.length === 0) return;
    const items = (await free[0]!.session.queue()).filter((item) => item.role === this.role && item.status !== 'paused' && STAFF_WORK[item.step] && !this.taken.has(keyOf(item)));
    items.sort((a, b) => (a.due ?? '9999').localeCompare(b.due ?? '9999'));
    for (const [member, item] of free.map((m, i) => [m, items[i]] as const)) {
      if (!item) break;
      this.take(member, item, now);
    }
  }

  private take(member: Member, item: QueueItem, now: number): void {
    const { random } = this.options;
    const work = STAFF_WORK[item.step]!;
    let minutes = random.between(work.minutes[0], work.minutes[1]);
    if (random.chance(this.options.interruption ?? 0.06)) minutes += random.between(20, 120);
    const doneAt = now + Math.round(minutes * MINUTE);
    member.freeAt = doneAt;
    this.taken.add(keyOf(item));
    this.options.agenda.at(doneAt, async () => {
      // A verification call has the case open: its checklist depends on it (a paid cancellation asks for the account);
      // packing reads its items to enter one serial per serialized unit.
      const serial = SERIAL_STEPS.has(item.step);
      const facts = hasChecklist(item.step) || serial ? (await member.session.getCase(item.caseId)).body.data : undefined;
      const units = serial && facts ? (serializedUnits(facts, this.options.policy.serialNumbers.serializedSkus)?.length ?? 1) : undefined;
      const body = completionFor(item.step, { caseId: item.caseId, random, ...(facts ? { facts } : {}), ...(units !== undefined ? { serializedUnits: units } : {}) });
      const answer = await member.session.complete(item.caseId, item.step, body);
      this.notify(); // free again: look for the next step
      if (answer.status === 200) this.tally.completed++;
      else if (answer.status === 409) this.tally.overtaken++;
      else throw new Error(`${member.session.user} completing ${item.step} of ${item.caseId}: ${answer.status} ${JSON.stringify(answer.body)}`);
    });
  }
}

/** Steps whose fields name the order's serial numbers. */
const SERIAL_STEPS = new Set(['order.pack', 'order.crm-bind']);

const keyOf = (item: QueueItem): string => `${item.caseId}|${item.step}|${item.attempt}`;

export function staffTheStore(options: StaffOptions): Map<string, StaffTeam> {
  return new Map(Object.entries(options.teams ?? DEFAULT_TEAMS).map(([role, size]) => [role, new StaffTeam(role, size, options)]));
}
