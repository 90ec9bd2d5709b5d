/**
 * The demo's team (issue 23, docs/people.md): the eight ops-cs clerks of staff.ts become named
 * people (local accounts with display names), rostered on the 7×12h day in two shifts — 早班
 * 08:00–14:00 and 晚班 14:00–20:00 — on each simulated day, with the supervisor. New ops-cs steps
 * are assigned round-robin to the early shift; at 14:00 the sweep hands what they still hold to
 * the late shift. The board is read just before and after the change; at the end the cases'
 * timelines tell how many steps each person was given and how many changed hands.
 */
import { Zone } from '../../core/time/zone.ts';
import { AccountStore, accountsPath } from '../identity/accounts.ts';
import type { Agenda } from './agenda.ts';
import type { PlatformClient } from './platform-client.ts';
import { mapBounded, READS_IN_FLIGHT } from './bounded.ts';

const HOUR = 3_600_000;
/** The policy zone: the board's `asOf` is UTC. */
const BEIJING = new Zone('Asia/Shanghai');
const MINUTE = 60_000;

/** staff.ts's ops-cs members (`ops-cs-1`…), given names. */
export const OPS_CS_NAMES = ['李娜', '王伟', '张敏', '刘洋', '陈静', '杨帆', '赵磊', '黄丽'];
const SUPERVISOR = { id: 'demo-supervisor', name: '周主管' };

interface Snapshot {
  at: string;
  people: { id: string; name: string; onDutyNow: string[]; open: number }[];
}

export interface TeamSummary {
  /** Per person: steps given on opening (round-robin), and steps taken over from someone off duty. */
  people: { id: string; name: string; shift: string; assigned: number; takenOver: number }[];
  handovers: number;
  snapshots: Snapshot[];
}

export class DemoTeam {
  private readonly snapshots: Snapshot[] = [];

  private constructor(
    private readonly client: PlatformClient,
    private readonly shifts: Map<string, string>,
  ) {}

  /** Adds the people and puts each simulated day's roster; reads the board around the first shift change. */
  static async start(options: { dataDir: string; client: PlatformClient; agenda: Agenda; dayStart: number; days: number; day: string; now: () => number }): Promise<DemoTeam> {
    const accounts = new AccountStore(accountsPath(options.dataDir), ['ops-cs', 'supervisor'], options.now, { N: 1024, r: 8, p: 1 });
    const shifts = new Map<string, string>();
    for (const [i, name] of OPS_CS_NAMES.entries()) {
      const id = `ops-cs-${i + 1}`;
      await accounts.add(id, ['ops-cs'], `demo-password-${i + 1}`, name);
      shifts.set(id, i < OPS_CS_NAMES.length / 2 ? '08:00–14:00' : '14:00–20:00');
    }
    await accounts.add(SUPERVISOR.id, ['supervisor'], 'demo-password-0', SUPERVISOR.name);
    const team = new DemoTeam(options.client, shifts);
    const from = options.day;
    const days = Array.from({ length: options.days }, (_, d) => new Date(options.dayStart + d * 24 * HOUR + 8 * HOUR).toISOString().slice(0, 10));
    const entries = days.flatMap((day) => [...shifts].map(([person, span]) => ({ day, person, role: 'ops-cs', from: span.slice(0, 5), to: span.slice(6) })));
    const put = await team.supervisor().call('PUT', `/rosters?from=${from}&to=${days.at(-1) ?? from}`, { entries });
    if (put.status !== 200) throw new Error(`PUT /rosters: ${put.status} ${JSON.stringify(put.body)}`);
    for (const at of [13 * HOUR + 55 * MINUTE, 14 * HOUR + 10 * MINUTE]) options.agenda.at(options.dayStart + at, () => team.snapshot());
    return team;
  }

  private supervisor() {
    return this.client.staff(SUPERVISOR.id, ['supervisor']);
  }

  private async snapshot(): Promise<void> {
    const board = await this.supervisor().call<{ asOf: string; team?: { people: Snapshot['people'] } }>('GET', '/board');
    if (board.status !== 200) throw new Error(`GET /board: ${board.status}`);
    this.snapshots.push({ at: board.body.asOf, people: (board.body.team?.people ?? []).filter((p) => this.shifts.has(p.id)) });
  }

  /** Reads the orders' timelines: who was given which review, and which changed hands at a shift end. */
  async summary(caseIds: readonly string[]): Promise<TeamSummary> {
    const assigned = new Map<string, number>();
    const takenOver = new Map<string, number>();
    let handovers = 0;
    // Read-only and order-free (counts), so a few reads at once; one session, one token.
    const supervisor = this.supervisor();
    const views = await mapBounded(caseIds, READS_IN_FLIGHT, (caseId) => supervisor.getCase(caseId));
    for (const view of views) {
      if (view.status !== 200) continue;
      for (const e of view.body.timeline) {
        if (e.kind !== 'step.assigned') continue;
        const d = (e.detail ?? {}) as { to?: string | null; rule?: string; reason?: string };
        if (d.rule !== undefined && d.to) assigned.set(d.to, (assigned.get(d.to) ?? 0) + 1);
        if (d.reason === 'off-duty') {
          handovers += 1;
          if (d.to) takenOver.set(d.to, (takenOver.get(d.to) ?? 0) + 1);
        }
      }
    }
    const people = [...this.shifts].map(([id, shift], i) => ({ id, name: OPS_CS_NAMES[i] ?? id, shift, assigned: assigned.get(id) ?? 0, takenOver: takenOver.get(id) ?? 0 }));
    return { people, handovers, snapshots: this.snapshots };
  }
}

/** The team's part of the demo's printed report. */
export function teamText(summary: TeamSummary): string {
  const lines = ['', 'Team (排班 and assignment, issue 23): ops-cs rostered 早班 08:00–14:00 / 晚班 14:00–20:00, new steps round-robin', '  person              shift          assigned  taken over'];
  for (const p of summary.people) lines.push(`  ${`${p.name} ${p.id}`.padEnd(20)}${p.shift.padEnd(15)}${String(p.assigned).padStart(8)}${String(p.takenOver).padStart(12)}`);
  lines.push(`  steps handed over at a shift end: ${summary.handovers}`);
  for (const s of summary.snapshots) {
    const held = s.people.filter((p) => p.open > 0).map((p) => `${p.name} ${p.open}`);
    const on = s.people.filter((p) => p.onDutyNow.length > 0).map((p) => p.name);
    lines.push(`  board at ${BEIJING.formatIso(Date.parse(s.at)).slice(11, 16)} Beijing: on duty ${on.join('、') || '—'}; holding ${held.join(', ') || 'nothing'}`);
  }
  return lines.join('\n');
}
