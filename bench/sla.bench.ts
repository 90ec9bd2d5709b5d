/**
 * bench:sla — deadlines per second over a mix of every rule kind, on the default policy.
 * Inputs are generated up front from a fixed seed, so runs compare like with like.
 */
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { Interval } from '../core/calendar/interval.ts';
import { due } from '../core/deadline/due.ts';
import { getDefaultPolicy } from '../policy/load.ts';
import { mulberry32 } from '../core/random/mulberry32.ts';

const TOTAL = Number(process.env.BENCH_SLA_COUNT ?? 1_000_000);
const EXPLAINED = Math.min(100_000, TOTAL);

interface Case {
  step: string;
  opened: number;
  facts: Record<string, string>;
  pauses: Interval[];
}


const MIX: [step: string, weight: number, facts?: () => Record<string, string>][] = [
  ['order.review', 20],
  ['order.pack', 12],
  ['order.crm-bind', 8],
  ['order.dispatch', 8],
  ['order.pickup', 10],
  ['order.handover', 8],
  ['order.payment', 4],
  ['cancel.verify', 4],
  ['return.verify', 4],
  ['return.inspect', 3],
  ['complaint.investigate', 4],
  ['complaint.resolve', 3],
  ['complaint.callback', 3],
  ['stock.supplier-contact', 2],
  ['refund.settle', 7],
];
const CHANNELS = ['alipay', 'bank-card', 'boc'];

function generate(count: number): Case[] {
  const random = mulberry32(20261126);
  const totalWeight = MIX.reduce((s, [, w]) => s + w, 0);
  const yearStart = Date.parse('2026-01-01T00:00:00+08:00');
  const cases: Case[] = [];
  for (let i = 0; i < count; i++) {
    let pick = random() * totalWeight;
    const entry = MIX.find(([, w]) => (pick -= w) < 0) ?? MIX[0];
    const step = entry![0];
    const opened = yearStart + Math.floor(random() * 365 * 24 * 60) * 60_000;
    const facts: Record<string, string> = step === 'refund.settle' ? { channel: CHANNELS[Math.floor(random() * 3)]! } : {};
    const pauses: Interval[] = [];
    if (step !== 'order.pickup' && random() < 0.1) {
      const start = opened + Math.floor(random() * 120) * 60_000;
      pauses.push({ start, end: start + (15 + Math.floor(random() * 600)) * 60_000 });
    }
    cases.push({ step, opened, facts, pauses });
  }
  return cases;
}

function run(cases: Case[], explain: boolean): { seconds: number; checksum: number } {
  const policy = getDefaultPolicy();
  let checksum = 0;
  const start = performance.now();
  for (const c of cases) {
    const r = due(c.step, c.opened, c.facts, c.pauses, policy, { explain });
    checksum = (checksum + (r.due ?? 0) / 60_000) % 1e9;
  }
  return { seconds: (performance.now() - start) / 1000, checksum };
}

const cases = generate(TOTAL);
run(cases.slice(0, 20_000), false); // warm-up: JIT and the calendars' per-day interval caches
const fast = run(cases, false);
const explained = run(cases.slice(0, EXPLAINED), true);

const rate = (n: number, s: number): string => Math.round(n / s).toLocaleString('en-US');
console.log(`bench:sla — ${TOTAL.toLocaleString('en-US')} deadlines of ${MIX.length} steps (every rule kind, 10% with pauses)`);
console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`);
console.log(`without explain: ${fast.seconds.toFixed(2)} s → ${rate(TOTAL, fast.seconds)} deadlines/s (checksum ${fast.checksum.toFixed(0)})`);
console.log(`with explain:    ${explained.seconds.toFixed(2)} s for ${EXPLAINED.toLocaleString('en-US')} → ${rate(EXPLAINED, explained.seconds)} deadlines/s`);
