/**
 * Table tests: the deadline of every step of service-standards.md under the shipped default
 * policy. Every expected value below was worked out by hand from the spec (never copied from the
 * engine). Dates used: 2026-11-23 is a Monday, so 11-26 is a Thursday, 11-28 Saturday, 11-29
 * Sunday. The 2026 Mid-Autumn / National Day period: 09-20 (Sun) and 10-10 (Sat) are adjusted
 * working days (调休); 09-25..09-27 and 10-01..10-07 are public holidays.
 */
import { describe, expect, it } from 'vitest';
import { due } from '../../../core/deadline/due.ts';
import { InvalidFact, InvalidPause, MissingFact, UnknownStep } from '../../../core/deadline/errors.ts';
import type { Facts } from '../../../core/deadline/types.ts';
import { getDefaultPolicy } from '../../../policy/load.ts';

const policy = getDefaultPolicy();
const MINUTE = 60_000;
const SHANGHAI_OFFSET = 8 * 3_600_000;

/** Epoch ms of an ISO time with offset, e.g. `2026-11-26T21:30+08:00`. */
function at(iso: string): number {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) throw new Error(`bad test time ${iso}`);
  return ms;
}

/** `2026-11-26T21:30:00+08:00`: formatted here, independently of the engine's zone code. */
function shanghai(ms: number | null): string | null {
  return ms === null ? null : `${new Date(ms + SHANGHAI_OFFSET).toISOString().slice(0, 19)}+08:00`;
}

/** Normalises a hand-written expected time to the same form as `shanghai`. */
function expected(iso: string | null): string | null {
  return iso === null ? null : shanghai(at(iso));
}

interface Row {
  step: string;
  why: string;
  opened: string;
  due: string | null;
  warnAt: string | null;
  /** Business-time rules: when the clock starts and the budget in minutes. */
  clockStart?: string;
  budget?: number;
  facts?: Facts;
  pauses?: readonly (readonly [string, string])[];
  /** Each must match some explanation line. */
  explain?: readonly (string | RegExp)[];
}

/** Rows with a test name that reads as a sentence. */
function named(rows: readonly Row[]): (readonly [string, Row])[] {
  return rows.map((row) => [`${row.step} ${row.why} is due ${row.due ?? 'never'}`, row] as const);
}

function check(row: Row): void {
  const pauses = (row.pauses ?? []).map(([start, end]) => ({ start: at(start), end: at(end) }));
  const result = due(row.step, at(row.opened), row.facts ?? {}, pauses, policy);
  expect(result.step).toBe(row.step);
  expect(result.opened).toBe(at(row.opened));
  expect(shanghai(result.due)).toBe(expected(row.due));
  expect(shanghai(result.warnAt)).toBe(expected(row.warnAt));
  if (row.clockStart !== undefined) expect(shanghai(result.clockStart)).toBe(expected(row.clockStart));
  if (row.budget !== undefined) expect(result.budget).toBe(row.budget * MINUTE);
  for (const line of row.explain ?? []) {
    const matches = result.explain.some((text) => (typeof line === 'string' ? text.includes(line) : line.test(text)));
    expect(matches, `no explanation line matches ${String(line)} in:\n${result.explain.join('\n')}`).toBe(true);
  }
}

describe('review and verify steps: 30 min on duty, else by 09:00 of the next ops-cs day', () => {
  const steps = ['order.review', 'cancel.verify', 'return.verify', 'exchange.verify'];
  const cases: Omit<Row, 'step'>[] = [
    {
      why: 'opened on duty mid-morning',
      opened: '2026-11-26T10:00+08:00',
      clockStart: '2026-11-26T10:00+08:00',
      budget: 30,
      due: '2026-11-26T10:30+08:00',
      warnAt: '2026-11-26T10:24+08:00',
      explain: ['on duty'],
    },
    {
      why: 'opened exactly at 08:00, the start of duty',
      opened: '2026-11-26T08:00+08:00',
      clockStart: '2026-11-26T08:00+08:00',
      budget: 30,
      due: '2026-11-26T08:30+08:00',
      warnAt: '2026-11-26T08:24+08:00',
    },
    {
      why: 'opened at 07:59, before duty the same morning',
      opened: '2026-11-26T07:59+08:00',
      clockStart: '2026-11-26T08:00+08:00',
      budget: 60,
      due: '2026-11-26T09:00+08:00',
      warnAt: '2026-11-26T08:48+08:00',
      explain: ['off duty'],
    },
    {
      why: 'opened exactly at 20:00, which is off duty (half-open intervals)',
      opened: '2026-11-26T20:00+08:00',
      clockStart: '2026-11-27T08:00+08:00',
      budget: 60,
      due: '2026-11-27T09:00+08:00',
      warnAt: '2026-11-27T08:48+08:00',
      explain: ['off duty', /clock starts 2026-11-27 Fri 08:00/],
    },
    {
      why: 'opened at 21:30 (the spec example: budget 60 min, warning 08:48)',
      opened: '2026-11-26T21:30+08:00',
      clockStart: '2026-11-27T08:00+08:00',
      budget: 60,
      due: '2026-11-27T09:00+08:00',
      warnAt: '2026-11-27T08:48+08:00',
    },
    {
      why: 'opened at 19:50, 10 min before the end of duty, carries 20 min into the next morning',
      opened: '2026-11-26T19:50+08:00',
      clockStart: '2026-11-26T19:50+08:00',
      budget: 30,
      due: '2026-11-27T08:20+08:00',
      warnAt: '2026-11-27T08:14+08:00',
      explain: [/off duty 2026-11-26 Thu 20:00 → 2026-11-27 Fri 08:00/],
    },
    {
      why: 'opened at midnight',
      opened: '2026-11-27T00:00+08:00',
      clockStart: '2026-11-27T08:00+08:00',
      budget: 60,
      due: '2026-11-27T09:00+08:00',
      warnAt: '2026-11-27T08:48+08:00',
    },
    {
      why: 'opened Saturday night: ops-cs works every day, so Sunday morning',
      opened: '2026-11-28T23:00+08:00',
      clockStart: '2026-11-29T08:00+08:00',
      budget: 60,
      due: '2026-11-29T09:00+08:00',
      warnAt: '2026-11-29T08:48+08:00',
    },
    {
      why: 'opened on the National Day holiday: role calendars ignore public holidays',
      opened: '2026-10-01T21:00+08:00',
      clockStart: '2026-10-02T08:00+08:00',
      budget: 60,
      due: '2026-10-02T09:00+08:00',
      warnAt: '2026-10-02T08:48+08:00',
    },
    {
      why: 'paused from 19:10 until 08:30 the next morning (a pause spanning the night)',
      opened: '2026-11-26T19:00+08:00',
      pauses: [['2026-11-26T19:10+08:00', '2026-11-27T08:30+08:00']],
      clockStart: '2026-11-26T19:00+08:00',
      budget: 30,
      // counted 19:00–19:10 (10 min), paused to 08:30, counted 08:30–08:50 (20 min)
      due: '2026-11-27T08:50+08:00',
      // 24 min: 10 min before the pause, 14 after
      warnAt: '2026-11-27T08:44+08:00',
      explain: ['paused'],
    },
    {
      why: 'opened off duty and paused 08:10–08:20 in the morning',
      opened: '2026-11-26T21:30+08:00',
      pauses: [['2026-11-27T08:10+08:00', '2026-11-27T08:20+08:00']],
      clockStart: '2026-11-27T08:00+08:00',
      budget: 60,
      due: '2026-11-27T09:10+08:00',
      // 48 min: 08:00–08:10, then 38 min from 08:20
      warnAt: '2026-11-27T08:58+08:00',
      explain: ['paused'],
    },
    {
      why: 'paused only while off duty (20:10 → 07:50), which changes nothing',
      opened: '2026-11-26T19:50+08:00',
      pauses: [['2026-11-26T20:10+08:00', '2026-11-27T07:50+08:00']],
      budget: 30,
      due: '2026-11-27T08:20+08:00',
      warnAt: '2026-11-27T08:14+08:00',
    },
    {
      why: 'with a pause that ended before the step opened, which changes nothing',
      opened: '2026-11-26T10:00+08:00',
      pauses: [['2026-11-26T09:00+08:00', '2026-11-26T09:45+08:00']],
      budget: 30,
      due: '2026-11-26T10:30+08:00',
      warnAt: '2026-11-26T10:24+08:00',
    },
  ];
  const rows: Row[] = steps.flatMap((step) => cases.map((c) => ({ step, ...c })));

  it.each(named(rows))('%s', (_name, row) => check(row));

  it('names the role and the rule in the explanation', () => {
    const result = due('order.review', at('2026-11-26T21:30+08:00'), {}, [], policy);
    expect(result.role).toBe('ops-cs');
    expect(result.explain[0]).toMatch(/^order\.review \(ops-cs\): 30m of ops-cs on-duty time; opened off duty: by 09:00/);
    expect(result.explain.some((l) => /warning at 80%.*08:48/.test(l))).toBe(true);
  });
});

describe('business-minute steps on their role calendars', () => {
  const rows: Row[] = [
    // order.payment: presales-cs 08:00–20:00, 30 min, no "by 09:00" rule
    { step: 'order.payment', why: 'opened at 19:45', opened: '2026-11-26T19:45+08:00', clockStart: '2026-11-26T19:45+08:00', budget: 30, due: '2026-11-27T08:15+08:00', warnAt: '2026-11-27T08:09+08:00' },
    { step: 'order.payment', why: 'opened off duty at 21:30 counts 30 min from 08:00', opened: '2026-11-26T21:30+08:00', clockStart: '2026-11-27T08:00+08:00', budget: 30, due: '2026-11-27T08:30+08:00', warnAt: '2026-11-27T08:24+08:00' },
    { step: 'order.payment', why: 'opened exactly at 20:00 is off duty', opened: '2026-11-26T20:00+08:00', clockStart: '2026-11-27T08:00+08:00', budget: 30, due: '2026-11-27T08:30+08:00', warnAt: '2026-11-27T08:24+08:00' },
    // order.pack: terminal-admin 09:00–17:00, 60 min
    { step: 'order.pack', why: 'opened at 16:30', opened: '2026-11-26T16:30+08:00', budget: 60, due: '2026-11-27T09:30+08:00', warnAt: '2026-11-27T09:18+08:00', explain: [/off duty 2026-11-26 Thu 17:00 → 2026-11-27 Fri 09:00/] },
    { step: 'order.pack', why: 'opened exactly at 17:00 is off duty', opened: '2026-11-26T17:00+08:00', clockStart: '2026-11-27T09:00+08:00', budget: 60, due: '2026-11-27T10:00+08:00', warnAt: '2026-11-27T09:48+08:00' },
    { step: 'order.pack', why: 'opened exactly at 09:00 is on duty', opened: '2026-11-26T09:00+08:00', clockStart: '2026-11-26T09:00+08:00', budget: 60, due: '2026-11-26T10:00+08:00', warnAt: '2026-11-26T09:48+08:00' },
    { step: 'order.pack', why: 'opened at 08:59 waits for 09:00', opened: '2026-11-26T08:59+08:00', clockStart: '2026-11-26T09:00+08:00', budget: 60, due: '2026-11-26T10:00+08:00', warnAt: '2026-11-26T09:48+08:00' },
    { step: 'order.pack', why: 'opened Saturday 16:30 runs into Sunday (on duty every day)', opened: '2026-11-28T16:30+08:00', budget: 60, due: '2026-11-29T09:30+08:00', warnAt: '2026-11-29T09:18+08:00' },
    {
      step: 'order.pack',
      why: 'opened at 21:00 and paused until 09:30 the next day',
      opened: '2026-11-26T21:00+08:00',
      pauses: [['2026-11-26T21:00+08:00', '2026-11-27T09:30+08:00']],
      clockStart: '2026-11-27T09:00+08:00',
      budget: 60,
      due: '2026-11-27T10:30+08:00',
      warnAt: '2026-11-27T10:18+08:00',
      explain: ['paused'],
    },
    // order.crm-bind: crm-admin 09:00–17:00, 10 min
    { step: 'order.crm-bind', why: 'opened at 16:55', opened: '2026-11-26T16:55+08:00', budget: 10, due: '2026-11-27T09:05+08:00', warnAt: '2026-11-27T09:03+08:00' },
    { step: 'order.crm-bind', why: 'opened at 08:59', opened: '2026-11-26T08:59+08:00', clockStart: '2026-11-26T09:00+08:00', budget: 10, due: '2026-11-26T09:10+08:00', warnAt: '2026-11-26T09:08+08:00' },
    // order.dispatch: picker 09:00–17:00, 5 min
    { step: 'order.dispatch', why: 'opened at noon', opened: '2026-11-26T12:00+08:00', budget: 5, due: '2026-11-26T12:05+08:00', warnAt: '2026-11-26T12:04+08:00' },
    { step: 'order.dispatch', why: 'opened at 16:58', opened: '2026-11-26T16:58+08:00', budget: 5, due: '2026-11-27T09:03+08:00', warnAt: '2026-11-27T09:02+08:00' },
    { step: 'order.dispatch', why: 'opened exactly at 17:00', opened: '2026-11-26T17:00+08:00', clockStart: '2026-11-27T09:00+08:00', budget: 5, due: '2026-11-27T09:05+08:00', warnAt: '2026-11-27T09:04+08:00' },
    // returns and exchanges
    { step: 'return.inspect', why: 'opened at 16:50', opened: '2026-11-26T16:50+08:00', budget: 30, due: '2026-11-27T09:20+08:00', warnAt: '2026-11-27T09:14+08:00' },
    { step: 'exchange.inspect', why: 'opened Sunday 07:00', opened: '2026-11-29T07:00+08:00', clockStart: '2026-11-29T09:00+08:00', budget: 30, due: '2026-11-29T09:30+08:00', warnAt: '2026-11-29T09:24+08:00' },
    { step: 'return.refund', why: 'opened at 19:55 (ops-cs)', opened: '2026-11-26T19:55+08:00', budget: 10, due: '2026-11-27T08:05+08:00', warnAt: '2026-11-27T08:03+08:00' },
    { step: 'return.refund', why: 'opened exactly at 20:00 counts 10 min from 08:00', opened: '2026-11-26T20:00+08:00', clockStart: '2026-11-27T08:00+08:00', budget: 10, due: '2026-11-27T08:10+08:00', warnAt: '2026-11-27T08:08+08:00' },
    { step: 'return.crm-unbind', why: 'opened at 08:00, before crm-admin is on duty', opened: '2026-11-26T08:00+08:00', clockStart: '2026-11-26T09:00+08:00', budget: 10, due: '2026-11-26T09:10+08:00', warnAt: '2026-11-26T09:08+08:00' },
    { step: 'exchange.crm-unbind', why: 'opened at 16:59', opened: '2026-11-26T16:59+08:00', budget: 10, due: '2026-11-27T09:09+08:00', warnAt: '2026-11-27T09:07+08:00' },
    // complaints: complaint-handler 09:00–17:00
    { step: 'complaint.acknowledge', why: 'opened at 16:30', opened: '2026-11-26T16:30+08:00', budget: 60, due: '2026-11-27T09:30+08:00', warnAt: '2026-11-27T09:18+08:00' },
    { step: 'complaint.acknowledge', why: 'opened exactly at 17:00', opened: '2026-11-26T17:00+08:00', clockStart: '2026-11-27T09:00+08:00', budget: 60, due: '2026-11-27T10:00+08:00', warnAt: '2026-11-27T09:48+08:00' },
    // 24 h of handler time = three 8-hour days; warning at 19h12m
    { step: 'complaint.resolve', why: 'opened Monday 10:00 (7h + 8h + 8h + 1h)', opened: '2026-11-23T10:00+08:00', budget: 1440, due: '2026-11-26T10:00+08:00', warnAt: '2026-11-25T13:12+08:00' },
    { step: 'complaint.resolve', why: 'opened Monday 17:00 (three full days from Tuesday 09:00)', opened: '2026-11-23T17:00+08:00', clockStart: '2026-11-24T09:00+08:00', budget: 1440, due: '2026-11-26T17:00+08:00', warnAt: '2026-11-26T12:12+08:00' },
    {
      step: 'complaint.resolve',
      why: 'opened Monday 10:00 and paused from Monday 16:00 to Wednesday 10:00 (two nights)',
      opened: '2026-11-23T10:00+08:00',
      pauses: [['2026-11-23T16:00+08:00', '2026-11-25T10:00+08:00']],
      budget: 1440,
      // counted Mon 10–16 (6h), Wed 10–17 (7h), Thu 8h, Fri 09–12 (3h)
      due: '2026-11-27T12:00+08:00',
      // 19h12m: 6h + 7h + Thu 6h12m
      warnAt: '2026-11-26T15:12+08:00',
      explain: [/paused, not counted 2026-11-23 Mon 16:00/],
    },
    // stock: inventory-admin 09:00–17:00
    { step: 'stock.supplier-contact', why: 'opened at noon', opened: '2026-11-26T12:00+08:00', budget: 10, due: '2026-11-26T12:10+08:00', warnAt: '2026-11-26T12:08+08:00' },
    { step: 'stock.supplier-contact', why: 'opened at 16:58', opened: '2026-11-26T16:58+08:00', budget: 10, due: '2026-11-27T09:08+08:00', warnAt: '2026-11-27T09:06+08:00' },
    { step: 'stock.notify-cs', why: 'opened at 17:30', opened: '2026-11-26T17:30+08:00', clockStart: '2026-11-27T09:00+08:00', budget: 5, due: '2026-11-27T09:05+08:00', warnAt: '2026-11-27T09:04+08:00' },
    { step: 'stock.notify-cs', why: 'opened exactly at 09:00', opened: '2026-11-26T09:00+08:00', budget: 5, due: '2026-11-26T09:05+08:00', warnAt: '2026-11-26T09:04+08:00' },
  ];

  it.each(named(rows))('%s', (_name, row) => check(row));
});

describe('complaint.investigate: by 17:00 of the handler day it arrived in, else the next', () => {
  const rows: Row[] = [
    { step: 'complaint.investigate', why: 'arrived at 10:00', opened: '2026-11-26T10:00+08:00', clockStart: '2026-11-26T10:00+08:00', budget: 420, due: '2026-11-26T17:00+08:00', warnAt: '2026-11-26T15:36+08:00' },
    { step: 'complaint.investigate', why: 'arrived at 08:00, before the handler day starts', opened: '2026-11-26T08:00+08:00', clockStart: '2026-11-26T09:00+08:00', budget: 480, due: '2026-11-26T17:00+08:00', warnAt: '2026-11-26T15:24+08:00' },
    { step: 'complaint.investigate', why: 'arrived at 00:30 (left overnight)', opened: '2026-11-27T00:30+08:00', clockStart: '2026-11-27T09:00+08:00', budget: 480, due: '2026-11-27T17:00+08:00', warnAt: '2026-11-27T15:24+08:00' },
    { step: 'complaint.investigate', why: 'arrived at 16:59', opened: '2026-11-26T16:59+08:00', budget: 1, due: '2026-11-26T17:00+08:00', warnAt: '2026-11-26T16:59:48+08:00' },
    { step: 'complaint.investigate', why: 'arrived exactly at 17:00', opened: '2026-11-26T17:00+08:00', clockStart: '2026-11-27T09:00+08:00', budget: 480, due: '2026-11-27T17:00+08:00', warnAt: '2026-11-27T15:24+08:00', explain: ['after 17:00'] },
    { step: 'complaint.investigate', why: 'arrived at 23:00', opened: '2026-11-26T23:00+08:00', clockStart: '2026-11-27T09:00+08:00', budget: 480, due: '2026-11-27T17:00+08:00', warnAt: '2026-11-27T15:24+08:00' },
    { step: 'complaint.investigate', why: 'arrived Saturday 18:00 (handlers work Sundays)', opened: '2026-11-28T18:00+08:00', budget: 480, due: '2026-11-29T17:00+08:00', warnAt: '2026-11-29T15:24+08:00' },
  ];

  it.each(named(rows))('%s', (_name, row) => check(row));
});

describe('order.pickup: the planned pickup batch for the order time', () => {
  const rows: Row[] = [
    { step: 'order.pickup', why: 'placed Monday 08:59, in [17:00 previous day, 09:00)', opened: '2026-11-23T08:59+08:00', due: '2026-11-23T10:00+08:00', warnAt: null },
    { step: 'order.pickup', why: 'placed Monday 09:00 exactly, in [09:00, 13:00)', opened: '2026-11-23T09:00+08:00', due: '2026-11-23T13:00+08:00', warnAt: null },
    // pickup.leadMinutes (60): an order ready less than an hour before its window's batch goes with the following one.
    { step: 'order.pickup', why: 'placed Monday 12:00, exactly the lead time before 13:00', opened: '2026-11-23T12:00+08:00', due: '2026-11-23T13:00+08:00', warnAt: null },
    { step: 'order.pickup', why: 'placed Monday 12:01, less than the lead time before 13:00', opened: '2026-11-23T12:01+08:00', due: '2026-11-23T17:00+08:00', warnAt: null, explain: ['pickup.leadMinutes'] },
    { step: 'order.pickup', why: 'placed Monday 12:59', opened: '2026-11-23T12:59+08:00', due: '2026-11-23T17:00+08:00', warnAt: null },
    { step: 'order.pickup', why: 'placed Monday 13:00 exactly, in [13:00, 17:00)', opened: '2026-11-23T13:00+08:00', due: '2026-11-23T17:00+08:00', warnAt: null },
    { step: 'order.pickup', why: 'placed Monday 16:00, exactly the lead time before 17:00', opened: '2026-11-23T16:00+08:00', due: '2026-11-23T17:00+08:00', warnAt: null },
    { step: 'order.pickup', why: 'placed Monday 16:59, the next morning batch', opened: '2026-11-23T16:59+08:00', due: '2026-11-24T10:00+08:00', warnAt: null },
    { step: 'order.pickup', why: 'placed Monday 17:00 exactly, the next morning batch', opened: '2026-11-23T17:00+08:00', due: '2026-11-24T10:00+08:00', warnAt: null, explain: ['[17:00 previous day, 09:00)'] },
    { step: 'order.pickup', why: 'placed Monday 23:59', opened: '2026-11-23T23:59+08:00', due: '2026-11-24T10:00+08:00', warnAt: null },
    { step: 'order.pickup', why: 'placed Tuesday 00:00', opened: '2026-11-24T00:00+08:00', due: '2026-11-24T10:00+08:00', warnAt: null },
    { step: 'order.pickup', why: 'placed Saturday 14:00 (Saturday is a pickup day)', opened: '2026-11-28T14:00+08:00', due: '2026-11-28T17:00+08:00', warnAt: null },
    {
      step: 'order.pickup',
      why: 'placed Saturday 17:00: Sunday has no pickups, so Monday 10:00',
      opened: '2026-11-28T17:00+08:00',
      due: '2026-11-30T10:00+08:00',
      warnAt: null,
      explain: ['2026-11-29 Sun is not a pickup day'],
    },
    { step: 'order.pickup', why: 'placed Sunday 08:00', opened: '2026-11-29T08:00+08:00', due: '2026-11-30T10:00+08:00', warnAt: null, explain: ['not a pickup day'] },
    { step: 'order.pickup', why: 'placed Sunday 10:00 (its 13:00 batch is on Sunday)', opened: '2026-11-29T10:00+08:00', due: '2026-11-30T10:00+08:00', warnAt: null, explain: ['not a pickup day'] },
    { step: 'order.pickup', why: 'placed Sunday 16:59', opened: '2026-11-29T16:59+08:00', due: '2026-11-30T10:00+08:00', warnAt: null },
    { step: 'order.pickup', why: 'placed Saturday 16:30: less than the lead time before 17:00, and Sunday has no pickups', opened: '2026-11-28T16:30+08:00', due: '2026-11-30T10:00+08:00', warnAt: null },
    { step: 'order.pickup', why: 'placed Sunday 17:00 (Monday morning window)', opened: '2026-11-29T17:00+08:00', due: '2026-11-30T10:00+08:00', warnAt: null },
    { step: 'order.pickup', why: 'placed on National Day (a Thursday, still a pickup day)', opened: '2026-10-01T10:00+08:00', due: '2026-10-01T13:00+08:00', warnAt: null },
  ];

  it.each(named(rows))('%s', (_name, row) => check(row));

  it('has no budget and cannot be paused', () => {
    const result = due('order.pickup', at('2026-11-23T10:00+08:00'), {}, [], policy);
    expect(result.role).toBe('automatic');
    expect(result.budget).toBeNull();
    expect(() =>
      due('order.pickup', at('2026-11-23T10:00+08:00'), {}, [{ start: at('2026-11-23T10:30+08:00'), end: at('2026-11-23T11:00+08:00') }], policy),
    ).toThrow(InvalidPause);
  });
});

describe('working-day rules across the 2026 Mid-Autumn / National Day period', () => {
  const bankCard = { channel: 'bank-card' };
  const boc = { channel: 'boc' };
  const rows: Row[] = [
    // refund.settle, bank card: end of the 7th working day after the day opened
    {
      step: 'refund.settle',
      why: 'by bank card opened Thu 09-24, before the holidays',
      facts: bankCard,
      opened: '2026-09-24T10:00+08:00',
      // 09-28,29,30 = 1–3; 10-08,09 = 4–5; 10-10 (调休 Sat) = 6; 10-12 = 7
      due: '2026-10-13T00:00+08:00',
      warnAt: null,
      explain: [/2026-09-25 Fri – 2026-09-27 Sun: public holiday \(Mid-autumn Festival 中秋\), not counted/, /2026-10-01 Thu – 2026-10-07 Wed: public holiday \(National Day 国庆节\), not counted/, /2026-10-10 Sat: adjusted working day 调休.*working day 6/],
    },
    {
      step: 'refund.settle',
      why: 'by bank card opened Fri 09-18 (Sunday 09-20 is a working day)',
      facts: bankCard,
      opened: '2026-09-18T15:00+08:00',
      // 09-20 = 1; 09-21..24 = 2–5; 09-28 = 6; 09-29 = 7
      due: '2026-09-30T00:00+08:00',
      warnAt: null,
      explain: [/2026-09-20 Sun: adjusted working day 调休/],
    },
    {
      step: 'refund.settle',
      why: 'by bank card opened Thu 11-26, an ordinary week',
      facts: bankCard,
      opened: '2026-11-26T23:59+08:00',
      // 11-27 = 1; 11-30..12-04 = 2–6; 12-07 = 7
      due: '2026-12-08T00:00+08:00',
      warnAt: null,
      explain: ['the day opened does not count'],
    },
    {
      step: 'refund.settle',
      why: 'by bank card opened Thu 11-26 and paused all of Tue 12-01',
      facts: bankCard,
      opened: '2026-11-26T10:00+08:00',
      pauses: [['2026-12-01T00:00+08:00', '2026-12-02T00:00+08:00']],
      due: '2026-12-09T00:00+08:00',
      warnAt: null,
      explain: ['paused'],
    },
    {
      step: 'refund.settle',
      why: 'by bank card paused for a weekend only, which changes nothing',
      facts: bankCard,
      opened: '2026-11-26T10:00+08:00',
      pauses: [['2026-11-28T00:00+08:00', '2026-11-30T00:00+08:00']],
      due: '2026-12-08T00:00+08:00',
      warnAt: null,
    },
    // refund.settle, Bank of China: 10 working days
    {
      step: 'refund.settle',
      why: 'by Bank of China card opened Thu 09-24',
      facts: boc,
      opened: '2026-09-24T10:00+08:00',
      // as bank card to 10-12 = 7; 10-13 = 8, 10-14 = 9, 10-15 = 10
      due: '2026-10-16T00:00+08:00',
      warnAt: null,
    },
    {
      step: 'refund.settle',
      why: 'by Bank of China card opened on holiday 10-03',
      facts: boc,
      opened: '2026-10-03T12:00+08:00',
      // 10-08,09 = 1–2; 10-10 = 3; 10-12..16 = 4–8; 10-19 = 9; 10-20 = 10
      due: '2026-10-21T00:00+08:00',
      warnAt: null,
    },
    {
      step: 'refund.settle',
      why: 'by Bank of China card opened Thu 11-26',
      facts: boc,
      opened: '2026-11-26T10:00+08:00',
      // 11-27 = 1; 11-30..12-04 = 2–6; 12-07..12-10 = 7–10
      due: '2026-12-11T00:00+08:00',
      warnAt: null,
    },
    // refund.settle, Alipay: end of the same calendar day, holidays or not
    { step: 'refund.settle', why: 'by Alipay opened at 15:00', facts: { channel: 'alipay' }, opened: '2026-11-26T15:00+08:00', due: '2026-11-27T00:00+08:00', warnAt: null },
    { step: 'refund.settle', why: 'by Alipay opened at midnight', facts: { channel: 'alipay' }, opened: '2026-11-26T00:00+08:00', due: '2026-11-27T00:00+08:00', warnAt: null },
    { step: 'refund.settle', why: 'by Alipay opened on National Day', facts: { channel: 'alipay' }, opened: '2026-10-01T10:00+08:00', due: '2026-10-02T00:00+08:00', warnAt: null, explain: ['channel=alipay'] },
    {
      step: 'refund.settle',
      why: 'by Alipay paused two hours',
      facts: { channel: 'alipay' },
      opened: '2026-11-26T10:00+08:00',
      pauses: [['2026-11-26T11:00+08:00', '2026-11-26T13:00+08:00']],
      due: '2026-11-27T02:00+08:00',
      warnAt: null,
      explain: ['paused'],
    },
    // complaint.callback: end of the 2nd working day after resolve, no warning
    { step: 'complaint.callback', why: 'opened Thu 09-24 (09-28 and 09-29 count)', opened: '2026-09-24T16:00+08:00', due: '2026-09-30T00:00+08:00', warnAt: null, explain: ['public holiday (Mid-autumn Festival 中秋)'] },
    { step: 'complaint.callback', why: 'opened Fri 09-18 (Sunday 09-20 counts, then Monday)', opened: '2026-09-18T16:00+08:00', due: '2026-09-22T00:00+08:00', warnAt: null, explain: ['调休'] },
    { step: 'complaint.callback', why: 'opened Wed 09-30 (the holiday week does not count)', opened: '2026-09-30T18:00+08:00', due: '2026-10-10T00:00+08:00', warnAt: null, explain: ['public holiday (National Day 国庆节)'] },
    { step: 'complaint.callback', why: 'opened on holiday 10-03', opened: '2026-10-03T09:00+08:00', due: '2026-10-10T00:00+08:00', warnAt: null },
    { step: 'complaint.callback', why: 'opened Thu 10-08 (Saturday 10-10 counts)', opened: '2026-10-08T09:00+08:00', due: '2026-10-11T00:00+08:00', warnAt: null },
    { step: 'complaint.callback', why: 'opened Fri 10-09 (10-10 counts, Sunday 10-11 does not)', opened: '2026-10-09T09:00+08:00', due: '2026-10-13T00:00+08:00', warnAt: null },
    { step: 'complaint.callback', why: 'opened at 00:00 Thursday (the day opened never counts)', opened: '2026-11-26T00:00+08:00', due: '2026-12-01T00:00+08:00', warnAt: null },
    { step: 'complaint.callback', why: 'opened at 00:00 Friday', opened: '2026-11-27T00:00+08:00', due: '2026-12-02T00:00+08:00', warnAt: null },
    // order.handover: 2 working days, warning 24 h after opening (the 1-day promise)
    { step: 'order.handover', why: 'opened Thu 11-26 10:00', opened: '2026-11-26T10:00+08:00', due: '2026-12-01T00:00+08:00', warnAt: '2026-11-27T10:00+08:00', explain: ['warning 24h after opening'] },
    { step: 'order.handover', why: 'opened Thu 09-24 before Mid-Autumn', opened: '2026-09-24T15:00+08:00', due: '2026-09-30T00:00+08:00', warnAt: '2026-09-25T15:00+08:00' },
    { step: 'order.handover', why: 'opened Sat 09-19 (Sunday 09-20 is a working day)', opened: '2026-09-19T12:00+08:00', due: '2026-09-22T00:00+08:00', warnAt: '2026-09-20T12:00+08:00' },
    { step: 'order.handover', why: 'opened Wed 09-30 before National Day', opened: '2026-09-30T18:00+08:00', due: '2026-10-10T00:00+08:00', warnAt: '2026-10-01T18:00+08:00' },
    { step: 'order.handover', why: 'opened Thu 10-08', opened: '2026-10-08T11:00+08:00', due: '2026-10-11T00:00+08:00', warnAt: '2026-10-09T11:00+08:00' },
  ];

  it.each(named(rows))('%s', (_name, row) => {
    check(row);
    expect(due(row.step, at(row.opened), row.facts ?? {}, [], policy).budget).toBeNull();
  });
});

describe('steps without a deadline', () => {
  const rows = ['order.delivery', 'cancel.refund', 'return.receive', 'exchange.receive'];

  it.each(rows)('%s has no due, no warning and no budget', (step) => {
    const result = due(step, at('2026-11-26T10:00+08:00'), {}, [], policy);
    expect(result.role).toBe('automatic');
    expect(result.due).toBeNull();
    expect(result.warnAt).toBeNull();
    expect(result.budget).toBeNull();
    expect(result.explain.some((l) => l.startsWith('no deadline'))).toBe(true);
  });
});

describe('every step of the spec is covered', () => {
  it('the default policy has exactly the steps of service-standards.md', () => {
    expect([...policy.steps.keys()].sort()).toEqual(
      [
        'order.payment', 'order.review', 'order.pack', 'order.crm-bind', 'order.dispatch', 'order.pickup', 'order.delivery', 'order.handover',
        'cancel.verify', 'cancel.retrieve', 'cancel.refund', 'refund.settle',
        'return.verify', 'return.receive', 'return.inspect', 'return.refund', 'return.crm-unbind',
        'exchange.verify', 'exchange.crm-unbind', 'exchange.receive', 'exchange.inspect',
        'complaint.acknowledge', 'complaint.investigate', 'complaint.resolve', 'complaint.callback',
        'stock.supplier-contact', 'stock.notify-cs',
        // §12 "Side flows".
        'aftersales.repair-followup', 'stock.supplier-collect',
        // §12 "Pre-sale and backorder" and "Stock".
        'order.presale-wait', 'order.backorder-wait', 'stock.reassure', 'stock.restock',
        // §12 Holds: the approvals and the follow-up when the held day ends unpaid.
        'order.hold-approve', 'order.hold-followup',
      ].sort(),
    );
  });

  it('gives each step the role of the spec', () => {
    const roles = Object.fromEntries([...policy.steps.values()].map((s) => [s.id, s.role]));
    expect(roles).toMatchObject({
      'order.payment': 'presales-cs',
      'order.review': 'ops-cs',
      'order.pack': 'terminal-admin',
      'order.crm-bind': 'crm-admin',
      'order.dispatch': 'picker',
      'cancel.verify': 'ops-cs',
      'return.verify': 'ops-cs',
      'return.inspect': 'inventory-admin',
      'return.crm-unbind': 'crm-admin',
      'exchange.verify': 'ops-cs',
      'stock.reassure': 'ops-cs',
      'exchange.crm-unbind': 'crm-admin',
      'exchange.inspect': 'inventory-admin',
      'complaint.acknowledge': 'complaint-handler',
      'complaint.investigate': 'complaint-handler',
      'complaint.resolve': 'complaint-handler',
      'complaint.callback': 'complaint-handler',
      'stock.supplier-contact': 'inventory-admin',
      'stock.notify-cs': 'inventory-admin',
    });
  });
});

describe('mistakes in the arguments', () => {
  const opened = at('2026-11-26T10:00+08:00');

  it('refuses an unknown step and lists the known ones', () => {
    expect(() => due('order.teleport', opened, {}, [], policy)).toThrow(UnknownStep);
    expect(() => due('order.teleport', opened, {}, [], policy)).toThrow(/unknown step "order\.teleport".*order\.review/);
  });

  it('refuses refund.settle without a channel and names the choices', () => {
    expect(() => due('refund.settle', opened, {}, [], policy)).toThrow(MissingFact);
    expect(() => due('refund.settle', opened, {}, [], policy)).toThrow(/channel.*alipay, bank-card, boc/);
  });

  it('refuses an unknown channel', () => {
    expect(() => due('refund.settle', opened, { channel: 'wechat' }, [], policy)).toThrow(InvalidFact);
    expect(() => due('refund.settle', opened, { channel: 'wechat' }, [], policy)).toThrow(/channel="wechat" is not one of: alipay, bank-card, boc/);
  });

  it('refuses a fact the step does not take', () => {
    expect(() => due('order.review', opened, { channel: 'alipay' }, [], policy)).toThrow(InvalidFact);
    expect(() => due('refund.settle', opened, { channel: 'alipay', bank: 'icbc' }, [], policy)).toThrow(/takes only fact "channel"/);
  });

  it('refuses a pause that ends before it starts', () => {
    const pause = { start: at('2026-11-26T11:00+08:00'), end: at('2026-11-26T10:30+08:00') };
    expect(() => due('order.review', opened, {}, [pause], policy)).toThrow(InvalidPause);
  });

  it('refuses a pause with an invalid time', () => {
    expect(() => due('order.review', opened, {}, [{ start: Number.NaN, end: opened }], policy)).toThrow(InvalidPause);
  });

  it('can skip the explanation on the hot path without changing the answer', () => {
    const withText = due('order.review', at('2026-11-26T21:30+08:00'), {}, [], policy);
    const without = due('order.review', at('2026-11-26T21:30+08:00'), {}, [], policy, { explain: false });
    expect(without.explain).toEqual([]);
    expect(without.due).toBe(withText.due);
    expect(without.warnAt).toBe(withText.warnAt);
  });
});
