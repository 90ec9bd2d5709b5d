import { describe, expect, it } from 'vitest';
import { onDutyAt, rosterGaps, type DutyContext } from '../../../core/people/on-duty.ts';
import type { RosterEntry } from '../../../core/people/roster.ts';
import { parseDate } from '../../../core/time/civil.ts';
import { getDefaultPolicy } from '../../../policy/load.ts';

const policy = getDefaultPolicy();
const people = [
  { id: 'li', name: '李娜', roles: ['ops-cs'], active: true },
  { id: 'wang', name: '王伟', roles: ['ops-cs'], active: true },
  { id: 'zhang', name: '张敏', roles: ['ops-cs'], active: true },
];
const ctx = (roster: RosterEntry[]): DutyContext => ({ zone: policy.zone, people, roster, calendarOf: (r) => policy.roles.get(r)?.calendar });
const at = (iso: string) => Date.parse(iso);

describe('onDutyAt', () => {
  it('with no roster for the role that day, is everyone of the role during its calendar but whoever is on leave', () => {
    const c = ctx([{ day: '2026-12-07', person: 'wang', leave: true }]);
    expect(onDutyAt(c, 'ops-cs', at('2026-12-07T10:00:00+08:00'))).toEqual(['li', 'zhang']);
    // ops-cs works 08:00–20:00: nobody at 21:00.
    expect(onDutyAt(c, 'ops-cs', at('2026-12-07T21:00:00+08:00'))).toEqual([]);
    expect(onDutyAt(c, 'ops-cs', at('2026-12-08T10:00:00+08:00'))).toEqual(['li', 'wang', 'zhang']);
  });

  it('with a roster, is only those whose shift covers the instant (a shift end is off duty)', () => {
    const c = ctx([
      { day: '2026-12-07', person: 'li', role: 'ops-cs', from: '08:00', to: '14:00' },
      { day: '2026-12-07', person: 'zhang', role: 'ops-cs', from: '14:00', to: '20:00' },
    ]);
    expect(onDutyAt(c, 'ops-cs', at('2026-12-07T13:59:00+08:00'))).toEqual(['li']);
    expect(onDutyAt(c, 'ops-cs', at('2026-12-07T14:00:00+08:00'))).toEqual(['zhang']);
  });
});

describe('rosterGaps', () => {
  it('warns of the part of a rostered day nobody covers, and of nothing on a day without a roster', () => {
    const c = ctx([{ day: '2026-12-07', person: 'li', role: 'ops-cs', from: '08:00', to: '14:00' }]);
    const gaps = rosterGaps(c, 'ops-cs', [parseDate('2026-12-07')!, parseDate('2026-12-08')!]);
    expect(gaps.map((g) => [g.day, policy.zone.formatIso(g.start), policy.zone.formatIso(g.end)])).toEqual([['2026-12-07', '2026-12-07T14:00:00+08:00', '2026-12-07T20:00:00+08:00']]);
  });
});
