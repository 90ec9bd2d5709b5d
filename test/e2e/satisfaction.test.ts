import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOUR, TestPlatform } from './platform.ts';

// The satisfaction report (service-standards.md §7 and §12; seed §4.3: "有记录、有指令、有回音、有结果",
// and the 回访 after a complaint scores 1–5) on the real runtime: complaints filed by the storefront,
// handled and called back through the staff API, the report read from the closed-day index.
let platform: TestPlatform;
/** Monday 2026-11-30, 09:05 in Shanghai: the complaint handlers are on duty (09:00–17:00). */
const MONDAY_0905 = '2026-11-30T09:05:00+08:00';
const cases: Record<string, string> = {};

beforeAll(async () => {
  platform = await TestPlatform.start(MONDAY_0905);
  // A and B are called back on Monday 30 November, C and D on Tuesday 1 December.
  await handled('A', { category: 'quality' }, 'hana', 1);
  await handled('B', {}, 'hana', 4);
  await platform.advanceTo('2026-12-01T10:00:00+08:00');
  await handled('C', { category: 'quality' }, 'li', 5);
  await handled('D', {}, 'li', 2);
}, 180_000);
afterAll(() => platform.stop());

/** Files a complaint, lets `handler` acknowledge, investigate and resolve it, and a colleague call back with `score`. */
async function handled(name: string, extra: Record<string, unknown>, handler: string, score: number): Promise<void> {
  const { status, caseId } = await platform.storefront('complaint.filed', { complaintId: `C-${name}`, customer: { name: '王芳', phone: '13700000000' }, text: '快递太慢', ...extra });
  expect(status).toBe(202);
  const who = platform.staff(handler, ['complaint-handler']);
  await platform.complete(who, caseId!, 'complaint.acknowledge');
  await platform.complete(who, caseId!, 'complaint.investigate');
  await platform.complete(who, caseId!, 'complaint.resolve', { outcome: 'upheld', fields: { remedy: 'compensation' } });
  await platform.advance(HOUR);
  await platform.complete(platform.staff('caller', ['complaint-handler']), caseId!, 'complaint.callback', { fields: { score } });
  cases[name] = caseId!;
}

const boss = () => platform.staff('boss', ['supervisor']);
const report = (query: string) => boss().call<Record<string, unknown>>('GET', `/reports/satisfaction?${query}`);

describe('GET /reports/satisfaction', () => {
  it('groups the callback scores by the handler who resolved the complaint: count, mean, distribution 1–5, share ≤ 2 with its cases', async () => {
    const answer = await report('from=2026-11-30&to=2026-12-01&groupBy=handler');
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      from: '2026-11-30',
      to: '2026-12-01',
      groupBy: 'handler',
      rows: [
        { group: 'hana', count: 2, meanScore: 2.5, distribution: { '1': 1, '2': 0, '3': 0, '4': 1, '5': 0 }, lowSharePct: 50, lowCases: [cases.A] },
        { group: 'li', count: 2, meanScore: 3.5, distribution: { '1': 0, '2': 1, '3': 0, '4': 0, '5': 1 }, lowSharePct: 50, lowCases: [cases.D] },
      ],
      total: { count: 4, meanScore: 3, distribution: { '1': 1, '2': 1, '3': 0, '4': 1, '5': 1 }, lowSharePct: 50, lowCases: [cases.A, cases.D] },
    });
  });

  it('groups by the complaint\'s category from its facts, a complaint without one under "other"', async () => {
    const answer = await report('from=2026-11-30&to=2026-12-01&groupBy=category');
    expect((answer.body.rows as { group: string; count: number; lowCases: string[] }[]).map((r) => [r.group, r.count, r.lowCases])).toEqual([
      ['other', 2, [cases.D]],
      ['quality', 2, [cases.A]],
    ]);
  });

  it('groups by the Beijing month of the callback, and counts only callbacks inside the range', async () => {
    const months = await report('from=2026-11-30&to=2026-12-01&groupBy=month');
    expect((months.body.rows as { group: string; meanScore: number }[]).map((r) => [r.group, r.meanScore])).toEqual([
      ['2026-11', 2.5],
      ['2026-12', 3.5],
    ]);
    const december = await report('from=2026-12-01&to=2026-12-01&groupBy=month');
    expect(december.body.total).toMatchObject({ count: 2, lowCases: [cases.D] });
  });

  it('gives CSV for Excel: a UTF-8 BOM, Chinese labels and category names with labels=zh', async () => {
    const answer = await boss().call<string>('GET', '/reports/satisfaction?from=2026-11-30&to=2026-12-01&groupBy=category&labels=zh', undefined, { accept: 'text/csv' });
    expect(answer.status).toBe(200);
    const text = String(answer.body);
    expect(text.replace(/^\uFEFF/, '').split('\r\n')).toEqual([
      '投诉类别,类别名称,回访数,平均分,1分,2分,3分,4分,5分,低分(≤2)占比(%),低分工单',
      `other,其他,2,3,0,1,0,1,0,50,${cases.D}`,
      `quality,质量问题,2,3,1,0,0,0,1,50,${cases.A}`,
      '',
    ]);
  });

  it('is the supervisor\'s: 403 for a complaint handler, 400 naming query.groupBy for an unknown grouping', async () => {
    const handler = await platform.staff('hana', ['complaint-handler']).call('GET', '/reports/satisfaction');
    expect(handler.status).toBe(403);
    const unknown = await report('groupBy=agent');
    expect([unknown.status, (unknown.body as { error: { message: string } }).error.message]).toEqual([400, 'query.groupBy: must be one of handler, category, month']);
  });
});
