/**
 * The `sla` command line, spawned as a user would run it (through tsx, not npm, for speed):
 * one JSON object on stdout and exit 0, or exit 2 with one line on stderr naming the problem.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = join(ROOT, 'node_modules/.bin/tsx');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function sla(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(TSX, ['cli/sla.ts', ...args], { cwd: ROOT }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolve({ code, stdout, stderr });
    });
  });
}

/** A mistake: exit 2, nothing on stdout, exactly one line on stderr starting `sla: `. */
function expectMistake(run: Run, message: RegExp): void {
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).toMatch(/^sla: [^\n]+\n$/);
  expect(run.stderr).toMatch(message);
}

function json(run: Run): Record<string, unknown> {
  expect(run.code, run.stderr).toBe(0);
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as Record<string, unknown>;
}

const dir = mkdtempSync(join(tmpdir(), 'sla-cli-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.concurrent('sla due', () => {
  it('prints one JSON object with the deadline of an off-duty review (the spec example)', async () => {
    const out = json(await sla('due', 'order.review', '--opened', '2026-11-26T21:30:00+08:00'));
    expect(Object.keys(out)).toEqual(['step', 'role', 'opened', 'due', 'warnAt', 'clockStart', 'budgetMinutes', 'provisional', 'timeZone', 'explain']);
    expect(out).toMatchObject({
      step: 'order.review',
      role: 'ops-cs',
      opened: '2026-11-26T21:30:00+08:00',
      due: '2026-11-27T09:00:00+08:00',
      warnAt: '2026-11-27T08:48:00+08:00',
      clockStart: '2026-11-27T08:00:00+08:00',
      budgetMinutes: 60,
      provisional: false,
      timeZone: 'Asia/Shanghai',
    });
    expect(Array.isArray(out.explain)).toBe(true);
    expect((out.explain as unknown[]).every((line) => typeof line === 'string')).toBe(true);
    expect((out.explain as string[]).length).toBeGreaterThan(2);
  });

  it('accepts an opening in UTC and answers in Shanghai time', async () => {
    const out = json(await sla('due', 'order.pack', '--opened', '2026-11-26T08:30:00Z'));
    // 16:30 Shanghai: 30 min today, 30 min from 09:00 tomorrow
    expect(out.opened).toBe('2026-11-26T16:30:00+08:00');
    expect(out.due).toBe('2026-11-27T09:30:00+08:00');
    expect(out.warnAt).toBe('2026-11-27T09:18:00+08:00');
  });

  it('answers a bank-card refund across the National Day holidays with no warning', async () => {
    const out = json(await sla('due', 'refund.settle', '--opened', '2026-09-24T10:00:00+08:00', '--fact', 'channel=bank-card'));
    expect(out).toMatchObject({ step: 'refund.settle', role: 'automatic', due: '2026-10-13T00:00:00+08:00', warnAt: null, budgetMinutes: null });
    expect((out.explain as string[]).some((l) => l.includes('public holiday (National Day 国庆节)'))).toBe(true);
  });

  it('counts New Year\'s Day 2027 by law although 2027 has no published schedule, and says the answer is provisional', async () => {
    const out = json(await sla('due', 'refund.settle', '--fact', 'channel=bank-card', '--opened', '2026-12-28T10:00:00+08:00'));
    expect(out).toMatchObject({ due: '2027-01-08T00:00:00+08:00', provisional: true });
    expect(out.explain).toContain("2027-01-01 Fri: public holiday by law (New Year's Day 元旦), provisional, not counted");
  });

  it('applies pauses that span the night', async () => {
    const out = json(
      await sla('due', 'order.review', '--opened', '2026-11-26T19:00:00+08:00', '--pause', '2026-11-26T19:10:00+08:00/2026-11-27T08:30:00+08:00'),
    );
    expect(out.due).toBe('2026-11-27T08:50:00+08:00');
    expect(out.warnAt).toBe('2026-11-27T08:44:00+08:00');
    expect((out.explain as string[]).some((l) => l.startsWith('paused'))).toBe(true);
  });

  it('refuses an unknown step', async () => {
    expectMistake(await sla('due', 'order.teleport', '--opened', '2026-11-26T10:00:00+08:00'), /^sla: unknown step "order\.teleport" \(known steps: .*order\.review/);
  });

  it('refuses a malformed time', async () => {
    expectMistake(await sla('due', 'order.review', '--opened', '2026-11-26 25:00'), /^sla: --opened: "2026-11-26 25:00" is not an ISO-8601 time with offset/);
  });

  it('refuses a time without its offset', async () => {
    expectMistake(await sla('due', 'order.review', '--opened', '2026-11-26T21:30:00'), /^sla: --opened: "2026-11-26T21:30:00" is not an ISO-8601 time with offset/);
  });

  it('refuses a fact that is not name=value', async () => {
    expectMistake(await sla('due', 'refund.settle', '--opened', '2026-11-26T10:00:00+08:00', '--fact', 'channel'), /^sla: --fact: "channel" is not name=value$/m);
  });

  it('refuses an unknown fact value and lists the allowed ones', async () => {
    expectMistake(
      await sla('due', 'refund.settle', '--opened', '2026-11-26T10:00:00+08:00', '--fact', 'channel=wechat'),
      /^sla: fact channel="wechat" is not one of: alipay, bank-card, boc$/m,
    );
  });

  it('refuses a pause that ends before it starts', async () => {
    expectMistake(
      await sla('due', 'order.review', '--opened', '2026-11-26T10:00:00+08:00', '--pause', '2026-11-26T11:00:00+08:00/2026-11-26T10:30:00+08:00'),
      /^sla: --pause: "2026-11-26T11:00:00\+08:00\/2026-11-26T10:30:00\+08:00" ends before it starts$/m,
    );
  });

  it('names the field of a mistake in a policy file', async () => {
    const text = readFileSync(join(ROOT, 'policy/default-policy.json'), 'utf8');
    // The first shift of the file is ops-cs's 08:00–20:00.
    const bad = text.replace('"from": "08:00"', '"from": "25:00"');
    expect(bad).not.toBe(text);
    const path = join(dir, 'bad-policy.json');
    writeFileSync(path, bad);
    expectMistake(
      await sla('due', 'order.review', '--opened', '2026-11-26T10:00:00+08:00', '--policy', path),
      new RegExp(`^sla: policy ${path.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} is invalid: roles\\["ops-cs"\\]\\.shifts\\[0\\]\\.from: expected a time "HH:MM" between 00:00 and 24:00, got "25:00"$`, 'm'),
    );
  });
});

describe.concurrent('sla check', () => {
  it('warns, and still exits 0, when a year added to the policy lists only 元旦 and 春节', async () => {
    const policy = JSON.parse(readFileSync(join(ROOT, 'policy/default-policy.json'), 'utf8')) as { workingDays: Record<string, unknown> };
    policy.workingDays.holidays = [
      { date: '2027-01-01', name: "New Year's Day 元旦" },
      { date: '2027-02-06', name: 'Spring Festival 春节' },
    ];
    const path = join(dir, 'partial-2027.json');
    writeFileSync(path, JSON.stringify(policy));
    const run = await sla('check', '--policy', path);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^sla: warning: workingDays: 2027 looks partial — the policy lists no holiday for Tomb-sweeping Day 清明 \(2027-04-05\); Labour Day 劳动节 \(2027-05-01, 2027-05-02\);/);
    expect(run.stderr).toContain('National Day 国庆节 (2027-10-01, 2027-10-02, 2027-10-03)');
    expect(run.stderr).not.toContain('元旦');
    expect((JSON.parse(run.stdout) as { warnings: string[] }).warnings).toHaveLength(1);
  });

  it('says nothing for the shipped policy', async () => {
    expect(json(await sla('check'))).toMatchObject({ ok: true, warnings: [] });
  });
});

describe.concurrent('sla calendar', () => {
  it('lists a role calendar day by day', async () => {
    const out = json(await sla('calendar', 'ops-cs', '--from', '2026-11-28', '--days', '2'));
    expect(out).toEqual({
      calendar: 'ops-cs',
      timeZone: 'Asia/Shanghai',
      from: '2026-11-28',
      days: [
        { date: '2026-11-28', weekday: 'sat', onDuty: [{ from: '2026-11-28T08:00:00+08:00', to: '2026-11-28T20:00:00+08:00' }], hours: '08:00–20:00' },
        { date: '2026-11-29', weekday: 'sun', onDuty: [{ from: '2026-11-29T08:00:00+08:00', to: '2026-11-29T20:00:00+08:00' }], hours: '08:00–20:00' },
      ],
    });
  });

  it('lists working days with holidays and 调休 days', async () => {
    const out = json(await sla('calendar', 'working-days', '--from', '2026-10-07', '--days', '5'));
    const days = out.days as { date: string; working: boolean; kind: string; name: string | null }[];
    expect(days.map((d) => [d.date, d.working, d.kind])).toEqual([
      ['2026-10-07', false, 'holiday'],
      ['2026-10-08', true, 'workday'],
      ['2026-10-09', true, 'workday'],
      ['2026-10-10', true, 'adjusted-workday'],
      ['2026-10-11', false, 'weekend'],
    ]);
    expect(days[0]?.name).toBe('National Day 国庆节');
  });

  it('lists pickup days with their batches, none on Sunday', async () => {
    const out = json(await sla('calendar', 'pickup-days', '--from', '2026-11-28', '--days', '2'));
    expect(out.days).toEqual([
      { date: '2026-11-28', weekday: 'sat', pickup: true, batches: ['2026-11-28T10:00:00+08:00', '2026-11-28T13:00:00+08:00', '2026-11-28T17:00:00+08:00'] },
      { date: '2026-11-29', weekday: 'sun', pickup: false, batches: [] },
    ]);
  });

  it('refuses an unknown calendar and a bad date', async () => {
    const [unknown, badDate] = await Promise.all([
      sla('calendar', 'night-watch', '--from', '2026-11-28', '--days', '2'),
      sla('calendar', 'ops-cs', '--from', '2026-02-30', '--days', '2'),
    ]);
    expectMistake(unknown, /^sla: calendar: unknown calendar "night-watch" \(one of: .*working-days, pickup-days\)$/m);
    expectMistake(badDate, /^sla: --from: "2026-02-30" is not a date YYYY-MM-DD$/m);
  });
});
