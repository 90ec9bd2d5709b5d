/**
 * The demo's scorecards and quality checks (issue 23; docs/people.md): after the simulated days,
 * the supervisor draws the store week's quality checks (as the Monday schedule would), scores the
 * first few 1–5 per criterion with a note, and reads the scorecards per week — shown in the
 * closing note and written as CSV (UTF-8 with BOM, Chinese labels) beside the SLA report.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mondayOf } from '../../core/people/scorecard/periods.ts';
import type { ScorecardRow } from '../../core/people/scorecard/scorecard.ts';
import { formatDate, parseDate } from '../../core/time/civil.ts';
import { pad } from './text-width.ts';
import type { StaffSession } from './platform-client.ts';
import type { Random } from './random.ts';

/** How many drawn checks the demo's supervisor scores. */
const SCORED = 6;

export interface PeopleScene {
  week: string;
  drawn: number;
  scored: number;
  rows: ScorecardRow[];
  csvFile: string;
}

export async function peopleScene(options: { supervisor: StaffSession; from: string; to: string; outDir: string; random: Random }): Promise<PeopleScene> {
  const { supervisor } = options;
  const week = formatDate(mondayOf(parseDate(options.from) ?? 0));
  const drawn = await supervisor.call<{ sampled: number }>('POST', '/qa/sample', { week });
  if (drawn.status !== 200) throw new Error(`POST /qa/sample: ${drawn.status} ${JSON.stringify(drawn.body)}`);
  const queue = await supervisor.call<{ criteria: { id: string }[]; items: { id: string }[] }>('GET', `/qa?week=${week}&status=open`);
  if (queue.status !== 200) throw new Error(`GET /qa: ${queue.status} ${JSON.stringify(queue.body)}`);
  let scored = 0;
  for (const item of queue.body.items.slice(0, SCORED)) {
    const scores = Object.fromEntries(queue.body.criteria.map((c) => [c.id, options.random.int(3, 5)]));
    const answer = await supervisor.call('POST', `/qa/${item.id}/score`, { scores, note: '演示评分 demo score' });
    if (answer.status === 200) scored++;
  }
  const range = `from=${options.from}&to=${options.to}&groupBy=week`;
  const report = await supervisor.call<{ rows: ScorecardRow[] }>('GET', `/reports/people?${range}`);
  if (report.status !== 200) throw new Error(`GET /reports/people: ${report.status} ${JSON.stringify(report.body)}`);
  const csv = await supervisor.call<string>('GET', `/reports/people?${range}&format=csv&labels=zh`);
  const csvFile = join(options.outDir, 'people-scorecards.csv');
  writeFileSync(csvFile, `\uFEFF${String(csv.body).replace(/^\uFEFF/, '')}`);
  return { week, drawn: drawn.body.sampled, scored, rows: report.body.rows, csvFile };
}

/** The closing note's scorecard table, by person, at most `limit` rows. */
export function peopleText(scene: PeopleScene, limit = 40): string {
  const out = [`Scorecards 考核 · week of ${scene.week} · ${scene.drawn} quality checks drawn, ${scene.scored} scored · ${scene.csvFile}`];
  const header = ['person 人员', 'score 考核分', 'steps 步骤', 'on-time 按时', 'reply 回复', 'callback 回访', 'QA 质检'];
  const widths = [22, 12, 10, 12, 10, 13, 8];
  out.push(header.map((h, i) => pad(h, widths[i]!, 'end')).join(' '));
  const dash = (v: number | null, suffix = '') => (v === null ? '—' : `${v}${suffix}`);
  const rows = scene.rows.slice(0, limit);
  for (const r of rows) {
    const cells = [r.person, dash(r.score), String(r.stepsCompleted), dash(r.onTimePct, '%'), dash(r.replyWithinPct, '%'), dash(r.satisfactionMean), dash(r.qaMean)];
    out.push(cells.map((c, i) => pad(c, widths[i]!, 'end')).join(' '));
  }
  if (scene.rows.length > limit) out.push(`… ${scene.rows.length - limit} more in the CSV`);
  return out.join('\n');
}
