// npm run bench:queue — `GET /queue` alone: 1,000 open order reviews for ops-cs on the whole local
// runtime (embedded DynamoDB store, virtual clock), asked over HTTP as the console asks it; median
// of QUEUE_BENCH_RUNS reads after one warm-up. No browser, so the figure is the API's own.
import '../local/quiet-logs.ts';
import { mkdtempSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { manifest } from '../app/manifest.ts';
import { VirtualClock } from '../core/time/clock.ts';
import { createOpenStep } from '../functions/open-step/open-step.ts';
import { dependencies } from '../functions/shared/dependencies.ts';
import { issueToken, signingKey } from '../local/identity/tokens.ts';
import { startRuntime } from '../local/runtime/runtime.ts';

const OPEN_STEPS = Number(process.env.QUEUE_BENCH_STEPS ?? 1_000);
const RUNS = Number(process.env.QUEUE_BENCH_RUNS ?? 15);

const clock = new VirtualClock('2026-11-30T09:00:00+08:00');
const dataDir = mkdtempSync(join(tmpdir(), 'queue-bench-'));
const runtime = await startRuntime({ manifest, root: process.cwd(), dataDir, host: '127.0.0.1', port: 0, edgePort: 0, clock, log: () => {} });
try {
  const deps = dependencies();
  const openStep = createOpenStep(deps);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < OPEN_STEPS; i = next++) {
      const caseId = `order-QBENCH-${String(i).padStart(4, '0')}`;
      await deps.repository.createCase({ id: caseId, type: 'order', orderId: `QBENCH-${i}`, openedAt: new Date(clock.now()).toISOString(), data: {} });
      await openStep({ caseId, caseType: 'order', step: 'order.review', taskToken: `bench-${caseId}` });
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  const token = await issueToken({ user: 'bench', roles: ['ops-cs'], key: signingKey(dataDir), nowSeconds: Math.floor(clock.now() / 1000) });
  const read = async (): Promise<{ ms: number; items: number }> => {
    const started = performance.now();
    const response = await fetch(`${runtime.apiUrl}/queue`, { headers: { authorization: `Bearer ${token}` } });
    const body = (await response.json()) as { items?: unknown[] };
    if (response.status !== 200) throw new Error(`GET /queue: ${response.status} ${JSON.stringify(body)}`);
    return { ms: performance.now() - started, items: body.items?.length ?? 0 };
  };
  const warm = await read();
  if (warm.items !== OPEN_STEPS) throw new Error(`GET /queue gave ${warm.items} items, expected ${OPEN_STEPS}`);
  const loadBefore = loadavg()[0] ?? NaN;
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) times.push((await read()).ms);
  const sorted = [...times].sort((a, b) => a - b);
  process.stdout.write(
    [
      `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, load average ${loadBefore.toFixed(1)} before the runs, ${loadavg()[0]?.toFixed(1)} after; ${new Date().toISOString()}`,
      `GET /queue (${OPEN_STEPS} items): median ${sorted[Math.floor(RUNS / 2)]?.toFixed(0)} ms (min ${sorted[0]?.toFixed(0)}, max ${sorted[RUNS - 1]?.toFixed(0)}, ${RUNS} reads)`,
      '',
    ].join('\n'),
  );
} finally {
  await runtime.stop();
}
