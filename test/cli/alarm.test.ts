/**
 * `npm run -s alarm -- test`, spawned as an operator runs it (through tsx, not npm, for speed)
 * against fake robots: the robot's answer on stdout, exit 0 when it accepted, 1 otherwise.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { POINTER_FILE } from '../../local/runtime/running.ts';
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
  return alarmIn(ROOT, env, ...args);
}

function alarmIn(cwd: string, env: Record<string, string>, ...args: string[]): Promise<Run> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('ALARM_') && name !== 'PORT'));
  return new Promise((resolve) => {
    execFile(TSX, [join(ROOT, 'cli/alarm.ts'), ...args], { cwd, env: { ...clean, DATA_DIR, ...env } }, (error, stdout, stderr) => {
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

  it('counts a non-zero errcode in a 200 answer as a failure for every kind: a loopback URL with no kind (generic) at a signed DingTalk robot exits 1', async () => {
    const robot = await FakeRobot.start({ kind: 'dingtalk', secret: 'SECright' });
    robots.push(robot);
    const run = await alarm({ ALARM_WEBHOOK_URL: robot.url, ALARM_WEBHOOK_SECRET: 'SECright' }, 'test');
    expect(robot.answers.at(-1)?.status).toBe(200);
    expect(run.stdout).toMatch(/^default \(generic, 127\.0\.0\.1:\d+\): rejected — errcode 310000 /);
    expect(run.code).toBe(1);
  }, 60_000);

  it("links to the console on the port of the platform running from this directory, not 3000", async () => {
    const robot = await FakeRobot.start({ kind: 'wecom' });
    robots.push(robot);
    const cwd = mkdtempSync(join(tmpdir(), 'alarm-cwd-'));
    // What npm start records (local/runtime/running.ts); this test process stands in for the live platform.
    writeFileSync(join(cwd, POINTER_FILE), JSON.stringify({ dataDir: DATA_DIR, pid: process.pid, apiUrl: 'http://127.0.0.1:3917' }));
    const run = await alarmIn(cwd, { ALARM_WEBHOOK_URL: robot.url, ALARM_WEBHOOK_KIND: 'wecom' }, 'test');
    expect(run.code).toBe(0);
    expect(robot.texts()[0]).toContain('http://127.0.0.1:3917/console/cases/order-SO-ALARM-TEST');
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
