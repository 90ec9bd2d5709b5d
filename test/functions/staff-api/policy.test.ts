import { afterEach, describe, expect, it } from 'vitest';
import { useDependencies } from '../../../functions/shared/dependencies.ts';
import { bodyOf, errorOf } from '../http/api-support.ts';
import { useHarness } from '../harness.ts';
import { staffRig } from './support.ts';

interface PolicyBody {
  timeZone: string;
  roles: { id: string; name: { zh: string }; week: { weekday: string; shifts: { from: string; to: string }[] }[] }[];
  workingDays: { year: number; holidayData: boolean; days: { date: string; kind: string; working: boolean; name: string | null; pickup: boolean }[] };
  pickup: { batches: { at: string; ordersBefore: string }[]; leadMinutes: number; stepShares: Record<string, number> };
  steps: { id: string; label: { zh: string }; ruleText: { zh: string; en: string } }[];
}

describe('GET /policy: the policy in force, read-only, for the console\'s operator page', () => {
  const { fresh } = useHarness();
  afterEach(() => useDependencies(undefined));

  it('shows each role\'s week of shifts, a year of days with holidays, 调休 and pickup days, the batches and every rule in words', async () => {
    const rig = staffRig(fresh('2026-11-30T10:00:00+08:00'));
    const response = await rig.as('li', 'ops-cs').get('/policy');
    expect(response.statusCode).toBe(200);
    const body = bodyOf(response) as unknown as PolicyBody;
    expect(body.timeZone).toBe('Asia/Shanghai');
    const opsCs = body.roles.find((r) => r.id === 'ops-cs');
    expect(opsCs?.name.zh).toBe('运营客服');
    expect(opsCs?.week.find((d) => d.weekday === 'mon')?.shifts).toEqual([{ from: '08:00', to: '20:00', overnight: false }]);

    expect(body.workingDays.year).toBe(2026);
    expect(body.workingDays.holidayData).toBe(true);
    expect(body.workingDays.days).toHaveLength(365);
    const day = (date: string) => body.workingDays.days.find((d) => d.date === date);
    expect(day('2026-10-01')).toEqual({ date: '2026-10-01', weekday: 'thu', kind: 'holiday', working: false, name: 'National Day 国庆节', pickup: true });
    expect(day('2026-10-10')).toMatchObject({ weekday: 'sat', kind: 'adjusted-workday', working: true });
    expect(day('2026-11-29')).toMatchObject({ weekday: 'sun', kind: 'weekend', pickup: false });

    expect(body.pickup.batches.map((b) => b.at)).toEqual(['10:00', '13:00', '17:00']);
    // service-standards.md §2 "Batch targets": the lead time and each step's share.
    expect(body.pickup).toMatchObject({ leadMinutes: 60, stepShares: { 'order.dispatch': 5, 'order.crm-bind': 10, 'order.pack': 30 } });
    expect(body.steps.find((s) => s.id === 'order.review')).toMatchObject({
      label: { zh: '订单审核' },
      ruleText: { zh: '运营客服在岗时间 30 分钟内;非在岗时段到达:下一个在岗日 09:00 前', en: '30m of ops-cs on-duty time; opened off duty: by 09:00 of the next on-duty day' },
    });
  });

  it('flags a year without holiday data, and names a bad year', async () => {
    const staff = staffRig(fresh('2026-11-30T10:00:00+08:00')).as('li', 'ops-cs');
    expect((bodyOf(await staff.get('/policy', { year: '2031' })) as unknown as PolicyBody).workingDays.holidayData).toBe(false);
    const bad = await staff.get('/policy', { year: 'next' });
    expect([bad.statusCode, errorOf(bad).message]).toEqual([400, 'query.year: must be a year, e.g. 2026']);
  });
});
