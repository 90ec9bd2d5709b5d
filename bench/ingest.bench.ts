// npm run bench:ingest — sustained signed order.placed webhooks per second end to end (accepted,
// persisted, workflow started, order.review opened) on the whole local platform, with p50/p99
// latency and the raw PutItem rate, the same ingest run twice in one run: on DynamoDB Local and on
// the embedded store. The last line compares the two.
import '../local/quiet-logs.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { QueryCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { casesTable, CaseIndex } from '../adapters/case-repository/table.ts';
import { manifest } from '../app/manifest.ts';
import { systemClock } from '../core/time/clock.ts';
import { localDynamoDbClient } from '../local/dynamodb/client.ts';
import type { DynamoDbHome } from '../local/runtime/dynamodb-home.ts';
import { startRuntime, type AwsTransport, type FunctionRuntime, type Runtime, type RuntimeUsage } from '../local/runtime/runtime.ts';
import { cpuTimes, javaChildren, threadCpuTimes, type CpuTimes } from './ingest/cpu.ts';
import type { LoadSummary } from './ingest/load.ts';
import { startLoader, type Loader } from './ingest/loader.ts';
import { startProfile } from './ingest/profile.ts';
import { openRawPut, type RawPutResult } from './ingest/raw-put.ts';
import { timeServerRequests, type ServerTimings, type Timing } from './ingest/server-timing.ts';
import { delta, writeRequests, type Counts } from './ingest/writes.ts';

/** Bounded concurrency: the storefront's delivery workers, and the raw PutItem loops alike. */
const CONNECTIONS = Number(process.env.INGEST_BENCH_CONNECTIONS ?? 24);
const WARMUP_REQUESTS = Number(process.env.INGEST_BENCH_WARMUP ?? 240);
/** The measured run sends what the warm-up rate would fit in this many seconds (INGEST_BENCH_REQUESTS fixes the count). */
const MEASURE_SECONDS = Number(process.env.INGEST_BENCH_SECONDS ?? 30);
/** Raw PutItem is measured this long before and again after the ingest. */
const RAW_SECONDS = Number(process.env.INGEST_BENCH_RAW_SECONDS ?? 8);
const RAW_WARMUP_SECONDS = 2;
/** `INGEST_BENCH_HOMES=embedded` (or `java`) runs one home only, e.g. under `--cpu-prof`; the last line needs both. */
const HOMES = (process.env.INGEST_BENCH_HOMES ?? 'java,embedded').split(',').map((h) => h.trim());
/** `INGEST_BENCH_TRANSPORT=http`: the handlers reach the emulators over HTTP instead of in-process (the lever's before). */
const TRANSPORT: AwsTransport = process.env.INGEST_BENCH_TRANSPORT === 'http' ? 'http' : 'in-process';
/** `INGEST_BENCH_RUNTIME=in-process`: the handlers run on the platform's main thread instead of its worker threads (the lever's before). */
const FUNCTION_RUNTIME: FunctionRuntime = process.env.INGEST_BENCH_RUNTIME === 'in-process' ? 'in-process' : 'workers';
/** Worker threads of the function runtime (default: the cores available). */
const WORKERS = process.env.INGEST_BENCH_WORKERS ? Number(process.env.INGEST_BENCH_WORKERS) : undefined;
/** `INGEST_BENCH_CPU_PROF=<file>`: a CPU profile of the measured run (bench/ingest/profile.ts). */
const CPU_PROFILE = process.env.INGEST_BENCH_CPU_PROF;
/** A raw item about as large as the order's webhook body, which the case item stores. */
const RAW_PAYLOAD = JSON.stringify({ customer: { name: '李四', phone: '13900000000' }, address: '杭州', items: [{ sku: 'S1', name: 'Phone', qty: 1, price: 1999 }], pad: 'x'.repeat(200) });

const fmt = (n: number, digits = 0): string => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const ms = (n: number): string => `${fmt(n, 1)} ms`;

interface Measured {
  load: LoadSummary;
  /** Seconds from the first request until the last review opened (settle). */
  endToEndSeconds: number;
  /** Reviews opened (open-step invocations) when the last response arrived. */
  openedAtLoadEnd: number;
  operations: Counts;
  functions: RuntimeUsage['functions'];
  /** TransactWriteItems requests, and their items by kind (Put, Update, Delete, ConditionCheck), as the edge's meter read them. */
  transactions: number;
  transactionItems: Counts;
  cpu: CpuTimes;
  /** The platform's CPU by thread name (MainThread: the event loop; WorkerThread: the function runtime's workers). */
  threads: CpuTimes;
  /** Per worker thread of the function runtime, the share of the measured run its event loop was busy. */
  workerLoopsBusy: number[];
  /** Share of the time the platform's event loop was not idle: running, blocked in a synchronous call, or waiting for a core. */
  eventLoopBusy: number;
  /** Time inside the HTTP API and the edge port, by request kind. */
  serverTimings: Record<string, Timing>;
}

/** What one home's run gives the last line. */
interface PhaseResult {
  endToEnd: number;
  p50: number;
  p99: number;
}

const HOME_LABEL: Record<DynamoDbHome, string> = { java: 'DynamoDB Local', embedded: 'the embedded store' };

async function main(): Promise<void> {
  const probes = { serverTimings: timeServerRequests() };
  const loader = startLoader();
  let local: PhaseResult | undefined;
  let embedded: PhaseResult | undefined;
  try {
    // DynamoDB Local first, then the embedded store: the same ingest, the same machine, one run.
    if (HOMES.includes('java')) local = await runIngest('java', probes, loader);
    if (HOMES.includes('embedded')) embedded = await runIngest('embedded', probes, loader);
  } finally {
    loader.close();
  }
  if (!local || !embedded) return;
  console.log(`\nmachine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  console.log(
    `ingest: ${embedded.endToEnd.toFixed(1)} webhooks/s end to end, p50 ${embedded.p50.toFixed(1)} ms, p99 ${embedded.p99.toFixed(1)} ms; DynamoDB Local same run: ${local.endToEnd.toFixed(1)} webhooks/s; ratio ${(embedded.endToEnd / local.endToEnd).toFixed(1)}×`,
  );
}

async function runIngest(home: DynamoDbHome, probes: { serverTimings: ServerTimings }, loader: Loader): Promise<PhaseResult> {
  const { serverTimings } = probes;
  console.log(`\n##### ${HOME_LABEL[home]} #####`);
  const dataDir = mkdtempSync(join(tmpdir(), 'ingest-bench-'));
  const runtime = await startRuntime({ manifest, root: process.cwd(), dataDir, host: '127.0.0.1', port: 0, edgePort: 0, clock: systemClock, log: () => {}, dynamodb: home, awsTransport: TRANSPORT, functionRuntime: FUNCTION_RUNTIME, ...(WORKERS ? { workers: WORKERS } : {}) });
  try {
    const processes = { platform: process.pid, 'DynamoDB Local': javaChildren()[0], 'load generator': loader.pid };
    console.log(`ingest bench on ${HOME_LABEL[home]}: ${CONNECTIONS} connections, AWS calls ${TRANSPORT}, handlers ${FUNCTION_RUNTIME === 'workers' ? `on ${WORKERS ?? availableParallelism()} worker threads` : 'on the main thread'}; platform at ${runtime.apiUrl}, edge ${runtime.edgeUrl}`);

    // Warm-up: handler modules load, JITs (V8's and DynamoDB Local's) warm, and its rate sizes the measured run.
    const warm = await loader.run({ url: runtime.apiUrl, secret: runtime.webhookSecret, connections: CONNECTIONS, amount: WARMUP_REQUESTS, prefix: 'warm' });
    checkResponses('warm-up', warm);
    await runtime.settle();
    const warmRate = warm.accepted / warm.seconds;
    console.log(`warm-up: ${fmt(warm.accepted)} webhooks in ${fmt(warm.seconds, 1)} s (${fmt(warmRate)}/s)`);

    const rawPut = await openRawPut(runtime.edgeUrl, RAW_PAYLOAD, runtime.credentials);
    await rawPut.measure(CONNECTIONS, RAW_WARMUP_SECONDS, 'warm');
    const rawBefore = await rawPut.measure(CONNECTIONS, RAW_SECONDS, 'before');
    console.log(`raw PutItem before: ${fmt(rawBefore.items)} items in ${fmt(rawBefore.seconds, 1)} s (${fmt(rawBefore.perSecond)}/s)`);

    const amount = Number(process.env.INGEST_BENCH_REQUESTS ?? Math.max(CONNECTIONS, Math.round((warmRate * MEASURE_SECONDS) / CONNECTIONS) * CONNECTIONS));
    const measured = await measure(runtime, loader, { serverTimings }, amount, processes);
    checkResponses('measured run', measured.load);
    console.log(`measured run: ${fmt(measured.load.accepted)} webhooks in ${fmt(measured.load.seconds, 1)} s`);

    const rawAfter = await rawPut.measure(CONNECTIONS, RAW_SECONDS, 'after');
    rawPut.close();
    console.log(`raw PutItem after: ${fmt(rawAfter.items)} items in ${fmt(rawAfter.seconds, 1)} s (${fmt(rawAfter.perSecond)}/s)`);
    await verify(runtime, measured, WARMUP_REQUESTS + amount);
    report(measured, [rawBefore, rawAfter], HOME_LABEL[home]);
    return { endToEnd: measured.load.accepted / measured.endToEndSeconds, p50: measured.load.latencyMs.p50, p99: measured.load.latencyMs.p99 };
  } finally {
    await runtime.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The measured run: `amount` webhooks, then waits until every workflow has opened its review. */
async function measure(
  runtime: Runtime,
  loader: Loader,
  probes: { serverTimings: ServerTimings },
  amount: number,
  processes: Record<string, number | undefined>,
): Promise<Measured> {
  const { serverTimings } = probes;
  const before = runtime.usage();
  const cpuBefore = cpuTimes(processes);
  const threadsBefore = threadCpuTimes(process.pid);
  const loopBefore = performance.eventLoopUtilization();
  const workerLoopsBefore = runtime.workers?.eventLoopTimes() ?? new Map<number, { idle: number; active: number }>();
  serverTimings.reset();
  const profiler = await startProfile(CPU_PROFILE);
  const start = performance.now();
  const load = await loader.run({ url: runtime.apiUrl, secret: runtime.webhookSecret, connections: CONNECTIONS, amount, prefix: 'run' });
  const openedAtLoadEnd = invocations(runtime.usage(), 'open-step') - invocations(before, 'open-step');
  await runtime.settle();
  const endToEndSeconds = (performance.now() - start) / 1000;
  await profiler.stop();
  const after = runtime.usage();
  const eventLoopBusy = performance.eventLoopUtilization(loopBefore).utilization;
  const workerLoopsBusy = [...(runtime.workers?.eventLoopTimes() ?? new Map<number, { idle: number; active: number }>())].map(([id, after]) => {
    const before = workerLoopsBefore.get(id) ?? { idle: 0, active: 0 };
    const active = after.active - before.active;
    return active / (active + after.idle - before.idle || 1);
  });
  return {
    load,
    endToEndSeconds,
    openedAtLoadEnd,
    operations: delta(after.awsOperations, before.awsOperations),
    functions: Object.fromEntries(
      Object.entries(after.functions).map(([id, stats]) => {
        const was = before.functions[id] ?? { invocations: 0, errors: 0, durationMs: 0 };
        return [id, { invocations: stats.invocations - was.invocations, errors: stats.errors - was.errors, durationMs: stats.durationMs - was.durationMs }];
      }),
    ),
    transactions: (after.awsOperations['DynamoDB_20120810.TransactWriteItems'] ?? 0) - (before.awsOperations['DynamoDB_20120810.TransactWriteItems'] ?? 0),
    transactionItems: delta(after.dynamodb.transactItems, before.dynamodb.transactItems),
    cpu: delta(cpuTimes(processes), cpuBefore),
    threads: delta(threadCpuTimes(process.pid), threadsBefore),
    eventLoopBusy,
    workerLoopsBusy,
    serverTimings: serverTimings.timings(),
  };
}

const invocations = (usage: RuntimeUsage, fn: string): number => usage.functions[fn]?.invocations ?? 0;

/** Every request answered 202, none failed or timed out: otherwise the figures mean nothing. */
function checkResponses(phase: string, load: LoadSummary): void {
  const others = Object.entries(load.statusCodes).filter(([code]) => code !== '202');
  if (load.non2xx > 0 || load.errors > 0 || load.timeouts > 0 || others.length > 0 || load.accepted !== load.requests) {
    throw new Error(`${phase}: ${load.accepted} of ${load.requests} answered 202; non-2xx ${load.non2xx}, errors ${load.errors}, timeouts ${load.timeouts}, status codes ${JSON.stringify(load.statusCodes)}`);
  }
}

/**
 * Each accepted order was persisted and its workflow started and reached order.review: one
 * webhook and one open-step invocation per order without errors, one running execution per
 * order, and per order a case item and an open review in the ops-cs queue.
 */
async function verify(runtime: Runtime, measured: Measured, totalOrders: number): Promise<void> {
  const orders = measured.load.accepted;
  const failures: string[] = [];
  for (const fn of ['storefront-webhook', 'open-step']) {
    const stats = measured.functions[fn];
    if (stats?.invocations !== orders || stats.errors !== 0) failures.push(`${fn}: ${stats?.invocations ?? 0} invocations, ${stats?.errors ?? 0} errors for ${orders} orders`);
  }
  const running = await countExecutions(runtime, 'RUNNING');
  const all = await countExecutions(runtime);
  if (running !== totalOrders || all !== totalOrders) failures.push(`order executions: ${running} running of ${all}, expected ${totalOrders}`);
  const db = localDynamoDbClient(runtime.edgeUrl, runtime.credentials);
  try {
    const table = runtime.names.physical(casesTable.id);
    const cases = await countIndex(db, table, CaseIndex.reporting, 'CASES#order');
    const reviews = await countIndex(db, table, CaseIndex.queue, 'QUEUE#ops-cs');
    if (cases !== totalOrders || reviews !== totalOrders) failures.push(`table: ${cases} order cases and ${reviews} open reviews, expected ${totalOrders}`);
    console.log(`verified: ${fmt(totalOrders)} orders (warm-up included) — ${fmt(cases)} order cases, ${fmt(reviews)} reviews open in the ops-cs queue, ${fmt(running)} executions running`);
  } finally {
    db.destroy();
  }
  if (failures.length) throw new Error(`ingest bench: orders missing or failed:\n  ${failures.join('\n  ')}`);
}

async function countExecutions(runtime: Runtime, statusFilter?: string): Promise<number> {
  let count = 0;
  let nextToken: string | undefined;
  do {
    const answer = await runtime.sfn.request('ListExecutions', { stateMachineArn: runtime.names.stateMachineArn('order'), maxResults: 1000, ...(statusFilter ? { statusFilter } : {}), ...(nextToken ? { nextToken } : {}) });
    if (answer.status !== 200) throw new Error(`ListExecutions: ${JSON.stringify(answer.body)}`);
    const body = answer.body as { executions: unknown[]; nextToken?: string };
    count += body.executions.length;
    nextToken = body.nextToken;
  } while (nextToken);
  return count;
}

async function countIndex(db: DynamoDBClient, table: string, index: string, partition: string): Promise<number> {
  let count = 0;
  let startKey: QueryCommand['input']['ExclusiveStartKey'];
  do {
    const page = await db.send(
      new QueryCommand({ TableName: table, IndexName: index, KeyConditionExpression: `${index}pk = :pk`, ExpressionAttributeValues: { ':pk': { S: partition } }, Select: 'COUNT', ExclusiveStartKey: startKey }),
    );
    count += page.Count ?? 0;
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return count;
}

/**
 * Writes per order: requests (a transaction is one) and items (a transaction's Puts, Updates and
 * Deletes; condition checks write nothing). A BatchWriteItem would count as one item: the edge does
 * not see its items, and the ingest makes none.
 */
function writesPerOrder(measured: Measured): { requests: number; items: number; byOperation: Counts } {
  const orders = measured.load.accepted;
  const byOperation = writeRequests(measured.operations);
  const requests = Object.values(byOperation).reduce((a, b) => a + b, 0);
  const { Put = 0, Update = 0, Delete = 0 } = measured.transactionItems;
  const items = requests - (byOperation.TransactWriteItems ?? 0) + Put + Update + Delete;
  return { requests: requests / orders, items: items / orders, byOperation };
}

function report(measured: Measured, raws: RawPutResult[], home: string): void {
  const { load } = measured;
  const rawPerSecond = raws.reduce((a, r) => a + r.items, 0) / raws.reduce((a, r) => a + r.seconds, 0);
  const orders = load.accepted;
  const perOrder = (n: number): string => fmt(n / orders, 2);
  const writes = writesPerOrder(measured);
  const ingestRate = orders / measured.endToEndSeconds;
  const target = rawPerSecond / writes.items / 3;

  console.log('\nwhere the time goes (measured run):');
  console.log('  requests per order, mean time in the server, and that time per order (arrival to last byte; calls overlap across orders):');
  for (const [kind, t] of Object.entries(measured.serverTimings).sort(([, a], [, b]) => b.totalMs - a.totalMs)) {
    console.log(`    ${kind.padEnd(40)} ${perOrder(t.count)} × ${ms(t.totalMs / t.count).padStart(10)} = ${ms(t.totalMs / orders).padStart(10)}`);
  }
  for (const [id, stats] of Object.entries(measured.functions).filter(([, s]) => s.invocations > 0)) {
    console.log(`  ${id}: ${fmt(stats.invocations)} invocations, ${stats.errors} errors, ${ms(stats.durationMs / stats.invocations)} wall per invocation (concurrent, so waits included)`);
  }
  const cpuTotal = Object.values(measured.cpu).reduce((a, b) => a + b, 0);
  console.log(`  CPU over ${fmt(measured.endToEndSeconds, 1)} s on ${cpus().length} cores: ${Object.entries(measured.cpu).map(([label, s]) => `${label} ${fmt(s, 1)} s (${fmt((100 * s) / measured.endToEndSeconds)} % of a core)`).join(', ')}; total ${fmt(cpuTotal / measured.endToEndSeconds, 2)} cores`);
  console.log(`  platform CPU per order ${ms((1000 * (measured.cpu.platform ?? 0)) / orders)} (the handlers, the emulators in its process and its HTTP API)`);
  console.log(`  platform CPU per order by thread: ${Object.entries(measured.threads).filter(([, s]) => s > 0).sort(([, a], [, b]) => b - a).map(([name, s]) => `${name} ${ms((1000 * s) / orders)}`).join(', ')}`);
  console.log(`  platform event loop busy ${fmt(100 * measured.eventLoopBusy)} % of the time${measured.workerLoopsBusy.length ? `; the function runtime's worker threads' ${measured.workerLoopsBusy.map((b) => `${fmt(100 * b)} %`).join(', ')}` : ''}`);
  console.log(`  backlog: ${fmt(measured.openedAtLoadEnd)} of ${fmt(orders)} reviews open when the last response arrived; the rest took ${fmt(measured.endToEndSeconds - load.seconds, 1)} s more`);

  const txItems = Object.entries(measured.transactionItems).map(([kind, n]) => `${perOrder(n)} ${kind}`).join(' + ');
  console.log(`\n=== bench:ingest on ${home} ===`);
  console.log(`ingest           ${fmt(orders)} signed order.placed webhooks, ${CONNECTIONS} connections, all 202`);
  console.log(`  accepted       ${fmt(orders / load.seconds, 1)} webhooks/s over ${fmt(load.seconds, 1)} s; latency p50 ${ms(load.latencyMs.p50)}, p99 ${ms(load.latencyMs.p99)}, max ${ms(load.latencyMs.max)}`);
  console.log(`  end to end     ${fmt(ingestRate, 1)} webhooks/s (accepted, persisted, workflow started, order.review opened: ${fmt(measured.endToEndSeconds, 1)} s from the first request)`);
  const rawText = raws.map((r, i) => `${i === 0 ? 'before' : 'after'} ${fmt(r.perSecond)}/s, p50 ${ms(r.latencyMs.p50)}, p99 ${ms(r.latencyMs.p99)}`).join('; ');
  console.log(`raw PutItem      ${fmt(rawPerSecond)} items/s (${CONNECTIONS} concurrent, ${fmt(RAW_SECONDS)} s before and after the ingest, same ${home} via the edge port: ${rawText})`);
  console.log(`writes per order ${fmt(writes.items, 2)} items in ${fmt(writes.requests, 2)} requests (${Object.entries(writes.byOperation).map(([op, n]) => `${op} ${perOrder(n)}`).join(', ')}; the ${perOrder(measured.transactions)} TransactWriteItems hold ${txItems || 'nothing'}, condition checks not counted as writes)`);
  console.log(`target           raw ÷ writes ÷ 3 = ${fmt(rawPerSecond)} ÷ ${fmt(writes.items, 2)} ÷ 3 = ${fmt(target, 1)} webhooks/s`);
  console.log(`verdict          ${ingestRate >= target ? 'PASS' : 'BELOW target'}: ${fmt(ingestRate, 1)} end-to-end webhooks/s is ${fmt(ingestRate / target, 2)}× the target (${fmt((100 * ingestRate) / (rawPerSecond / writes.items))} % of raw ÷ writes)`);
}

await main();
