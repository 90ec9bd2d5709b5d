// npm run bench:sfn — the Step Functions emulator against the reference workflow, durable and in
// memory, with the aws-local-stepfunctions package as the peer, and StartExecution p99 over HTTP.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { systemClock } from '../core/time/clock.ts';
import { createSfnLocal, type Json, type SfnLocal, type TaskIntegrations } from '../local/sfn/index.ts';
import { importPeer } from './peers/peers.ts';

/** What the bench uses of aws-local-stepfunctions (installed under bench/peers/, outside the project's types). */
interface LocalStepFunctions {
  StateMachine: new (definition: never, options: { validationOptions: { checkArn: boolean } }) => {
    run(input: Json, options: { overrides: { taskResourceLocalHandlers: never } }): { result: Promise<unknown> };
  };
}

const STATES_PER_EXECUTION = 7;
const EXECUTIONS = Number(process.env.SFN_BENCH_EXECUTIONS ?? 3000);
const BATCH = Number(process.env.SFN_BENCH_BATCH ?? 100);
/** Each figure is the median of this many runs: one run of 3,000 executions lasts well under a second. */
const RUNS = 3;
/** In-memory JSONPath against the peer: more runs, alternating (see medianPair). */
const PAIRED_RUNS = 5;
const SCORE_ARN = 'arn:aws:lambda:us-east-1:123456789012:function:score';

/** Pass, Choice, Pass, two Lambda Tasks, Wait 0, Succeed. */
const jsonPathWorkflow = {
  StartAt: 'Init',
  States: {
    Init: { Type: 'Pass', Parameters: { 'order.$': '$.order', 'amount.$': '$.amount' }, Next: 'Route' },
    Route: { Type: 'Choice', Choices: [{ Variable: '$.amount', NumericGreaterThan: 100, Next: 'Prepare' }], Default: 'Prepare' },
    Prepare: { Type: 'Pass', Result: 'standard', ResultPath: '$.lane', Next: 'Enrich' },
    Enrich: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: 'enrich', 'Payload.$': '$' }, ResultSelector: { 'customer.$': '$.Payload.customer' }, ResultPath: '$.enriched', Next: 'Score' },
    Score: { Type: 'Task', Resource: SCORE_ARN, ResultPath: '$.score', Next: 'Pause' },
    Pause: { Type: 'Wait', Seconds: 0, Next: 'Done' },
    Done: { Type: 'Succeed' },
  },
};

const jsonataWorkflow = {
  QueryLanguage: 'JSONata',
  StartAt: 'Init',
  States: {
    Init: { Type: 'Pass', Output: { order: '{% $states.input.order %}', amount: '{% $states.input.amount %}' }, Next: 'Route' },
    Route: { Type: 'Choice', Choices: [{ Condition: '{% $states.input.amount > 100 %}', Next: 'Prepare' }], Default: 'Prepare' },
    Prepare: { Type: 'Pass', Assign: { lane: 'standard' }, Next: 'Enrich' },
    Enrich: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Arguments: { FunctionName: 'enrich', Payload: '{% $states.input %}' }, Output: '{% $merge([$states.input, { "customer": $states.result.Payload.customer }]) %}', Next: 'Score' },
    Score: { Type: 'Task', Resource: SCORE_ARN, Output: '{% $merge([$states.input, { "score": $states.result, "lane": $lane }]) %}', Next: 'Pause' },
    Pause: { Type: 'Wait', Seconds: 0, Next: 'Done' },
    Done: { Type: 'Succeed' },
  },
};

const enrich = (p: Json): Json => ({ customer: `c-${(p as { order: number }).order % 97}` });
const score = (p: Json): Json => ((p as { amount: number }).amount * 7) % 100;

const integrations: TaskIntegrations = {
  async invokeLambda(functionName, payload) {
    return { payload: functionName === 'enrich' ? enrich(payload) : score(payload) };
  },
  async putEvents(entries) {
    return { Entries: entries.map(() => ({ EventId: 'e' })), FailedEntryCount: 0 };
  },
};

interface Throughput {
  executionsPerSecond: number;
  transitionsPerSecond: number;
}

const rate = (n: number, ms: number): Throughput => ({ executionsPerSecond: (n / ms) * 1000, transitionsPerSecond: ((n * STATES_PER_EXECUTION) / ms) * 1000 });

async function call(sfn: SfnLocal, op: string, body: object): Promise<Record<string, string>> {
  const res = await sfn.request(op, body);
  if (res.status !== 200) throw new Error(`${op}: ${JSON.stringify(res.body)}`);
  return res.body as Record<string, string>;
}

async function runOurs(data: string, definition: object): Promise<Throughput> {
  const sfn = createSfnLocal({ data, clock: systemClock, integrations });
  const { stateMachineArn } = await call(sfn, 'CreateStateMachine', { name: 'bench', definition: JSON.stringify(definition), roleArn: 'arn:aws:iam::123456789012:role/bench' });
  const began = performance.now();
  const arns: string[] = [];
  // Starts go out BATCH at a time (the peer starts all at once), so group commits carry many.
  for (let i = 0; i < EXECUTIONS; i += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, EXECUTIONS - i) }, (_, k) => call(sfn, 'StartExecution', { stateMachineArn, input: JSON.stringify({ order: i + k, amount: (i + k) % 250 }) }));
    for (const res of await Promise.all(batch)) arns.push(res.executionArn!);
  }
  // Awaits the engine's notification, as the peer awaits its runs' promises (no polling over the ARNs).
  await sfn.engine.idle();
  const elapsed = performance.now() - began;
  const last = await call(sfn, 'DescribeExecution', { executionArn: arns.at(-1)! });
  if (last.status !== 'SUCCEEDED') throw new Error(`bench execution ended ${last.status}: ${last.error} ${last.cause}`);
  sfn.close();
  return rate(EXECUTIONS, elapsed);
}

async function runPeer(): Promise<Throughput> {
  const { StateMachine } = await importPeer<LocalStepFunctions>('aws-local-stepfunctions');
  const machine = new StateMachine(jsonPathWorkflow as never, { validationOptions: { checkArn: false } });
  const handlers = { Enrich: async (input: Json) => ({ Payload: enrich(input) }), Score: async (input: Json) => score(input) };
  const began = performance.now();
  const runs: Promise<unknown>[] = [];
  for (let i = 0; i < EXECUTIONS; i++) {
    runs.push(machine.run({ order: i, amount: i % 250 }, { overrides: { taskResourceLocalHandlers: handlers as never } }).result);
  }
  await Promise.all(runs);
  return rate(EXECUTIONS, performance.now() - began);
}

/** StartExecution through the SDK over HTTP at a fixed rate against the durable emulator. */
async function startLatency(data: string, perSecond: number, seconds: number): Promise<{ p50: number; p99: number; max: number }> {
  const sfn = createSfnLocal({ data, clock: systemClock, integrations });
  const server = createServer(sfn.listener);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const client = new SFNClient({ endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
  const { stateMachineArn } = await call(sfn, 'CreateStateMachine', { name: 'latency', definition: JSON.stringify(jsonataWorkflow), roleArn: 'arn:aws:iam::123456789012:role/bench' });
  const latencies: number[] = [];
  const total = perSecond * seconds;
  const began = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = began + (i * 1000) / perSecond;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const sent = performance.now();
    inFlight.push(client.send(new StartExecutionCommand({ stateMachineArn, input: JSON.stringify({ order: i, amount: i % 250 }) })).then(() => void latencies.push(performance.now() - sent)));
  }
  await Promise.all(inFlight);
  client.destroy();
  await new Promise((r) => server.close(r));
  sfn.close();
  latencies.sort((a, b) => a - b);
  const at = (q: number): number => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  return { p50: at(0.5), p99: at(0.99), max: latencies.at(-1)! };
}

const middle = (results: Throughput[]): Throughput => results.sort((a, b) => a.transitionsPerSecond - b.transitionsPerSecond)[Math.floor(results.length / 2)]!;

async function median(run: () => Promise<Throughput>): Promise<Throughput> {
  const results: Throughput[] = [];
  for (let i = 0; i < RUNS; i++) results.push(await run());
  return middle(results);
}

/**
 * Ours and the peer alternate run by run (medians of PAIRED_RUNS each), so a change in the load of
 * a shared machine during the bench hits both alike instead of whichever happens to run later.
 */
async function medianPair(ours: () => Promise<Throughput>, peer: () => Promise<Throughput>): Promise<[Throughput, Throughput]> {
  const a: Throughput[] = [];
  const b: Throughput[] = [];
  for (let i = 0; i < PAIRED_RUNS; i++) {
    a.push(await ours());
    b.push(await peer());
  }
  return [middle(a), middle(b)];
}

const fmt = (t: Throughput): string => `${t.executionsPerSecond.toFixed(0)} executions/s, ${t.transitionsPerSecond.toFixed(0)} state transitions/s`;

const dir = mkdtempSync(join(tmpdir(), 'sfn-bench-'));
try {
  console.log(`bench:sfn — ${EXECUTIONS} executions of the 7-state reference workflow per run, median of ${RUNS} runs (in memory JSONPath and the peer: ${PAIRED_RUNS}, alternating)`);
  console.log(`machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
  await runOurs(':memory:', jsonPathWorkflow); // warm-up: JIT, module loading
  let run = 0;
  const durablePath = await median(() => runOurs(join(dir, `jsonpath-${run++}`), jsonPathWorkflow));
  console.log(`durable (SQLite WAL on disk), JSONPath: ${fmt(durablePath)}`);
  const durableJsonata = await median(() => runOurs(join(dir, `jsonata-${run++}`), jsonataWorkflow));
  console.log(`durable (SQLite WAL on disk), JSONata:  ${fmt(durableJsonata)}`);
  const memoryJsonata = await median(() => runOurs(':memory:', jsonataWorkflow));
  console.log(`in memory, JSONata:                     ${fmt(memoryJsonata)}`);
  await runPeer(); // warm-up
  const [memoryPath, peer] = await medianPair(() => runOurs(':memory:', jsonPathWorkflow), runPeer);
  console.log(`in memory, JSONPath:                    ${fmt(memoryPath)}`);
  console.log(`peer aws-local-stepfunctions (in memory, JSONPath): ${fmt(peer)}`);
  console.log(`ratio durable JSONPath / peer: ${(durablePath.transitionsPerSecond / peer.transitionsPerSecond).toFixed(2)}×; in-memory JSONPath / peer: ${(memoryPath.transitionsPerSecond / peer.transitionsPerSecond).toFixed(2)}×`);
  const latency = await startLatency(join(dir, 'latency'), 200, 10);
  console.log(`StartExecution via @aws-sdk/client-sfn at 200/s for 10 s (durable): p50 ${latency.p50.toFixed(2)} ms, p99 ${latency.p99.toFixed(2)} ms, max ${latency.max.toFixed(2)} ms`);
  const ok = durablePath.transitionsPerSecond >= 5000 && durableJsonata.transitionsPerSecond >= 5000 && latency.p99 <= 20 && memoryPath.transitionsPerSecond >= peer.transitionsPerSecond;
  console.log(ok ? 'targets met: durable ≥ 5,000 transitions/s, StartExecution p99 ≤ 20 ms, in-memory ≥ peer' : 'TARGETS MISSED');
  process.exitCode = ok ? 0 : 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
