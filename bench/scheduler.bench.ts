// npm run bench:scheduler — 100,000 pending one-time at() schedules in the durable Scheduler
// emulator on the real clock: how late each fires (p50/p99/max), and memory (RSS, heap).
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock } from '../core/time/clock.ts';
import { createSchedulerLocal } from '../local/scheduler/index.ts';

const SCHEDULES = Number(process.env.SCHEDULER_BENCH_SCHEDULES ?? 100_000);
/** Seconds over which the schedules fall due (at() has second precision: one burst per second). */
const HORIZON_S = Number(process.env.SCHEDULER_BENCH_HORIZON_S ?? 60);
const LAMBDA_ARN = 'arn:aws:lambda:us-east-1:123456789012:function:sla-timer';
const ROLE_ARN = 'arn:aws:iam::123456789012:role/scheduler';

const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
const atText = (ms: number): string => `at(${new Date(ms).toISOString().slice(0, 19)})`;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'scheduler-bench-'));
  const lateness: number[] = [];
  /** Worst lateness per due second: shows whether the tail is every burst or a few stalls. */
  const worstBySecond = new Map<number, number>();
  let peakRss = 0;
  let peakHeap = 0;
  let done: () => void = () => {};
  const finished = new Promise<void>((resolve) => (done = resolve));
  const scheduler = createSchedulerLocal({
    data: dir,
    clock: systemClock,
    dispatcher: {
      invokeLambda: async (_arn, payload) => {
        const due = (JSON.parse(payload) as { due: number }).due;
        const late = systemClock.now() - due;
        lateness.push(late);
        worstBySecond.set(due, Math.max(worstBySecond.get(due) ?? 0, late));
        if (lateness.length === SCHEDULES) done();
      },
    },
  });
  scheduler.start();
  try {
    // Creation rate decides the lead time: the first schedule falls due after all are created.
    const createStart = performance.now();
    const lead = 5_000 + Math.ceil(SCHEDULES / 4); // ≥ 4,000 creates/s assumed; checked below
    const first = Math.ceil((systemClock.now() + lead) / 1000) * 1000;
    for (let i = 0; i < SCHEDULES; i++) {
      const due = first + (i % HORIZON_S) * 1000;
      const response = scheduler.request('POST', `/schedules/timer-${i}`, {
        ScheduleExpression: atText(due),
        ScheduleExpressionTimezone: 'UTC',
        FlexibleTimeWindow: { Mode: 'OFF' },
        ActionAfterCompletion: 'DELETE',
        Target: { Arn: LAMBDA_ARN, RoleArn: ROLE_ARN, Input: JSON.stringify({ due, caseId: `case-${i}`, step: 'ship' }) },
      });
      if (response.status !== 200) throw new Error(`CreateSchedule failed: ${JSON.stringify(response.body)}`);
    }
    const createMs = performance.now() - createStart;
    const created = process.memoryUsage();
    const beforeFirst = first - systemClock.now();
    console.log(`created ${SCHEDULES.toLocaleString('en-US')} schedules in ${(createMs / 1000).toFixed(2)} s (${Math.round(SCHEDULES / (createMs / 1000)).toLocaleString('en-US')}/s); first due in ${beforeFirst} ms; ${HORIZON_S} s horizon (${Math.round(SCHEDULES / HORIZON_S).toLocaleString('en-US')} due per second)`);
    console.log(`memory with ${scheduler.scheduleCount().toLocaleString('en-US')} pending: RSS ${mib(created.rss)}, heap used ${mib(created.heapUsed)}`);
    if (beforeFirst < 0) throw new Error('creation overran the lead time: the figures would measure catch-up, not timer lateness; rerun on a quieter machine');

    const sampler = setInterval(() => {
      const m = process.memoryUsage();
      peakRss = Math.max(peakRss, m.rss);
      peakHeap = Math.max(peakHeap, m.heapUsed);
    }, 250);
    await finished;
    clearInterval(sampler);
    await scheduler.idle();

    const sorted = [...lateness].sort((a, b) => a - b);
    console.log(`fired ${lateness.length.toLocaleString('en-US')}; lateness p50 ${percentile(sorted, 50)} ms, p99 ${percentile(sorted, 99)} ms, max ${sorted.at(-1)} ms; early ${sorted.filter((l) => l < 0).length}`);
    const worst = [...worstBySecond.values()].sort((a, b) => a - b);
    console.log(`worst lateness per due second: median ${percentile(worst, 50)} ms, 90th ${percentile(worst, 90)} ms, max ${worst.at(-1)} ms (${worst.length} seconds)`);
    console.log(`peak while firing: RSS ${mib(peakRss)}, heap used ${mib(peakHeap)}; left: ${scheduler.scheduleCount()} schedules, ${scheduler.pendingInvocations()} invocations`);
    console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  } finally {
    scheduler.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
