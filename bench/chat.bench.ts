// npm run bench:chat — sustained chat messages per second end to end on the whole local platform:
// signed chat.messages webhooks of 100 messages each (a chat tool's bulk delivery) from bounded
// concurrent senders, every message recorded in its conversation; beside the raw DynamoDB PutItem
// rate measured in the same run, and DynamoDB write requests per message counted at the edge.
import '../local/quiet-logs.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { manifest } from '../app/manifest.ts';
import { systemClock } from '../core/time/clock.ts';
import { signStorefrontPayload, SIGNATURE_HEADER } from '../core/storefront/signature.ts';
import { startRuntime } from '../local/runtime/runtime.ts';
import { openRawPut } from './ingest/raw-put.ts';

const CONNECTIONS = Number(process.env.CHAT_BENCH_CONNECTIONS ?? 8);
const SECONDS = Number(process.env.CHAT_BENCH_SECONDS ?? 20);
const BATCH = 100;
/** Messages per conversation in a batch: a chat tool's minute of a busy shop spans many conversations. */
const PER_CONVERSATION = 5;

const fmt = (n: number, digits = 0): string => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** One bulk delivery: 20 conversations, each a customer question, the agent's answer, and so on. */
function batchBody(now: number): string {
  const messages = Array.from({ length: BATCH }, (_, i) => {
    const conversation = Math.floor(i / PER_CONVERSATION);
    const turn = i % PER_CONVERSATION;
    const agent = turn % 2 === 1;
    return {
      conversationId: `bench-${randomUUID().slice(0, 8)}-${conversation}`,
      messageId: `m${turn}`,
      from: agent ? 'agent' : 'customer',
      sentAt: new Date(now - (PER_CONVERSATION - turn) * 10_000).toISOString(),
      ...(agent ? { agentId: `agent-${conversation % 7}` } : {}),
    };
  });
  // Conversation ids are per batch: give each conversation's messages the same id.
  for (let i = 0; i < BATCH; i++) messages[i]!.conversationId = messages[i - (i % PER_CONVERSATION)]!.conversationId;
  return JSON.stringify({ id: `evt-${randomUUID()}`, type: 'chat.messages', occurredAt: new Date(now).toISOString(), data: { messages } });
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'chat-bench-'));
  const runtime = await startRuntime({ manifest, root: process.cwd(), dataDir, host: '127.0.0.1', port: 0, edgePort: 0, clock: systemClock, log: () => {} });
  try {
    console.log(`chat bench: ${CONNECTIONS} senders, batches of ${BATCH} messages, ${SECONDS} s; ${cpus().length} cores, load ${loadavg()[0]?.toFixed(1)}`);
    const raw = await openRawPut(runtime.edgeUrl, 'x'.repeat(400), runtime.credentials);
    const rawResult = await raw.measure(CONNECTIONS, 5, 'before');
    raw.close();

    const before = runtime.usage().dynamodb;
    const latencies: number[] = [];
    let messages = 0;
    let failures = 0;
    const start = performance.now();
    const end = start + SECONDS * 1000;
    const sender = async (): Promise<void> => {
      while (performance.now() < end) {
        const body = batchBody(Date.now());
        const signature = signStorefrontPayload({ secret: runtime.webhookSecret, timestamp: Math.floor(Date.now() / 1000), body });
        const sent = performance.now();
        const answer = await fetch(`${runtime.apiUrl}/webhooks/storefront`, { method: 'POST', headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signature }, body });
        await answer.arrayBuffer();
        latencies.push(performance.now() - sent);
        if (answer.status === 202) messages += BATCH;
        else failures++;
      }
    };
    await Promise.all(Array.from({ length: CONNECTIONS }, sender));
    await runtime.settle();
    const seconds = (performance.now() - start) / 1000;
    const after = runtime.usage().dynamodb;
    latencies.sort((a, b) => a - b);
    const at = (p: number): number => latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)] ?? NaN;
    const writesPerMessage = (after.writeRequests - before.writeRequests) / messages;
    console.log(`raw DynamoDB PutItem same run: ${fmt(rawResult.perSecond)} items/s at ${CONNECTIONS} connections`);
    console.log(`deliveries: ${fmt(latencies.length)} (${failures} refused), p50 ${fmt(at(50), 1)} ms, p99 ${fmt(at(99), 1)} ms per batch`);
    console.log(`DynamoDB writes per message: ${fmt(writesPerMessage, 2)} (${fmt(after.writeRequests - before.writeRequests)} write requests, ${fmt(after.readRequests - before.readRequests)} reads)`);
    console.log(`chat: ${fmt(messages / seconds)} messages/s end to end in batches of ${BATCH}; raw PutItem same run: ${fmt(rawResult.perSecond)}/s; ratio ${fmt(messages / seconds / rawResult.perSecond, 2)}×`);
  } finally {
    await runtime.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
