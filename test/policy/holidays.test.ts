/**
 * Policy holiday entries extend or override the chinese-days data: a new year's schedule (2027 is
 * not in the package yet) or a correction needs no code change. 2026-12-31 is a Thursday,
 * 2027-01-01 a Friday, 2027-01-02 a Saturday.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { due } from '../../core/deadline/due.ts';
import type { CompiledPolicy, Facts } from '../../core/deadline/types.ts';
import { dayFromCivil } from '../../core/time/civil.ts';
import { compilePolicy } from '../../policy/compile.ts';
import { DEFAULT_POLICY_PATH, getDefaultPolicy, parsePolicy } from '../../policy/load.ts';

interface WorkingDaysInput {
  holidayData?: 'chinese-days' | 'none';
  holidays?: { date: string; name: string }[];
  adjustedWorkdays?: { date: string; name: string }[];
}

function policyWith(workingDays: WorkingDaysInput, timeZone?: string): CompiledPolicy {
  const doc = JSON.parse(readFileSync(DEFAULT_POLICY_PATH, 'utf8')) as Record<string, unknown>;
  doc.workingDays = workingDays;
  if (timeZone) doc.timeZone = timeZone;
  return compilePolicy(parsePolicy(doc, 'test'));
}

const at = (iso: string): number => Date.parse(iso);
const dueOf = (policy: CompiledPolicy, step: string, opened: string, facts: Facts = {}) => due(step, at(opened), facts, [], policy);
const bankCard = { channel: 'bank-card' };
const newYear2027 = { date: '2027-01-01', name: "New Year's Day 元旦" };

describe('adding 2027 holidays to the policy', () => {
  it('moves a bank-card refund opened 2026-12-30 from 2027-01-08 to 2027-01-11', () => {
    const without = dueOf(getDefaultPolicy(), 'refund.settle', '2026-12-30T10:00+08:00', bankCard);
    // 12-31, 01-01, 01-04..01-08: the 7th working day is Friday 01-08
    expect(without.due).toBe(at('2027-01-09T00:00+08:00'));
    expect(without.explain).toContain("no holiday data for 2027: counted as plain Monday–Friday (add 2027's holidays and 调休 days to the policy)");

    const withHoliday = dueOf(policyWith({ holidays: [newYear2027] }), 'refund.settle', '2026-12-30T10:00+08:00', bankCard);
    // 12-31, 01-04..01-08, 01-11
    expect(withHoliday.due).toBe(at('2027-01-12T00:00+08:00'));
    expect(withHoliday.explain.some((l) => l.startsWith('2027-01-01 Fri: public holiday (New Year\'s Day 元旦), not counted'))).toBe(true);
    expect(withHoliday.explain.some((l) => l.startsWith('no holiday data'))).toBe(false);
  });

  it('moves a complaint callback opened 2026-12-31 by one working day', () => {
    expect(dueOf(getDefaultPolicy(), 'complaint.callback', '2026-12-31T15:00+08:00').due).toBe(at('2027-01-05T00:00+08:00'));
    expect(dueOf(policyWith({ holidays: [newYear2027] }), 'complaint.callback', '2026-12-31T15:00+08:00').due).toBe(at('2027-01-06T00:00+08:00'));
  });

  it('counts an adjusted working Saturday added by the policy', () => {
    const policy = policyWith({ holidays: [newYear2027], adjustedWorkdays: [{ date: '2027-01-02', name: "New Year's Day 元旦" }] });
    expect(policy.workingDays.isWorkingDay(dayFromCivil(2027, 1, 2))).toBe(true);
    const result = dueOf(policy, 'complaint.callback', '2026-12-31T15:00+08:00');
    // 01-02 (调休) and 01-04
    expect(result.due).toBe(at('2027-01-05T00:00+08:00'));
    expect(result.explain.some((l) => l.includes('2027-01-02 Sat: adjusted working day 调休'))).toBe(true);
  });
});

describe('overriding the chinese-days data', () => {
  it('makes a 调休 Saturday a holiday again', () => {
    const policy = policyWith({ holidays: [{ date: '2026-10-10', name: 'company day off' }] });
    expect(policy.workingDays.isWorkingDay(dayFromCivil(2026, 10, 10))).toBe(false);
    const result = dueOf(policy, 'refund.settle', '2026-09-24T10:00+08:00', bankCard);
    // 09-28..30 (1–3), 10-08, 10-09 (4–5), 10-12, 10-13 (6–7)
    expect(result.due).toBe(at('2026-10-14T00:00+08:00'));
    expect(result.explain.some((l) => l.includes('public holiday (company day off)'))).toBe(true);
  });

  it('makes a holiday a working day', () => {
    const policy = policyWith({ adjustedWorkdays: [{ date: '2026-10-07', name: 'back early' }] });
    const result = dueOf(policy, 'refund.settle', '2026-09-24T10:00+08:00', bankCard);
    // 09-28..30 (1–3), 10-07 (4), 10-08, 10-09 (5–6), 10-10 (7)
    expect(result.due).toBe(at('2026-10-11T00:00+08:00'));
  });

  it('falls back to plain Monday–Friday without built-in data', () => {
    const policy = policyWith({ holidayData: 'none' });
    // 10-01 and 10-02 are plain Thursday and Friday
    expect(dueOf(policy, 'complaint.callback', '2026-09-30T18:00+08:00').due).toBe(at('2026-10-03T00:00+08:00'));
    // Saturday 10-10 is no longer worked: Monday 10-12 and Tuesday 10-13
    expect(dueOf(policy, 'order.handover', '2026-10-09T09:00+08:00').due).toBe(at('2026-10-14T00:00+08:00'));
    expect(dueOf(getDefaultPolicy(), 'order.handover', '2026-10-09T09:00+08:00').due).toBe(at('2026-10-13T00:00+08:00'));
  });
});

describe('the policy time zone', () => {
  it('reads every clock time in the configured zone', () => {
    const tokyo = policyWith({}, 'Asia/Tokyo');
    // 21:30 in Shanghai is 22:30 in Tokyo: off duty, due 09:00 Tokyo = 08:00 Shanghai
    const result = dueOf(tokyo, 'order.review', '2026-11-26T21:30+08:00');
    expect(result.due).toBe(at('2026-11-27T09:00+09:00'));
    expect(result.warnAt).toBe(at('2026-11-27T08:48+09:00'));
  });
});
