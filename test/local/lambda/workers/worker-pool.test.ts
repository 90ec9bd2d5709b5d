import { threadId } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { offsetClock, systemClock, VirtualClock, type Clock } from '../../../../core/time/clock.ts';
import { LambdaInvoker } from '../../../../local/lambda/invoker.ts';
import { WorkerPool, type WorkerPoolOptions } from '../../../../local/lambda/workers/worker-pool.ts';

interface Probe {
  now: number;
  remainingMs: number;
  functionName: string;
  threadId: number;
  at: unknown;
}

const pools: WorkerPool[] = [];
afterAll(() => Promise.all(pools.map((pool) => pool.close())));

function invokerOn(clock: Clock, size: number, options: Partial<WorkerPoolOptions> = {}): { invoker: LambdaInvoker; pool: WorkerPool } {
  const pool = new WorkerPool({ size, clock, ...options });
  pools.push(pool);
  const invoker = new LambdaInvoker(
    [
      { id: 'echo', entry: 'test/fixtures/functions/echo.ts', access: {} },
      { id: 'probe', entry: 'test/fixtures/functions/runtime-probe.ts', access: {}, timeoutSeconds: 10 },
    ],
    { root: process.cwd(), clock, region: 'us-east-1', account: '000000000000', physicalName: (id) => `sla-${id}`, pool },
  );
  return { invoker, pool };
}

async function probe(invoker: LambdaInvoker): Promise<Probe> {
  const result = await invoker.invoke('probe', {});
  if (!('payload' in result)) throw new Error(`probe failed: ${JSON.stringify(result)}`);
  return result.payload as Probe;
}

describe('the worker-thread function runtime', () => {
  it('runs a handler on a worker thread with the Lambda context, its timeout counted on the main thread\'s virtual clock, and returns its result as JSON', async () => {
    const clock = new VirtualClock('2026-11-11T00:00:00+08:00');
    const { invoker } = invokerOn(clock, 2);
    const first = await probe(invoker);
    expect(first.threadId).not.toBe(threadId);
    expect(first).toMatchObject({ now: clock.now(), remainingMs: 10_000, functionName: 'sla-probe', at: '1970-01-01T00:00:00.000Z' });
    await clock.advanceTo(clock.now() + 5 * 60_000);
    expect((await probe(invoker)).now).toBe(Date.parse('2026-11-11T00:05:00+08:00'));
    expect(await invoker.invoke('echo', { rawPath: '/raw' })).toEqual({ payload: { ok: true } });
  });

  it('reads a shifted clock (npm start --time) at the system clock\'s pace', async () => {
    const offsetMs = -30 * 24 * 3_600_000;
    const { invoker } = invokerOn(offsetClock(offsetMs), 1);
    const before = systemClock.now() + offsetMs;
    const seen = (await probe(invoker)).now;
    expect(seen).toBeGreaterThanOrEqual(before);
    expect(seen).toBeLessThanOrEqual(systemClock.now() + offsetMs);
  });

  it('reports a thrown error as a function error named after the error, as the in-process runtime does', async () => {
    const { invoker } = invokerOn(new VirtualClock(0), 1);
    expect(await invoker.invoke('echo', { fail: 'StepNotOpen' })).toMatchObject({ errorType: 'StepNotOpen', errorMessage: 'asked to fail: StepNotOpen' });
    expect(invoker.stats().echo).toMatchObject({ invocations: 1, errors: 1 });
  });

  it('reports a handler that exits its runtime as Lambda does (Runtime.ExitError) and serves the next invocation from a new worker', async () => {
    const crashes: unknown[] = [];
    const { invoker, pool } = invokerOn(new VirtualClock(0), 1, { onCrash: (message, fields) => crashes.push({ message, ...fields }) });
    const before = await probe(invoker);
    const crashed = await invoker.invoke('probe', { exit: 3 });
    expect(crashed).toMatchObject({ errorType: 'Runtime.ExitError', errorMessage: expect.stringMatching(/^RequestId: [0-9a-f-]{36} Error: Runtime exited with error: exit status 3$/) as unknown });
    const after = await probe(invoker);
    expect(after.threadId).not.toBe(before.threadId);
    expect(pool.started).toBe(2);
    expect(crashes).toEqual([{ message: 'function runtime worker exited; the next invocation starts a new one', threadId: before.threadId, cause: 'exit status 3', invocations: 1 }]);
  });
});
