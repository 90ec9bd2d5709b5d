import { describe, expect, it } from 'vitest';
import type { StepRecord } from '../../../core/cases/step.ts';
import { slaReportCsv } from '../../../core/reports/csv.ts';
import { minutesToComplete, onDutyMinutesToComplete, percentile, slaReport as report } from '../../../core/reports/sla-report.ts';
import { getDefaultPolicy } from '../../../policy/load.ts';

function step(s: Partial<StepRecord> & Pick<StepRecord, 'step' | 'role' | 'openedAt'>): StepRecord {
  return { caseId: 'c', caseType: 'order', attempt: 1, status: 'completed', pauses: [], ...s };
}

/** Minutes after 2025-03-03T01:00Z (09:00 Shanghai). */
const at = (minutes: number): string => new Date(Date.parse('2025-03-03T01:00:00Z') + minutes * 60_000).toISOString();

// A known day: four packs (one late, breached), two reviews, one cancelled step, one on the next day.
const steps: StepRecord[] = [
  step({ step: 'order.pack', role: 'terminal-admin', openedAt: at(0), completedAt: at(10), completedBy: 'zhang', onTime: true }),
  step({ step: 'order.pack', role: 'terminal-admin', openedAt: at(0), completedAt: at(20), completedBy: 'zhang', onTime: true }),
  step({ step: 'order.pack', role: 'terminal-admin', openedAt: at(0), completedAt: at(30), completedBy: 'wu', onTime: true }),
  step({ step: 'order.pack', role: 'terminal-admin', openedAt: at(0), completedAt: at(90), completedBy: 'wu', onTime: false, breachedAt: at(60) }),
  step({ step: 'order.review', role: 'ops-cs', openedAt: at(0), completedAt: at(50), completedBy: 'li', onTime: true, pauses: [{ from: at(5), to: at(35), reason: 'callback' }] }),
  step({ step: 'order.review', role: 'ops-cs', openedAt: at(0), completedAt: at(40), completedBy: 'li', onTime: false }),
  step({ step: 'order.review', role: 'ops-cs', openedAt: at(0), status: 'cancelled', completedAt: at(5) }),
  step({ step: 'order.dispatch', role: 'picker', openedAt: at(0), completedAt: at(16 * 60), completedBy: 'zhao', onTime: true }),
];

const policy = getDefaultPolicy();
const calendarOf = (role: string) => policy.roles.get(role)?.calendar;
/** The report of closed steps only, an hour after the day's last completion. */
const slaReport = (closed: StepRecord[], groupBy: Parameters<typeof report>[1]) => report({ closed, now: Date.parse(at(17 * 60)), calendarOf }, groupBy);

describe('SLA report', () => {
  it('groups completed steps by step with count, on-time, percentiles and breaches; cancelled steps are left out', () => {
    const report = slaReport(steps, 'step');
    expect(report.rows).toEqual([
      // 16 wall-clock hours, of which the picker's 09:00–17:00 day is 8 on-duty hours.
      { group: 'order.dispatch', count: 1, completed: 1, onTime: 1, onTimePct: 100, p50Minutes: 960, p90Minutes: 960, p50OnDutyMinutes: 480, p90OnDutyMinutes: 480, breaches: 0, openBreaches: 0, open: 0 },
      { group: 'order.pack', count: 4, completed: 4, onTime: 3, onTimePct: 75, p50Minutes: 20, p90Minutes: 90, p50OnDutyMinutes: 20, p90OnDutyMinutes: 90, breaches: 1, openBreaches: 0, open: 0 },
      // 50 min with a 30-min pause is 20 min of work.
      { group: 'order.review', count: 2, completed: 2, onTime: 1, onTimePct: 50, p50Minutes: 20, p90Minutes: 40, p50OnDutyMinutes: 20, p90OnDutyMinutes: 40, breaches: 1, openBreaches: 0, open: 0 },
    ]);
    expect(report.total).toMatchObject({ count: 7, onTime: 5, onTimePct: 71.4, breaches: 2 });
  });

  it('groups by role, by assignee and by Asia/Shanghai day of completion', () => {
    expect(slaReport(steps, 'role').rows.map((r) => [r.group, r.count])).toEqual([
      ['ops-cs', 2],
      ['picker', 1],
      ['terminal-admin', 4],
    ]);
    expect(slaReport(steps, 'assignee').rows.map((r) => [r.group, r.onTime, r.count])).toEqual([
      ['li', 1, 2],
      ['wu', 1, 2],
      ['zhang', 2, 2],
      ['zhao', 1, 1],
    ]);
    // The dispatch completed at 01:00 next day, Shanghai time.
    expect(slaReport(steps, 'day').rows.map((r) => [r.group, r.count])).toEqual([
      ['2025-03-03', 6],
      ['2025-03-04', 1],
    ]);
  });

  it('gives null figures for no steps, and nearest-rank percentiles', () => {
    expect(slaReport([], 'step')).toEqual({
      groupBy: 'step',
      rows: [],
      total: { count: 0, completed: 0, onTime: 0, onTimePct: null, p50Minutes: null, p90Minutes: null, p50OnDutyMinutes: null, p90OnDutyMinutes: null, breaches: 0, openBreaches: 0, open: 0 },
    });
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(percentile([5], 50)).toBe(5);
    expect(minutesToComplete({ openedAt: at(0), completedAt: at(61.5), pauses: [] })).toBe(61.5);
  });

  it('renders CSV with a header and one line per group, quoting where needed', () => {
    const csv = slaReportCsv(slaReport([...steps, step({ step: 'order.pack', role: 'x', openedAt: at(0), completedAt: at(1), completedBy: 'Wang, "Jr"', onTime: true })], 'assignee'));
    expect(csv.split('\r\n')).toEqual([
      'assignee,count,onTime,onTimePct,p50Minutes,p90Minutes,p50OnDutyMinutes,p90OnDutyMinutes,breaches,openBreaches,open,completed',
      '"Wang, ""Jr""",1,1,100,1,1,,,0,0,0,1',
      'li,2,1,50,20,40,20,40,1,0,0,2',
      'wu,2,1,50,30,90,30,90,1,0,0,2',
      'zhang,2,2,100,10,20,10,20,0,0,0,2',
      'zhao,1,1,100,960,960,480,480,0,0,0,1',
      '',
    ]);
  });

  it.each([
    ['=HYPERLINK("http://evil.example","x")', `"'=HYPERLINK(""http://evil.example"",""x"")"`],
    ['+SUM(1,2)', `"'+SUM(1,2)"`],
    ['-2+3', `'-2+3`],
    ['@cmd', `'@cmd`],
    ['\tTAB', `'\tTAB`],
    ['\rCR', `"'\rCR"`],
  ])('neutralises a cell that a spreadsheet would run as a formula: %s', (name, cell) => {
    const csv = slaReportCsv(slaReport([step({ step: 'order.pack', role: 'x', openedAt: at(0), completedAt: at(1), completedBy: name, onTime: true })], 'assignee'));
    expect(csv.slice(csv.indexOf('\r\n') + 2)).toBe(`${cell},1,1,100,1,1,,,0,0,0,1\r\n`);
  });

  it('counts an open step past its due as a breach and an open step not yet due as open, never as on time', () => {
    const now = Date.parse(at(120));
    const active: StepRecord[] = [
      // Due at 09:30, still open at 11:00 (its timer may not even have fired yet).
      step({ step: 'order.review', role: 'ops-cs', status: 'open', openedAt: at(0), due: at(30) }),
      step({ step: 'order.review', role: 'ops-cs', status: 'breached', openedAt: at(0), due: at(60), breachedAt: at(60) }),
      // Due at 12:00: not judged yet.
      step({ step: 'order.pack', role: 'terminal-admin', status: 'open', openedAt: at(60), due: at(180) }),
      // No deadline at all: not part of the SLA.
      step({ step: 'order.delivery', role: 'automatic', status: 'open', openedAt: at(0) }),
    ];
    const closed = [step({ step: 'order.review', role: 'ops-cs', openedAt: at(0), completedAt: at(20), completedBy: 'li', onTime: true })];
    const byStep = report({ closed, active, now, calendarOf }, 'step');
    expect(byStep.rows).toEqual([
      expect.objectContaining({ group: 'order.pack', count: 0, completed: 0, onTime: 0, onTimePct: null, breaches: 0, openBreaches: 0, open: 1 }),
      expect.objectContaining({ group: 'order.review', count: 3, completed: 1, onTime: 1, onTimePct: 33.3, breaches: 2, openBreaches: 2, open: 0, p50Minutes: 20 }),
    ]);
    expect(byStep.total).toMatchObject({ count: 3, completed: 1, onTime: 1, breaches: 2, openBreaches: 2, open: 1 });
    // Open work has no assignee yet.
    expect(report({ closed, active, now }, 'assignee').rows.map((r) => [r.group, r.count, r.open])).toEqual([
      ['li', 1, 0],
      ['unassigned', 2, 1],
    ]);
  });

  it("measures time to complete in the role's on-duty minutes beside wall-clock minutes, pauses excluded", () => {
    const opsCs = calendarOf('ops-cs');
    // Opened 19:30 Shanghai, done 08:30 next morning: 13 h on the wall clock, 60 min of ops-cs duty (08:00–20:00).
    const overnight = { openedAt: at(10 * 60 + 30), completedAt: at(23 * 60 + 30), pauses: [] };
    expect(minutesToComplete(overnight)).toBe(780);
    expect(onDutyMinutesToComplete(overnight, opsCs)).toBe(60);
    // A 20-minute pause at 08:00–08:20 is on-duty time not counted.
    expect(onDutyMinutesToComplete({ ...overnight, pauses: [{ from: at(23 * 60), to: at(23 * 60 + 20), reason: 'callback' }] }, opsCs)).toBe(40);
    expect(onDutyMinutesToComplete(overnight, undefined)).toBeNull();
  });
});
