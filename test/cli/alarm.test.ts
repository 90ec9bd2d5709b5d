/**
 * `npm run -s alarm -- test`, spawned as an operator runs it (through tsx, not npm, for speed)
 * against fake robots: the robot's answer on stdout, exit 0 when it accepted, 1 otherwise.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { FakeRobot } from '../support/robots/fake-robot.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const DATA_DIR = mkdtempSync(join(tmpdir(), 'alarm-cli-'));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function alarm(env: Record<string, string>, ...args: string[]): Promise<Run> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('ALARM_')));
  return new Promise((resolve) => {
    execFile(TSX, ['cli/alarm.ts', ...args], { cwd: ROOT, env: { ...clean, DATA_DIR, ...env } }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout, stderr });
    });
  });
}

const robots: FakeRobot[] = [];
afterAll(async () => {
  await Promise.all(robots.map((r) => r.close()));
});

describe('alarm test', () => {
  it("posts a rendered example breach to a signed DingTalk robot in keyword mode and prints its answer; a wrong secret is reported with the robot's errmsg", async () => {
    const robot = await FakeRobot.start({ kind: 'dingtalk', secret: 'SECright', keyword: 'SLA' });
    robots.push(robot);
    const env = { ALARM_WEBHOOK_URL: robot.url, ALARM_WEBHOOK_KIND: 'dingtalk' };
    const [good, bad] = await Promise.all([alarm({ ...env, ALARM_WEBHOOK_SECRET: 'SECright' }, 'test'), alarm({ ...env, ALARM_WEBHOOK_SECRET: 'SECwrong' }, 'test')]);

    expect(good.stdout).toMatch(/^default \(dingtalk, 127\.0\.0\.1:\d+\): accepted — errcode 0 ok\n$/);
    expect(good.code).toBe(0);
    expect(robot.texts()).toHaveLength(1);
    expect(robot.texts()[0]).toContain('【SLA告警】超时:订单审核 order.review');
    expect(robot.texts()[0]).toContain('订单 SO-ALARM-TEST · 工单 order-SO-ALARM-TEST');

    expect(bad.stdout).toMatch(/^default \(dingtalk, 127\.0\.0\.1:\d+\): rejected — errcode 310000 sign not match\n$/);
    expect(bad.code).toBe(1);
  }, 60_000);

  it('says how to configure a robot when none is, and names an unknown channel (exit 2)', async () => {
    const none = await alarm({}, 'test');
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^alarm: no alarm channel is configured: set ALARM_WEBHOOK_URL/);
    const unknown = await alarm({ ALARM_WEBHOOK_URL: 'http://127.0.0.1:9/x' }, 'test', '--channel', 'ops');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('alarm: --channel: no channel "ops" (channels: default)\n');
  }, 60_000);
});
