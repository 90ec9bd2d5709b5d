/**
 * What a data directory remembers of its start (issue 28 item 12): a plain restart resumes the
 * policy file and the clock it last ran on; a start that would change either is refused in one
 * line naming the flag, on real directories.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rememberPlatformClock } from '../../../local/runtime/platform-clock.ts';
import { planStart, rememberPolicy, StartChangeRefused } from '../../../local/runtime/start-memory.ts';

const NOW = Date.parse('2026-12-07T10:00:00+08:00');
const REHEARSAL = Date.parse('2026-12-24T09:00:00+08:00');
const plain = { changePolicy: false, changeClock: false };
const fresh = (): string => mkdtempSync(join(tmpdir(), 'start-memory-'));

/** A directory a platform ran on (any file makes it hold data), with what that start remembered. */
function ranOn(policyPath: string | undefined, offsetMs = 0): string {
  const dir = fresh();
  writeFileSync(join(dir, 'accounts.json'), '[]');
  rememberPolicy(dir, policyPath);
  rememberPlatformClock(dir, offsetMs);
  return dir;
}

describe('a start on a data directory that ran on a policy file', () => {
  it('resumes that policy on a plain restart, and says so, instead of going back to the default', () => {
    const dir = ranOn('/etc/store/policy.json');
    const plan = planStart(dir, plain, NOW);
    expect(plan.policyPath).toBe('/etc/store/policy.json');
    expect(plan.notes).toEqual([`SLA policy: /etc/store/policy.json, as ${dir} last ran (--change-policy to go back to the default)`]);
  });

  it('refuses another policy file in one line naming --change-policy, and switches with it', () => {
    const dir = ranOn('/etc/store/policy.json');
    const other = { ...plain, policyPath: '/etc/store/new.json' };
    expect(() => planStart(dir, other, NOW)).toThrow(StartChangeRefused);
    expect(() => planStart(dir, other, NOW)).toThrow(`--policy /etc/store/new.json: ${dir} last ran on /etc/store/policy.json; new steps of its open cases would be timed by other rules — add --change-policy to switch (or use another --data)`);
    expect(planStart(dir, { ...other, changePolicy: true }, NOW)).toMatchObject({ policyPath: '/etc/store/new.json', notes: ['SLA policy changed from /etc/store/policy.json to /etc/store/new.json (--change-policy)'] });
    expect(planStart(dir, { ...plain, changePolicy: true }, NOW).policyPath).toBeUndefined(); // back to the default
  });

  it('refuses a policy file on a directory that ran on the default one', () => {
    expect(() => planStart(ranOn(undefined), { ...plain, policyPath: '/etc/store/policy.json' }, NOW)).toThrow(/last ran on the default policy; .*add --change-policy/);
    expect(planStart(ranOn(undefined), plain, NOW)).toEqual({ offsetMs: 0, notes: [] });
  });
});

describe('a start on a data directory that ran a --time rehearsal', () => {
  it('resumes the rehearsal clock on a plain restart instead of the system clock (whose tokens would be "issued in the future")', () => {
    const dir = ranOn(undefined, REHEARSAL - NOW);
    const plan = planStart(dir, plain, NOW + 60_000);
    expect(plan.offsetMs).toBe(REHEARSAL - NOW);
    expect(plan.notes).toEqual([`the platform's clock resumes the --time rehearsal of ${dir}: it is 2026-12-24T01:01:00.000Z there (--change-clock for the system clock)`]);
    expect(planStart(dir, { ...plain, changeClock: true }, NOW).offsetMs).toBe(0);
  });

  it('refuses --time on a directory holding cases timed on another clock, pointing to a separate --data', () => {
    const dir = ranOn(undefined);
    expect(() => planStart(dir, { ...plain, startAt: REHEARSAL }, NOW)).toThrow(
      `--time: ${dir} already holds cases timed on the system clock; another clock would judge their tokens and deadlines on another day — rehearse on a separate --data (e.g. --data .rehearsal-data), or add --change-clock`,
    );
    expect(planStart(dir, { ...plain, startAt: REHEARSAL, changeClock: true }, NOW).offsetMs).toBe(REHEARSAL - NOW);
  });

  it('lets a rehearsal start on a new directory', () => {
    expect(planStart(join(fresh(), 'rehearsal'), { ...plain, startAt: REHEARSAL }, NOW)).toEqual({ offsetMs: REHEARSAL - NOW, notes: [] });
  });
});
