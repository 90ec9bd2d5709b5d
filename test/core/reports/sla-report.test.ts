import { describe, expect, it } from 'vitest';
import type { StepRecord } from '../../../core/cases/step.ts';
import { slaReportCsv } from '../../../core/reports/csv.ts';
import { minutesToComplete, percentile, slaReport } from '../../../core/reports/sla-report.ts';

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

describe('SLA report', () => {
  it('groups completed steps by step with count, on-time, percentiles and breaches; cancelled steps are left out', () => {
    const report = slaReport(steps, 'step');
    expect(report.rows).toEqual([
      { group: 'order.dispatch', count: 1, onTime: 1, onTimePct: 100, p50Minutes: 960, p90Minutes: 960, breaches: 0 },
      { group: 'order.pack', count: 4, onTime: 3, onTimePct: 75, p50Minutes: 20, p90Minutes: 90, breaches: 1 },
      // 50 min with a 30-min pause is 20 min of work.
      { group: 'order.review', count: 2, onTime: 1, onTimePct: 50, p50Minutes: 20, p90Minutes: 40, breaches: 1 },
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
    expect(slaReport([], 'step')).toEqual({ groupBy: 'step', rows: [], total: { count: 0, onTime: 0, onTimePct: null, p50Minutes: null, p90Minutes: null, breaches: 0 } });
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(percentile([5], 50)).toBe(5);
    expect(minutesToComplete({ openedAt: at(0), completedAt: at(61.5), pauses: [] })).toBe(61.5);
  });

  it('renders CSV with a header and one line per group, quoting where needed', () => {
    const csv = slaReportCsv(slaReport([...steps, step({ step: 'order.pack', role: 'x', openedAt: at(0), completedAt: at(1), completedBy: 'Wang, "Jr"', onTime: true })], 'assignee'));
    expect(csv.split('\r\n')).toEqual([
      'assignee,count,onTime,onTimePct,p50Minutes,p90Minutes,breaches',
      '"Wang, ""Jr""",1,1,100,1,1,0',
      'li,2,1,50,20,40,1',
      'wu,2,1,50,30,90,1',
      'zhang,2,2,100,10,20,0',
      'zhao,1,1,100,960,960,0',
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
    expect(csv.slice(csv.indexOf('\r\n') + 2)).toBe(`${cell},1,1,100,1,1,0\r\n`);
  });
});
