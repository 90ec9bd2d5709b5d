// One bench:peak run: start the platform, offer the burst open-loop, optionally kill -9 it in the
// middle and start it again on the same data directory, then wait until every acknowledged order
// has its open review step (or the drain times out) and count what was lost.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localDynamoDbClient } from '../../local/dynamodb/client.ts';
import { loadPolicy } from '../../policy/load.ts';
import { check, countReviewQueue, openReviews, type DrainCheck } from './drain.ts';
import { offer, orders, type Answer, type Order } from './offer.ts';
import { startPlatform, type Platform } from './platform.ts';

export interface PeakOptions {
  orders: number;
  /** Offers per second. */
  rate: number;
  /** Kill the platform with SIGKILL before offering order number `killAt`, then start it again. */
  killAt?: number;
  /** Or once this many orders have been acknowledged (whatever the machine's speed, the kill falls amid the burst). */
  killAfterAcknowledged?: number;
  /** Give up waiting for the drain after this long (then the missing orders count as lost). */
  drainTimeoutMs: number;
  log?: (line: string) => void;
}

export interface PeakResult {
  offered: number;
  acknowledged: Order[];
  /** Answers by HTTP status, or by socket error code when none came (the connection was refused or reset). */
  statuses: Record<string, number>;
  ackLatencyMs: { p50: number; p99: number; max: number };
  /** Seconds from the first offer until the last acknowledged order's review was open. */
  drainedSeconds: number;
  lost: number;
  check: DrainCheck;
  /** CPU seconds of the platform process(es) while offering, and until drained. */
  cpuSeconds: { offering: number; total: number };
  offerSeconds: number;
  /** Whether the platform was killed (and started again). */
  killed: boolean;
}

const POLL_MS = 2_000;

export async function runPeak(options: PeakOptions): Promise<PeakResult> {
  const log = options.log ?? (() => {});
  const dataDir = mkdtempSync(join(tmpdir(), 'peak-bench-'));
  const secret = randomBytes(24).toString('hex');
  let platform: Platform = await startPlatform(dataDir, secret);
  let cpuBefore = 0;
  try {
    log(`platform up: API ${platform.apiUrl}, edge ${platform.edgeUrl}`);
    // One order first, so that every handler module is loaded before the burst.
    const warm = orders(`warm-${Date.now()}`, 1, Date.now(), 1);
    const [warmAnswer] = await offer({ url: platform.apiUrl, secret, orders: warm, start: Date.now(), rate: 1 });
    if (warmAnswer?.status !== 202) throw new Error(`warm-up order answered ${warmAnswer?.status}`);

    const start = Date.now() + 500;
    const burst = orders(`peak-${start}`, options.orders, start, options.rate);
    const cpuStart = platform.cpuSeconds();
    let killing: Promise<void> | undefined;
    let acked = 0;
    const kill = (why: string): void => {
      if (killing) return;
      cpuBefore = platform.cpuSeconds() - cpuStart;
      killing = platform.kill().then(() => log(`killed the platform (SIGKILL) ${why}`));
    };
    const answers: Answer[] = await offer({
      url: platform.apiUrl,
      secret,
      orders: burst,
      start,
      rate: options.rate,
      beforeSend: (i) => {
        if (options.killAt !== undefined && i >= options.killAt) kill(`before offer ${i}`);
        return killing === undefined;
      },
      onAnswer: (answer) => {
        if (answer.status === 202 && ++acked === options.killAfterAcknowledged) kill(`after ${acked} acknowledgements`);
      },
    });
    await killing;
    const killed = killing !== undefined;
    const offerSeconds = (Date.now() - start) / 1000;
    const offering = killed ? cpuBefore : platform.cpuSeconds() - cpuStart;
    const acknowledged = answers.filter((a) => a.status === 202).map((a) => a.order);
    const statuses: Record<string, number> = {};
    for (const a of answers) {
      const key = a.status === 0 ? (a.error ?? 'no answer') : String(a.status);
      statuses[key] = (statuses[key] ?? 0) + 1;
    }
    const latencies = Float64Array.from(answers.filter((a) => a.status === 202).map((a) => a.latencyMs)).sort();
    log(`offered ${answers.length}, acknowledged ${acknowledged.length} (${JSON.stringify(statuses)}) in ${offerSeconds.toFixed(1)} s`);

    if (killed) {
      platform = await startPlatform(dataDir, secret);
      log(`platform restarted on the same data directory: API ${platform.apiUrl}`);
    }
    const { drainedAt, result } = await waitForDrain(platform, acknowledged, options.drainTimeoutMs, log);
    // After a kill: the first process's CPU until the kill, and the second's since it started.
    const total = killed ? offering + platform.cpuSeconds() : platform.cpuSeconds() - cpuStart;
    return {
      offered: answers.length,
      acknowledged,
      statuses,
      ackLatencyMs: { p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: latencies[latencies.length - 1] ?? NaN },
      drainedSeconds: (drainedAt - start) / 1000,
      lost: result.missing.length,
      check: result,
      cpuSeconds: { offering, total },
      offerSeconds,
      killed,
    };
  } finally {
    await platform.stop().catch(() => {});
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function waitForDrain(platform: Platform, acknowledged: readonly Order[], timeoutMs: number, log: (line: string) => void): Promise<{ drainedAt: number; result: DrainCheck }> {
  const policy = loadPolicy();
  const db = localDynamoDbClient(platform.edgeUrl, platform.credentials);
  const giveUpAt = Date.now() + timeoutMs;
  try {
    for (;;) {
      // A count first (cheap), the full read once there may be enough.
      const open = await countReviewQueue(db);
      if (open < acknowledged.length && Date.now() < giveUpAt) {
        log(`draining: ${open} of ${acknowledged.length} reviews open`);
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        continue;
      }
      const reviews = await openReviews(db);
      const result = check(acknowledged, reviews, policy);
      if (result.missing.length === 0 || Date.now() >= giveUpAt) return { drainedAt: Date.now(), result };
      log(`draining: ${acknowledged.length - result.missing.length} of ${acknowledged.length} reviews open`);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  } finally {
    db.destroy();
  }
}

function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}
