/**
 * `npm start`: the whole platform on this machine. Flags or environment: --port/PORT (HTTP API,
 * default 3000), --edge-port/EDGE_PORT (AWS emulators, default 4566), --data/DATA_DIR (default
 * .local-data/), --host/HOST (the HTTP API's address, default 127.0.0.1), --edge-host/EDGE_HOST (the AWS
 * emulators' address: loopback whatever --host says, unless this asks otherwise, with a warning:
 * anyone who can reach it and holds the data directory's key can do anything), --time <ISO with offset> (run the platform's clock
 * from that instant, at real speed: rehearse a given day), --dynamodb embedded|java (the embedded
 * store, the default, needs no Java; java runs DynamoDB Local), --policy/SLA_POLICY_PATH <file> (the
 * store's own SLA policy for the whole platform, validated first: a mistake exits 2 naming the field,
 * as `sla check` does), --workers/LAMBDA_WORKERS <n> (worker threads running the handlers, default one
 * per core; 0 runs them on the main thread). The staff console is served at /console/ (built first when missing or
 * stale). Ctrl-C stops cleanly; a second start resumes — on the policy file and the clock the data
 * directory remembers (local/runtime/start-memory.ts): a start that would change either exits 2
 * naming --change-policy / --change-clock.
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Env } from '../platform/environment.ts';
import { manifest } from '../app/manifest.ts';
import { offsetClock, systemClock } from '../core/time/clock.ts';
import { parseInstant } from '../core/time/iso.ts';
import { PolicyInvalid } from '../policy/errors.ts';
import { loadPolicy } from '../policy/load.ts';
import { dataDir } from '../local/data-dir.ts';
import { shortcutChannel } from '../functions/notify/setup.ts';
import { dynamoDbHome } from '../local/runtime/dynamodb-home.ts';
import { DEFAULT_EDGE_HOST, isLoopbackHost } from '../local/edge/edge-address.ts';
import { startRuntime } from '../local/runtime/runtime.ts';
import { functionWorkers } from '../local/runtime/function-workers.ts';
import { ensureConsoleBuild } from '../local/console/build.ts';
import { consoleSite } from '../local/console/site.ts';
import { startupBanner } from '../local/runtime/banner.ts';
import { rememberPlatformClock } from '../local/runtime/platform-clock.ts';
import { planStart, rememberPolicy, StartChangeRefused } from '../local/runtime/start-memory.ts';
import { shellQuote } from '../local/runtime/banner.ts';
import { recordRunning } from '../local/runtime/running.ts';

function fail(message: string): never {
  process.stderr.write(`start: ${message}\n`);
  process.exit(2);
}

function portOf(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) fail(`${flag}: "${value}" is not a port number (0–65535)`);
  return port;
}

let values: { port?: string; 'edge-port'?: string; data?: string; host?: string; 'edge-host'?: string; time?: string; dynamodb?: string; policy?: string; 'change-policy'?: boolean; 'change-clock'?: boolean; workers?: string };
try {
  ({ values } = parseArgs({
    options: {
      port: { type: 'string' },
      'edge-port': { type: 'string' },
      data: { type: 'string' },
      host: { type: 'string' },
      'edge-host': { type: 'string' },
      time: { type: 'string' },
      dynamodb: { type: 'string' },
      policy: { type: 'string' },
      'change-policy': { type: 'boolean' },
      'change-clock': { type: 'boolean' },
      workers: { type: 'string' },
    },
    strict: true,
  }));
} catch (error) {
  fail((error as Error).message.split('\n')[0] ?? 'bad arguments');
}

const handlersOn = functionWorkers(values.workers ?? process.env.LAMBDA_WORKERS) ?? fail(`--workers/LAMBDA_WORKERS: "${String(values.workers ?? process.env.LAMBDA_WORKERS)}" is not a number of worker threads from 0 (the main thread) to 64`);
const dynamodb = dynamoDbHome(values.dynamodb) ?? fail(`--dynamodb: "${String(values.dynamodb)}" is not embedded (the default) or java (DynamoDB Local, needs Java 17)`);

// A bad alarm robot setting fails now, naming the variable, not at the first breach.
try {
  const robot = shortcutChannel(process.env);
  if (robot !== undefined) process.stdout.write(`alarms: every alarm event goes to the ${robot.kind} robot at ${new URL(robot.url).host}${robot.secret ? ' (signed)' : ''}; check it with npm run -s alarm -- test --data ${shellQuote(dataDir(values.data))}\n`);
} catch (error) {
  fail((error as Error).message);
}

const startAt = values.time === undefined ? undefined : parseInstant(values.time);
if (values.time !== undefined && startAt === undefined) fail(`--time: "${values.time}" is not an ISO-8601 time with an offset, e.g. 2026-11-30T09:00:00+08:00`);

// The data directory's remembered policy and clock: resumed, or changed only when asked to.
const requestedPolicy = values.policy ?? (process.env[Env.policyPath]?.trim() || undefined);
let plan;
try {
  plan = planStart(
    dataDir(values.data),
    {
      ...(requestedPolicy !== undefined ? { policyPath: requestedPolicy } : {}),
      ...(startAt !== undefined ? { startAt } : {}),
      changePolicy: values['change-policy'] === true,
      changeClock: values['change-clock'] === true,
    },
    systemClock.now(),
  );
} catch (error) {
  if (error instanceof StartChangeRefused) fail(error.message);
  throw error;
}
const { offsetMs } = plan;
const clock = offsetMs === 0 ? systemClock : offsetClock(offsetMs);

const policyPath = plan.policyPath;
if (policyPath !== undefined) {
  try {
    loadPolicy(policyPath);
  } catch (error) {
    if (error instanceof PolicyInvalid) fail(error.message.replace(/\s*\n\s*/g, ' '));
    throw error;
  }
}

const began = systemClock.now();
const log = (message: string, fields: Record<string, unknown> = {}): void => {
  process.stdout.write(`${JSON.stringify({ level: 'INFO', message, service: 'local-runtime', timestamp: new Date(systemClock.now()).toISOString(), ...fields })}\n`);
};

const root = fileURLToPath(new URL('..', import.meta.url));
// The staff console is served from its build, made now when missing or older than its sources.
const site = await ensureConsoleBuild(root, (message) => log(message)).catch((error: unknown) => fail(`building the staff console: ${(error as Error).message.split('\n')[0] ?? ''}`));

const edgeHost = values['edge-host'] ?? (process.env.EDGE_HOST?.trim() || DEFAULT_EDGE_HOST);
if (!isLoopbackHost(edgeHost)) {
  process.stderr.write(`warning: --edge-host ${edgeHost} puts the AWS emulators (every table, workflow and function) on the network; only the data directory's key (npm run -s aws-credentials) guards them\n`);
}

const runtime = await startRuntime({
  manifest,
  root,
  dataDir: dataDir(values.data),
  host: values.host ?? process.env.HOST ?? '127.0.0.1',
  edgeHost,
  port: portOf('--port', values.port ?? process.env.PORT, 3000),
  edgePort: portOf('--edge-port', values['edge-port'] ?? process.env.EDGE_PORT, 4566),
  clock,
  // A rehearsal shifts the business clock only: storefronts sign webhooks with the real time.
  transportClock: systemClock,
  dynamodb,
  ...handlersOn,
  localRoutes: consoleSite(site.dir),
  ...(policyPath !== undefined ? { policyPath } : {}),
  log,
}).catch((error: unknown) => fail((error as Error).message));

rememberPlatformClock(dataDir(values.data), offsetMs);
rememberPolicy(dataDir(values.data), policyPath);
// npm run token / webhook-secret, run from this directory, find the data directory here.
const forget = recordRunning({ dataDir: dataDir(values.data), pid: process.pid, apiUrl: runtime.apiUrl, edgeUrl: runtime.edgeUrl });
process.stdout.write(startupBanner(runtime, dataDir(values.data), systemClock.now() - began, clock.now(), systemClock.now()));
for (const note of plan.notes) log(note);
if (policyPath !== undefined) log(`SLA policy: ${policyPath} (validated)`);
if (startAt !== undefined) log(`the platform's clock runs from ${new Date(startAt).toISOString()} (--time); a plain npm start on this --data resumes this clock (--change-clock for the system clock)`);

let stopping = false;
const stop = (signal: string): void => {
  if (stopping) return;
  stopping = true;
  log(`${signal}: stopping`);
  void runtime.stop().then(() => {
    forget();
    log('stopped; a restart resumes where this left off');
    process.exit(0);
  });
};
// The handlers run in this process: a fault that escapes one request (a throw in a stream
// callback, a rejected promise nobody awaited) is logged and stays that request's, as a crashed
// Lambda sandbox would; one bad delivery must not take every function down. State is durable.
process.on('uncaughtException', (error) => log('uncaught exception contained', { level: 'ERROR', error: String(error), stack: error.stack }));
process.on('unhandledRejection', (reason) => log('unhandled rejection contained', { level: 'ERROR', error: String(reason) }));
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
