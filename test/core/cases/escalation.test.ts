/**
 * Where an escalation goes on the shipped policy's calendars (service-standards.md §9, derived from
 * "处理不了的及时上报"): `escalation.levels` = supervisor (08:00–20:00 every day), then manager
 * (09:00–18:00 on working days, §1). "A breach escalates to the first level on duty at that moment;
 * if none is, to the first level at its next shift start."
 */
import { describe, expect, it } from 'vitest';
import { escalationTarget } from '../../../core/cases/escalation.ts';
import { getDefaultPolicy } from '../../../policy/load.ts';

const levels = getDefaultPolicy().escalation.levels;
const ms = (iso: string): number => Date.parse(iso);

describe('a breach escalates to the first escalation level on duty, else to the first level at its next shift', () => {
  it.each([
    // An ops-cs step (08:00–20:00) breached in the evening, while the supervisor is on duty.
    ['Monday 19:00 (ops-cs works to 20:00)', '2026-11-30T19:00:00+08:00', 'supervisor', 1, '2026-11-30T19:00:00+08:00'],
    ['Monday 10:00', '2026-11-30T10:00:00+08:00', 'supervisor', 1, '2026-11-30T10:00:00+08:00'],
    // Nobody on duty: the first level, seen when its shift opens.
    ['Saturday 21:00', '2026-12-05T21:00:00+08:00', 'supervisor', 1, '2026-12-06T08:00:00+08:00'],
    ['Tuesday 07:30', '2026-12-01T07:30:00+08:00', 'supervisor', 1, '2026-12-01T08:00:00+08:00'],
    ['Monday 20:00 (shifts are half-open: the supervisor has left)', '2026-11-30T20:00:00+08:00', 'supervisor', 1, '2026-12-01T08:00:00+08:00'],
  ])('%s', (_, at, role, level, seenAt) => {
    expect(escalationTarget(levels, ms(at))).toEqual({ role, level, seenAt: ms(seenAt) });
  });
});

describe('a hand escalation of a step escalated to the supervisor goes on to the manager', () => {
  it.each([
    ['on a working day in office hours: at once', '2026-12-01T10:00:00+08:00', '2026-12-01T10:00:00+08:00'],
    ['Monday 19:05: the next morning at 09:00', '2026-11-30T19:05:00+08:00', '2026-12-01T09:00:00+08:00'],
    ['Saturday 10:00: Monday 09:00 (the manager works on working days only)', '2026-12-05T10:00:00+08:00', '2026-12-07T09:00:00+08:00'],
    // 2026 National Day: 10-01 to 10-07 off by the State Council's schedule (working-days calendar, chinese-days data).
    ['on National Day 2026-10-02: the first working day after the holiday', '2026-10-02T10:00:00+08:00', '2026-10-08T09:00:00+08:00'],
  ])('%s', (_, at, seenAt) => {
    expect(escalationTarget(levels, ms(at), 2)).toEqual({ role: 'manager', level: 2, seenAt: ms(seenAt) });
  });

  it('finds no level beyond the last', () => {
    expect(escalationTarget(levels, ms('2026-12-01T10:00:00+08:00'), 3)).toBeUndefined();
  });
});
