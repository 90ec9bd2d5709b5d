// npm run bench:peak — a Double 11 midnight on one machine (issue 27): PEAK_BENCH_ORDERS signed
// order.placed webhooks (default 20,000) offered open-loop at PEAK_BENCH_RATE per second (default
// 1,000) to the local platform (embedded store, a child process); every answer's latency counted
// from its scheduled send time. Then it waits until every acknowledged order has its case and an
// open order.review step due as counted from its placedAt, and counts the rest as lost.
// PEAK_BENCH_KILL=1: a second run, in which the platform is killed with SIGKILL half-way through the
// burst (PEAK_BENCH_KILL_AT orders) and started again on the same data directory.
import { loadavg } from 'node:os';
import { runPeak } from './peak/run.ts';

const ORDERS = Number(process.env.PEAK_BENCH_ORDERS ?? 20_000);
const RATE = Number(process.env.PEAK_BENCH_RATE ?? 1_000);
const KILL = process.env.PEAK_BENCH_KILL === '1';
const KILL_AT = Number(process.env.PEAK_BENCH_KILL_AT ?? Math.floor(ORDERS / 2));
const DRAIN_TIMEOUT_SECONDS = Number(process.env.PEAK_BENCH_DRAIN_TIMEOUT ?? 3_600);

const load = (): string => loadavg().map((l) => l.toFixed(1)).join(' ');

async function main(): Promise<void> {
  console.log(`bench:peak: ${ORDERS} order.placed at ${RATE}/s open-loop${KILL ? `, kill -9 before order ${KILL_AT}` : ''}; load before ${load()}`);
  const result = await runPeak({ orders: ORDERS, rate: RATE, ...(KILL ? { killAt: KILL_AT } : {}), drainTimeoutMs: DRAIN_TIMEOUT_SECONDS * 1000, log: (line) => console.log(line) });
  const acked = result.acknowledged.length;
  console.log(`answers: ${JSON.stringify(result.statuses)}; ack latency p50 ${result.ackLatencyMs.p50.toFixed(0)} ms, p99 ${result.ackLatencyMs.p99.toFixed(0)} ms, max ${result.ackLatencyMs.max.toFixed(0)} ms`);
  console.log(`platform CPU: ${result.cpuSeconds.offering.toFixed(1)} s while offering (${((result.cpuSeconds.offering * 1000) / Math.max(1, result.offered)).toFixed(2)} ms per offer), ${result.cpuSeconds.total.toFixed(1)} s until drained (${((result.cpuSeconds.total * 1000) / Math.max(1, acked)).toFixed(2)} ms per order)`);
  if (result.check.wrongDue.length > 0) {
    const first = result.check.wrongDue[0]!;
    console.log(`reviews not due from placedAt: ${result.check.wrongDue.length} (e.g. ${first.order.orderId} placed ${first.order.placedAt}: due ${first.due}, expected ${first.expected})`);
  }
  if (result.lost > 0 && !result.killed) console.log(`not drained within ${DRAIN_TIMEOUT_SECONDS} s: the ${result.lost} acknowledged orders still without a review count as lost (PEAK_BENCH_DRAIN_TIMEOUT waits longer)`);
  console.log(`load after ${load()}`);
  console.log(`peak: ${acked} acknowledged of ${result.offered} offered at ${RATE}/s, p99 ack ${result.ackLatencyMs.p99.toFixed(0)} ms, lost ${result.lost}, drained in ${result.drainedSeconds.toFixed(0)} s`);
  if (result.lost > 0 || result.check.wrongDue.length > 0) process.exitCode = 1;
}

await main();
