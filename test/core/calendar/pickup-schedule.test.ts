/**
 * Courier pickup batches: windows [17:00 the day before, 09:00) → 10:00, [09:00, 13:00) → 13:00,
 * [13:00, 17:00) → 17:00, on pickup days (Monday–Saturday by default), with per-date exceptions.
 * 2026-11-25 is a Wednesday, 11-29 a Sunday.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PickupSchedule } from '../../../core/calendar/pickup-schedule.ts';
import { due } from '../../../core/deadline/due.ts';
import { dayFromCivil } from '../../../core/time/civil.ts';
import { Zone } from '../../../core/time/zone.ts';
import { compilePolicy } from '../../../policy/compile.ts';
import { DEFAULT_POLICY_PATH, getDefaultPolicy, parsePolicy } from '../../../policy/load.ts';

const at = (iso: string): number => Date.parse(iso);
const zone = new Zone('Asia/Shanghai');
const batches = [
  { at: 10 * 60, cutoff: 9 * 60 },
  { at: 13 * 60, cutoff: 13 * 60 },
  { at: 17 * 60, cutoff: 17 * 60 },
];
const MON_TO_SAT = new Set([1, 2, 3, 4, 5, 6]);

describe('a pickup schedule with exceptions', () => {
  const schedule = new PickupSchedule(
    zone,
    MON_TO_SAT,
    batches,
    new Map([
      [dayFromCivil(2026, 11, 25), false], // a Wednesday without pickups
      [dayFromCivil(2026, 11, 29), true], // a Sunday with pickups
    ]),
  );

  it('knows its pickup days', () => {
    expect(schedule.isPickupDay(dayFromCivil(2026, 11, 24))).toBe(true);
    expect(schedule.isPickupDay(dayFromCivil(2026, 11, 25))).toBe(false);
    expect(schedule.isPickupDay(dayFromCivil(2026, 11, 29))).toBe(true);
    expect(schedule.isPickupDay(dayFromCivil(2026, 12, 6))).toBe(false);
  });

  it.each([
    ['Tuesday 16:59', '2026-11-24T16:59+08:00', '2026-11-24T17:00+08:00', false],
    ['Tuesday 17:00 (Wednesday has no pickups)', '2026-11-24T17:00+08:00', '2026-11-26T10:00+08:00', true],
    ['Wednesday 12:00', '2026-11-25T12:00+08:00', '2026-11-26T10:00+08:00', true],
    ['Wednesday 17:00', '2026-11-25T17:00+08:00', '2026-11-26T10:00+08:00', false],
    ['Saturday 17:00 (this Sunday has pickups)', '2026-11-28T17:00+08:00', '2026-11-29T10:00+08:00', false],
    ['Sunday 14:00', '2026-11-29T14:00+08:00', '2026-11-29T17:00+08:00', false],
    ['the next Sunday 14:00 (an ordinary Sunday)', '2026-12-06T14:00+08:00', '2026-12-07T10:00+08:00', true],
  ] as const)('plans an order placed %s for %s', (_name, placed, expected, moved) => {
    const planned = schedule.plannedFor(at(placed));
    expect(planned.at).toBe(at(expected));
    expect(planned.movedFrom !== undefined).toBe(moved);
  });

  it('describes each batch window', () => {
    expect(schedule.describeWindow(batches[0] as (typeof batches)[number])).toBe('[17:00 previous day, 09:00)');
    expect(schedule.describeWindow(batches[1] as (typeof batches)[number])).toBe('[09:00, 13:00)');
    expect(schedule.describeWindow(batches[2] as (typeof batches)[number])).toBe('[13:00, 17:00)');
  });

  it('gives up on a schedule without pickup days', () => {
    const never = new PickupSchedule(zone, new Set(), batches, new Map());
    expect(() => never.plannedFor(at('2026-11-24T12:00+08:00'))).toThrow(RangeError);
  });
});

describe('pickup exceptions from a policy document', () => {
  it('moves order.pickup to a Sunday made a pickup day and away from a Monday without pickups', () => {
    const doc = JSON.parse(readFileSync(DEFAULT_POLICY_PATH, 'utf8')) as { pickup: { exceptions: unknown[] } };
    doc.pickup.exceptions = [
      { date: '2026-11-29', pickup: true, note: 'Double 12 rush' },
      { date: '2026-11-30', pickup: false },
    ];
    const policy = compilePolicy(parsePolicy(doc, 'test'));
    const saturdayEvening = at('2026-11-28T18:00+08:00');
    expect(due('order.pickup', saturdayEvening, {}, [], getDefaultPolicy()).due).toBe(at('2026-11-30T10:00+08:00'));
    expect(due('order.pickup', saturdayEvening, {}, [], policy).due).toBe(at('2026-11-29T10:00+08:00'));
    const result = due('order.pickup', at('2026-11-30T11:00+08:00'), {}, [], policy);
    expect(result.due).toBe(at('2026-12-01T10:00+08:00'));
    expect(result.explain).toContain("2026-11-30 Mon is not a pickup day: moves to the next pickup day's first batch");
  });
});
