/**
 * The SQS emulator: the SQS API actions the platform calls (JSON protocol, `AmazonSQS.*` on the
 * edge port) and Lambda's SQS event source mapping, on one durable SQLite file. A sent message is
 * a row of the delivery outbox, committed before `SendMessage` answers and due after its
 * `DelaySeconds` on the injected clock; when due it is handed to the queue's consumer function as
 * an SQS event (https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html). A failed invocation
 * makes the message visible again after the queue's visibility timeout, as on AWS, until
 * `maxReceiveCount` (or the retention period) runs out; then it is dead-lettered.
 *
 * Differences from AWS, on purpose: queues are read only through event source mappings (no
 * `ReceiveMessage`: nothing here polls by hand), batches of one record per invocation, no FIFO
 * queues, no message attributes.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Clock } from '../../core/time/clock.ts';
import { dispatchJsonProtocol, jsonProtocolListener, type JsonProtocolResponse, type JsonProtocolService } from '../edge/json-protocol.ts';
import { DeliveryOutbox, type DeadLetter } from '../eventbridge/delivery/outbox.ts';
import { openDatabase } from '../eventbridge/store/open-database.ts';
import { reporterFor, type StorageReporter } from '../storage/storage-health.ts';
import {
  BatchEntryIdsNotDistinct,
  EmptyBatchRequest,
  InvalidParameterValue,
  MissingParameter,
  QueueDoesNotExist,
  SqsApiError,
  TooManyEntriesInBatchRequest,
  UnsupportedOperation,
} from './errors.ts';

export const SQS_TARGET_PREFIX = 'AmazonSQS.';

/** SQS's limits (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/quotas-messages.html). */
const MAX_DELAY_SECONDS = 900;
const MAX_BODY_BYTES = 262_144;
const MAX_BATCH_ENTRIES = 10;
/** Defaults of a new queue: 30 s visibility timeout, 4 days retention. */
const DEFAULT_VISIBILITY_SECONDS = 30;
const DEFAULT_RETENTION_SECONDS = 345_600;
/** Receives before a failing message is dead-lettered when the queue sets no redrive policy (AWS keeps it until retention ends). */
const DEFAULT_MAX_RECEIVES = 1_000;

export interface SqsLocalOptions {
  /** A directory for `sqs.sqlite`, or ':memory:'. */
  data: string;
  clock: Clock;
  region: string;
  accountId: string;
  /** The edge's base URL, for queue URLs (read when a URL is made: the edge listens after the emulator is built). */
  baseUrl: () => string;
  /** Invokes the consumer function with an SQS event; resolves to the function's result. */
  invoke: (functionArn: string, event: SqsEvent) => Promise<unknown>;
  onDeadLetter?: (entry: DeadLetter) => void;
  /** Hears when the delivery outbox cannot write its bookkeeping (a full disk) and when it can again (store `sqs.messages`). */
  health?: StorageReporter;
}

export interface SqsRecord {
  messageId: string;
  receiptHandle: string;
  body: string;
  attributes: Record<string, string>;
  messageAttributes: Record<string, never>;
  md5OfBody: string;
  eventSource: 'aws:sqs';
  eventSourceARN: string;
  awsRegion: string;
}

export interface SqsEvent {
  Records: SqsRecord[];
}

export interface SqsLocal {
  readonly listener: (req: IncomingMessage, res: ServerResponse) => void;
  readonly targetPrefix: string;
  request(operation: string, body: object): Promise<JsonProtocolResponse>;
  /** Lambda's event source mapping: due messages of `queueName` invoke `functionArn`. */
  subscribe(queueName: string, functionArn: string): void;
  queueNames(): string[];
  start(): void;
  idle(): Promise<void>;
  pendingMessages(): number;
  deadLetters(): DeadLetter[];
  close(): void;
}

interface Context {
  db: ReturnType<typeof openDatabase>;
  outbox: DeliveryOutbox;
  options: SqsLocalOptions;
}

interface Stored {
  queue: string;
  messageId: string;
  body: string;
  sentAt: number;
}

export function createSqsLocal(options: SqsLocalOptions): SqsLocal {
  const db = openDatabase(options.data, 'sqs.sqlite');
  db.exec('CREATE TABLE IF NOT EXISTS queues (name TEXT PRIMARY KEY, created_at INTEGER NOT NULL, attributes TEXT NOT NULL)');
  const consumers = new Map<string, string>();
  const outbox = new DeliveryOutbox({
    db,
    table: 'messages',
    clock: options.clock,
    // A failed receive comes back after the visibility timeout: a constant delay, not exponential.
    backoff: { baseMs: DEFAULT_VISIBILITY_SECONDS * 1000, maxMs: DEFAULT_VISIBILITY_SECONDS * 1000 },
    send: async (payload, attempt) => {
      const message = JSON.parse(payload) as Stored;
      const consumer = consumers.get(message.queue);
      if (consumer === undefined) throw new Error(`queue ${message.queue} has no event source mapping`);
      const result = await options.invoke(consumer, { Records: [toRecord(options, message, attempt)] });
      if (failedItems(result) > 0) throw new Error(`${consumer} reported the message as a batch item failure`);
    },
    ...(options.onDeadLetter ? { onDeadLetter: options.onDeadLetter } : {}),
    ...(options.health ? { health: reporterFor('sqs', options.health) } : {}),
  });
  const ctx: Context = { db, outbox, options };
  const handle = (target: string | undefined, raw: string): Promise<JsonProtocolResponse> => dispatchJsonProtocol(SERVICE, ctx, target, raw);
  return {
    listener: jsonProtocolListener('application/x-amz-json-1.0', handle),
    targetPrefix: SQS_TARGET_PREFIX,
    request: (operation, body) => handle(`${SQS_TARGET_PREFIX}${operation}`, JSON.stringify(body)),
    subscribe: (queueName, functionArn) => void consumers.set(queueName, functionArn),
    queueNames: () => db.prepare<[], { name: string }>('SELECT name FROM queues ORDER BY name').all().map((r) => r.name),
    start: () => outbox.start(),
    idle: () => outbox.idle(),
    pendingMessages: () => outbox.pendingCount(),
    deadLetters: () => outbox.deadLetters(),
    close() {
      outbox.close();
      db.close();
    },
  };
}

function toRecord(options: SqsLocalOptions, m: Stored, receiveCount: number): SqsRecord {
  return {
    messageId: m.messageId,
    receiptHandle: `${m.messageId}#${receiveCount}`,
    body: m.body,
    attributes: {
      ApproximateReceiveCount: String(receiveCount),
      SentTimestamp: String(m.sentAt),
      SenderId: options.accountId,
      ApproximateFirstReceiveTimestamp: String(options.clock.now()),
    },
    messageAttributes: {},
    md5OfBody: md5(m.body),
    eventSource: 'aws:sqs',
    eventSourceARN: queueArn(options, m.queue),
    awsRegion: options.region,
  };
}

/** `{batchItemFailures: [...]}` of a handler using ReportBatchItemFailures. */
function failedItems(result: unknown): number {
  if (typeof result !== 'object' || result === null || !('batchItemFailures' in result)) return 0;
  const failures = (result as { batchItemFailures: unknown }).batchItemFailures;
  return Array.isArray(failures) ? failures.length : 0;
}

const md5 = (text: string): string => createHash('md5').update(text, 'utf8').digest('hex');
const queueArn = (o: SqsLocalOptions, name: string): string => `arn:aws:sqs:${o.region}:${o.accountId}:${name}`;
const queueUrl = (o: SqsLocalOptions, name: string): string => `${o.baseUrl()}/${o.accountId}/${name}`;

type Operation = (ctx: Context, body: Record<string, unknown>) => object;

function stringField(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  if (value === undefined || value === null || value === '') throw new MissingParameter(name);
  if (typeof value !== 'string') throw new InvalidParameterValue(`Value for parameter ${name} is invalid. Reason: must be a string.`);
  return value;
}

/** The queue a `QueueUrl` names (its last path segment), which must exist. */
function queueOf(ctx: Context, body: Record<string, unknown>): string {
  const url = stringField(body, 'QueueUrl');
  const name = url.slice(url.lastIndexOf('/') + 1);
  if (!ctx.db.prepare('SELECT 1 FROM queues WHERE name = ?').get(name)) throw new QueueDoesNotExist(url);
  return name;
}

function delayOf(value: unknown): number {
  if (value === undefined) return 0;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_DELAY_SECONDS) {
    throw new InvalidParameterValue(`Value ${String(value)} for parameter DelaySeconds is invalid. Reason: must be between 0 and ${MAX_DELAY_SECONDS}, if provided.`);
  }
  return value;
}

function send(ctx: Context, queue: string, body: unknown, delay: unknown): { MessageId: string; MD5OfMessageBody: string } {
  if (typeof body !== 'string' || body.length === 0) throw new MissingParameter('MessageBody');
  if (Buffer.byteLength(body, 'utf8') > MAX_BODY_BYTES) throw new InvalidParameterValue(`One or more parameters are invalid. Reason: Message must be shorter than ${MAX_BODY_BYTES} bytes.`);
  const seconds = delayOf(delay);
  const messageId = randomUUID();
  const stored: Stored = { queue, messageId, body, sentAt: ctx.options.clock.now() };
  ctx.outbox.enqueue(JSON.stringify(stored), { maximumRetryAttempts: DEFAULT_MAX_RECEIVES - 1, maximumEventAgeSeconds: DEFAULT_RETENTION_SECONDS }, seconds * 1000);
  return { MessageId: messageId, MD5OfMessageBody: md5(body) };
}

const OPERATIONS: Record<string, Operation> = {
  CreateQueue(ctx, body) {
    const name = stringField(body, 'QueueName');
    if (!/^[A-Za-z0-9_-]{1,80}$/.test(name)) throw new InvalidParameterValue('Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length');
    ctx.db.prepare('INSERT OR IGNORE INTO queues (name, created_at, attributes) VALUES (?, ?, ?)').run(name, ctx.options.clock.now(), JSON.stringify(body.Attributes ?? {}));
    return { QueueUrl: queueUrl(ctx.options, name) };
  },
  GetQueueUrl(ctx, body) {
    const name = stringField(body, 'QueueName');
    if (!ctx.db.prepare('SELECT 1 FROM queues WHERE name = ?').get(name)) throw new QueueDoesNotExist(name);
    return { QueueUrl: queueUrl(ctx.options, name) };
  },
  ListQueues(ctx, body) {
    const prefix = typeof body.QueueNamePrefix === 'string' ? body.QueueNamePrefix : '';
    const names = ctx.db.prepare<[string], { name: string }>("SELECT name FROM queues WHERE name LIKE ? ESCAPE '\\' ORDER BY name").all(`${prefix.replace(/[\\%_]/g, '\\$&')}%`);
    return { QueueUrls: names.map((r) => queueUrl(ctx.options, r.name)) };
  },
  GetQueueAttributes(ctx, body) {
    const name = queueOf(ctx, body);
    const row = ctx.db.prepare<[string], { created_at: number }>('SELECT created_at FROM queues WHERE name = ?').get(name)!;
    const pending = ctx.db.prepare<[string], { n: number }>("SELECT COUNT(*) AS n FROM messages WHERE json_extract(payload, '$.queue') = ?").get(name)?.n ?? 0;
    return {
      Attributes: {
        QueueArn: queueArn(ctx.options, name),
        ApproximateNumberOfMessages: String(pending),
        CreatedTimestamp: String(Math.floor(row.created_at / 1000)),
        VisibilityTimeout: String(DEFAULT_VISIBILITY_SECONDS),
        MessageRetentionPeriod: String(DEFAULT_RETENTION_SECONDS),
        MaximumMessageSize: String(MAX_BODY_BYTES),
        DelaySeconds: '0',
      },
    };
  },
  SendMessage(ctx, body) {
    const queue = queueOf(ctx, body);
    return send(ctx, queue, body.MessageBody, body.DelaySeconds);
  },
  SendMessageBatch(ctx, body) {
    const queue = queueOf(ctx, body);
    const entries = Array.isArray(body.Entries) ? (body.Entries as Record<string, unknown>[]) : [];
    if (entries.length === 0) throw new EmptyBatchRequest();
    if (entries.length > MAX_BATCH_ENTRIES) throw new TooManyEntriesInBatchRequest(entries.length);
    const ids = new Set<string>();
    for (const e of entries) {
      const id = stringField(e, 'Id');
      if (ids.has(id)) throw new BatchEntryIdsNotDistinct(id);
      ids.add(id);
    }
    const successful: object[] = [];
    const failed: object[] = [];
    ctx.db.transaction(() => {
      for (const e of entries) {
        try {
          successful.push({ Id: e.Id, ...send(ctx, queue, e.MessageBody, e.DelaySeconds) });
        } catch (error) {
          if (!(error instanceof SqsApiError)) throw error;
          failed.push({ Id: e.Id, SenderFault: true, Code: error.name, Message: error.message });
        }
      }
    })();
    return { Successful: successful, Failed: failed };
  },
  ReceiveMessage() {
    throw new UnsupportedOperation('ReceiveMessage: this emulator delivers its queues to Lambda event source mappings only');
  },
  DeleteMessage() {
    throw new UnsupportedOperation('DeleteMessage: messages are deleted when their Lambda invocation succeeds');
  },
};

const SERVICE: JsonProtocolService<Context> = {
  name: 'sqs-local',
  targetPrefix: SQS_TARGET_PREFIX,
  operations: OPERATIONS,
  errorClass: SqsApiError,
  internalErrorType: 'InternalError',
};
