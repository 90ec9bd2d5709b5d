/**
 * `npm run demo [-- --orders 300 --seed 1 --day 2026-11-30 --days 4 --out demo-report --data <dir> --dynamodb embedded|java --robot <url>]`:
 * a store day on the real runtime with a virtual clock, then the SLA compliance report (printed,
 * and written as JSON, CSV and an SVG chart into --out). With --robot, the run's SLA breaches are
 * posted to that group robot (deliberately not ALARM_WEBHOOK_URL: a rehearsal should not page a real team by accident).
 */
import '../local/quiet-logs.ts';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { manifest } from '../app/manifest.ts';
import { parseDate } from '../core/time/civil.ts';
import { runDemo } from '../local/demo/demo.ts';
import { dynamoDbHome } from '../local/runtime/dynamodb-home.ts';

function fail(message: string): never {
  process.stderr.write(`demo: ${message}\n`);
  process.exit(2);
}

function wholeNumber(flag: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max) fail(`${flag}: "${value}" is not a whole number from ${min} to ${max}`);
  return n;
}

let values: Record<string, string | undefined>;
try {
  ({ values } = parseArgs({
    options: { orders: { type: 'string' }, seed: { type: 'string' }, day: { type: 'string' }, days: { type: 'string' }, out: { type: 'string' }, data: { type: 'string' }, dynamodb: { type: 'string' }, robot: { type: 'string' } },
    strict: true,
  }));
} catch (error) {
  fail((error as Error).message.split('\n')[0] ?? 'bad arguments');
}
const day = values.day ?? '2026-11-30';
if (parseDate(day) === undefined) fail(`--day: "${day}" is not a date (YYYY-MM-DD)`);

const dynamodb = dynamoDbHome(values.dynamodb) ?? fail(`--dynamodb: "${String(values.dynamodb)}" is not embedded or java`);
const orders = wholeNumber('--orders', values.orders, 300, 1, 5000);
const outDir = resolve(values.out ?? 'demo-report');
process.stderr.write(`demo: ${orders} orders on ${day}, simulated on a virtual clock against the local runtime…\n`);
const result = await runDemo({
  manifest,
  root: fileURLToPath(new URL('..', import.meta.url)),
  orders,
  seed: wholeNumber('--seed', values.seed, 1, 0, 2 ** 32 - 1),
  day,
  days: wholeNumber('--days', values.days, 4, 1, 14),
  outDir,
  dynamodb,
  ...(values.data ? { dataDir: resolve(values.data) } : {}),
  ...(values.robot ? { robotUrl: values.robot } : {}),
  progress: (line) => process.stderr.write(`  ${line}\n`),
}).catch((error: unknown) => fail((error as Error).message));

process.stdout.write(`\n${result.text}\n\nWritten: ${Object.values(result.files).join(', ')}\n`);
if (result.report.failures.length > 0) process.exitCode = 1;
