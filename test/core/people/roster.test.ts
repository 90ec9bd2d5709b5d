import { describe, expect, it } from 'vitest';
import type { Person } from '../../../core/people/person.ts';
import { rosterIssues, type RosterEntry } from '../../../core/people/roster.ts';
import { getDefaultPolicy } from '../../../policy/load.ts';

const policy = getDefaultPolicy();
const people: Person[] = [
  { id: 'li', name: '李娜', roles: ['ops-cs'], active: true },
  { id: 'wang', name: '王伟', roles: ['ops-cs', 'picker'], active: true },
  { id: 'gone', name: 'gone', roles: ['ops-cs'], active: false },
];
const ctx = { zone: policy.zone, people, calendarOf: (role: string) => policy.roles.get(role)?.calendar };
const range = { from: '2026-12-07', to: '2026-12-13' };
const issues = (entries: RosterEntry[]) => rosterIssues(entries, range, ctx).map((i) => `${i.index}: ${i.message}`);

describe('rosterIssues', () => {
  it('accepts shifts inside the role calendar and a day of leave', () => {
    expect(
      issues([
        { day: '2026-12-07', person: 'li', role: 'ops-cs', from: '08:00', to: '14:00' },
        { day: '2026-12-07', person: 'wang', role: 'picker', from: '09:00', to: '17:00' },
        { day: '2026-12-08', person: 'li', leave: true },
      ]),
    ).toEqual([]);
  });

  it('names a shift outside its role hours (ops-cs 08:00–20:00, the 7×12h rotation)', () => {
    expect(issues([{ day: '2026-12-07', person: 'li', role: 'ops-cs', from: '19:00', to: '21:00' }])).toEqual([
      "0: li's ops-cs shift on 2026-12-07 19:00–21:00 is outside the ops-cs hours that day (08:00–20:00)",
    ]);
  });

  it('names days outside the range, unknown or inactive people, roles not held, leave beside a shift and overlaps', () => {
    expect(
      issues([
        { day: '2026-12-14', person: 'li', role: 'ops-cs', from: '08:00', to: '14:00' },
        { day: '2026-12-07', person: 'nobody', role: 'ops-cs', from: '08:00', to: '14:00' },
        { day: '2026-12-07', person: 'gone', role: 'ops-cs', from: '08:00', to: '14:00' },
        { day: '2026-12-07', person: 'li', role: 'picker', from: '09:00', to: '17:00' },
        { day: '2026-12-07', person: 'wang', role: 'ops-cs', from: '08:00', to: '14:00' },
        { day: '2026-12-07', person: 'wang', role: 'ops-cs', from: '13:00', to: '20:00' },
        { day: '2026-12-07', person: 'wang', leave: true },
      ]),
    ).toEqual([
      "0: 2026-12-14 is outside the roster's days 2026-12-07..2026-12-13",
      '1: "nobody" is not an active person',
      '2: "gone" is not an active person',
      '3: li does not hold the role picker (roles: ops-cs)',
      '5: wang has overlapping shifts on 2026-12-07',
      '6: wang has leave and other entries on 2026-12-07',
    ]);
  });
});
