/**
 * The SQS emulator: the SQS API actions the platform calls (JSON protocol, `AmazonSQS.*` on the
 * edge port) and Lambda's SQS event source mapping, on one durable SQLite file. A sent message is
 * a row of the delivery outbox, committed before `SendMessage` answers and due after its
 * `DelaySeconds` on the injected clock; when due it is handed to the queue's consumer function as
 * an SQS event (https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html). A failed invocation
 * makes the message visible again after the queue's `VisibilityTimeout`, as on AWS; once it has
 * been received the queue's RedrivePolicy `maxReceiveCount` times, the next receive moves it to the
 * dead-letter queue instead (Developer Guide, "Using dead-letter queues"), keeping its id, body,
 * attributes and sent time; without a redrive policy it is kept until `MessageRetentionPeriod`
 * ends. A queue no consumer reads keeps its messages unreceived. Queue attributes are validated
 * and reported as `queue-attributes.ts` says; message attributes are kept, counted in the size
 * limit and digested as `message-attributes.ts` says.
 *
 * Differences from AWS, on purpose: queues are read only through event source mappings (no
 * `ReceiveMessage`: nothing here polls by hand), batches of one record per invocation, no FIFO
 * queues, the JSON protocol only (the query protocol's `Action=` form bodies are not served).
 */
import { createHash, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Clock } from '../../core/time/clock.ts';
import { dispatchJsonProtocol, jsonProtocolListener, type JsonProtocolResponse, type JsonProtocolService } from '../edge/json-protocol.ts';
import { DeliveryOutbox, type DeadLetter } from '../eventbridge/delivery/outbox.ts';
import { DeliveryDeferred } from '../eventbridge/delivery/retry-policy.ts';
import { openDatabase } from '../eventbridge/store/open-database.ts';
import { reporterFor, type StorageReporter } from '../storage/storage-health.ts';
import {
  BatchEntryIdsNotDistinct,
  BatchRequestTooLong,
  EmptyBatchRequest,
  InvalidAttributeName,
  InvalidBatchEntryId,
  InvalidParameterValue,
  MissingParameter,
  QueueDoesNotExist,
  QueueNameExists,
  SqsApiError,
  TooManyEntriesInBatchRequest,
  UnsupportedOperation,
} from './errors.ts';
import { attributesSize, md5OfMessageAttributes, messageAttributes, recordAttributes, type MessageAttributeValue, type SqsRecordAttribute } from './message-attributes.ts';
import {
  applyAttributes,
  DEFAULT_QUEUE_ATTRIBUTES,
  firstDifference,
  KNOWN_ATTRIBUTE_NAMES,
  MAX_MESSAGE_BYTES,
  reportedAttributes,
  type QueueAttributes,
  type StoredOnly,
} from './queue-attributes.ts';

export const SQS_TARGET_PREFIX = 'AmazonSQS.';

/** SQS's limits (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/quotas-messages.html). */
const MAX_DELAY_SECONDS = 900;
const MAX_BATCH_ENTRIES = 10;
/** A batch entry's Id (SendMessageBatchRequestEntry › Id). */
const BATCH_ENTRY_ID = /^[A-Za-z0-9_-]{1,80}$/;
/** Receives are counted without bound: only the redrive policy or the retention period ends a failing message. */
const UNBOUNDED_RECEIVES = 1_000_000_000;
/** How soon a queue no consumer reads looks again for one (Lambda's pollers long-poll up to 20 s). */
const UNREAD_QUEUE_RECHECK_MS = 20_000;

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
  messageAttributes: Record<string, SqsRecordAttribute>;
  md5OfBody: string;
  md5OfMessageAttributes?: string;
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
  /**
   * Lambda's event source mapping: due messages of `queueName` invoke `functionArn`, at most
   * `maximumConcurrency` invocations at once (ScalingConfig.MaximumConcurrency; absent: the outbox's bound).
   */
  subscribe(queueName: string, functionArn: string, scaling?: { maximumConcurrency?: number }): void;
  queueNames(): string[];
  start(): void;
  idle(): Promise<void>;
  pendingMessages(): number;
  deadLetters(): DeadLetter[];
  close(): void;
}

interface Context {
  db: ReturnType<typeof openDatabase>;
  /** The emulator's outbox: one row per message of every queue (payload: `Stored`). */
  outbox: DeliveryOutbox;
  options: SqsLocalOptions;
}

interface Stored {
  queue: string;
  messageId: string;
  body: string;
  sentAt: number;
  /** When it is first due (sentAt + its delay). */
  dueAt?: number;
  messageAttributes?: Record<string, MessageAttributeValue>;
}

type Attributes = QueueAttributes & StoredOnly;

export function createSqsLocal(options: SqsLocalOptions): SqsLocal {
  const db = openDatabase(options.data, 'sqs.sqlite');
  db.exec('CREATE TABLE IF NOT EXISTS queues (name TEXT PRIMARY KEY, created_at INTEGER NOT NULL, attributes TEXT NOT NULL)');
  if (!db.prepare<[], { name: string }>('PRAGMA table_info(queues)').all().some((c) => c.name === 'modified_at')) db.exec('ALTER TABLE queues ADD COLUMN modified_at INTEGER');
  const consumers = new Map<string, string>();
  const limits = new Map<string, ConcurrencyLimit>();
  // The outbox's callbacks need the context, which holds the outbox: it is filled in below.
  const ctx = { db, options } as Context;
  const outbox = new DeliveryOutbox({
    db,
    table: 'messages',
    clock: options.clock,
    // A failed receive comes back after its queue's visibility timeout (at least 1 ms, so a 0 s timeout still arms the clock).
    retryDelayFor: (payload) => Math.max(1, (attributesOf(ctx, (JSON.parse(payload) as Stored).queue)?.VisibilityTimeout ?? DEFAULT_QUEUE_ATTRIBUTES.VisibilityTimeout) * 1000),
    send: async (payload, attempt) => {
      const message = JSON.parse(payload) as Stored;
      const redrive = attributesOf(ctx, message.queue)?.RedrivePolicy;
      const deadLetterQueue = redrive ? queueNameOfArn(ctx, redrive.deadLetterTargetArn) : undefined;
      // Received maxReceiveCount times already: this receive moves it on (a missing target keeps it here, as SQS does).
      if (redrive && attempt > redrive.maxReceiveCount && deadLetterQueue !== undefined) {
        moveToDeadLetterQueue(ctx, message, deadLetterQueue);
        return;
      }
      const consumer = consumers.get(message.queue);
      if (consumer === undefined) throw new DeliveryDeferred(UNREAD_QUEUE_RECHECK_MS);
      const limit = limits.get(message.queue);
      const result = limit ? await limit.run(() => options.invoke(consumer, { Records: [toRecord(options, message, attempt)] })) : await options.invoke(consumer, { Records: [toRecord(options, message, attempt)] });
      if (failedItems(result) > 0) throw new Error(`${consumer} reported the message as a batch item failure`);
    },
    ...(options.onDeadLetter ? { onDeadLetter: options.onDeadLetter } : {}),
    ...(options.health ? { health: reporterFor('sqs', options.health) } : {}),
  });
  ctx.outbox = outbox;
  const handle = (target: string | undefined, raw: string): Promise<JsonProtocolResponse> => {
    // The query protocol (form-encoded `Action=SendMessage&…`, SDKs before the JSON protocol) is not served: say so rather than guess.
    if (target === undefined && /(^|&)Action=/.test(raw)) return Promise.resolve({ status: 400, body: { __type: 'InvalidAction', message: "This SQS emulator speaks SQS's JSON protocol only (X-Amz-Target: AmazonSQS.<Action>, application/x-amz-json-1.0), as @aws-sdk/client-sqs 3.x does; the query protocol is not served." } });
    return dispatchJsonProtocol(SERVICE, ctx, target, raw);
  };
  return {
    listener: jsonProtocolListener('application/x-amz-json-1.0', handle),
    targetPrefix: SQS_TARGET_PREFIX,
    request: (operation, body) => handle(`${SQS_TARGET_PREFIX}${operation}`, JSON.stringify(body)),
    subscribe: (queueName, functionArn, scaling) => {
      consumers.set(queueName, functionArn);
      if (scaling?.maximumConcurrency !== undefined) limits.set(queueName, new ConcurrencyLimit(scaling.maximumConcurrency));
      else limits.delete(queueName);
    },
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

/**
 * An event source mapping's MaximumConcurrency: invocations beyond it wait, in order, for one to
 * end (on AWS the pollers stop receiving; the messages wait in the queue either way).
 */
class ConcurrencyLimit {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly maximum: number) {}

  async run<T>(invoke: () => Promise<T>): Promise<T> {
    if (this.running >= this.maximum) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    try {
      return await invoke();
    } finally {
      // The slot passes straight to the next waiter, so none can overtake it.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}

/** A queue's attributes (stored as GetQueueAttributes reports them), or undefined when there is no such queue. */
function attributesOf(ctx: Context, queue: string): Attributes | undefined {
  const row = ctx.db.prepare<[string], { attributes: string }>('SELECT attributes FROM queues WHERE name = ?').get(queue);
  return row ? applyAttributes(DEFAULT_QUEUE_ATTRIBUTES, JSON.parse(row.attributes), () => true) : undefined;
}

/** The name of the existing queue an ARN of this account and region names. */
function queueNameOfArn(ctx: Context, arn: string): string | undefined {
  const prefix = `arn:aws:sqs:${ctx.options.region}:${ctx.options.accountId}:`;
  if (!arn.startsWith(prefix)) return undefined;
  const name = arn.slice(prefix.length);
  return ctx.db.prepare('SELECT 1 FROM queues WHERE name = ?').get(name) ? name : undefined;
}

/** The message, as it was sent, on the dead-letter queue; it keeps its sent time, so retention counts from then. */
function moveToDeadLetterQueue(ctx: Context, message: Stored, queue: string): void {
  const retention = attributesOf(ctx, queue)?.MessageRetentionPeriod ?? DEFAULT_QUEUE_ATTRIBUTES.MessageRetentionPeriod;
  const now = ctx.options.clock.now();
  const moved: Stored = { ...message, queue, dueAt: now };
  const ageLeft = Math.max(1, Math.floor((message.sentAt + retention * 1000 - now) / 1000));
  ctx.outbox.enqueue(JSON.stringify(moved), { maximumRetryAttempts: UNBOUNDED_RECEIVES, maximumEventAgeSeconds: ageLeft });
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
    messageAttributes: recordAttributes(m.messageAttributes ?? {}),
    md5OfBody: md5(m.body),
    ...(m.messageAttributes && Object.keys(m.messageAttributes).length > 0 ? { md5OfMessageAttributes: md5OfMessageAttributes(m.messageAttributes) } : {}),
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

function delayOf(value: unknown, queueDefault: number): number {
  if (value === undefined || value === null) return queueDefault;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_DELAY_SECONDS) {
    throw new InvalidParameterValue(`Value ${String(value)} for parameter DelaySeconds is invalid. Reason: must be between 0 and ${MAX_DELAY_SECONDS}, if provided.`);
  }
  return value;
}

/** A message checked against its queue: body, attributes, size (body and attributes, against MaximumMessageSize). */
interface Checked {
  body: string;
  attributes: Record<string, MessageAttributeValue>;
  bytes: number;
}

function check(queue: Attributes, body: unknown, rawAttributes: unknown): Checked {
  if (typeof body !== 'string' || body.length === 0) throw new MissingParameter('MessageBody');
  const attributes = messageAttributes(rawAttributes);
  const bytes = Buffer.byteLength(body, 'utf8') + attributesSize(attributes);
  if (bytes > queue.MaximumMessageSize) throw new InvalidParameterValue(`One or more parameters are invalid. Reason: Message must be shorter than ${queue.MaximumMessageSize} bytes.`);
  return { body, attributes, bytes };
}

function send(ctx: Context, queue: string, attributes: Attributes, message: Checked, delay: unknown): { MessageId: string; MD5OfMessageBody: string; MD5OfMessageAttributes?: string } {
  const seconds = delayOf(delay, attributes.DelaySeconds);
  const messageId = randomUUID();
  const sentAt = ctx.options.clock.now();
  const hasAttributes = Object.keys(message.attributes).length > 0;
  const stored: Stored = { queue, messageId, body: message.body, sentAt, dueAt: sentAt + seconds * 1000, ...(hasAttributes ? { messageAttributes: message.attributes } : {}) };
  // Retention counts from when it was sent, as SQS counts it.
  ctx.outbox.enqueue(JSON.stringify(stored), { maximumRetryAttempts: UNBOUNDED_RECEIVES, maximumEventAgeSeconds: Math.max(1, attributes.MessageRetentionPeriod - seconds) }, seconds * 1000);
  const digest = md5OfMessageAttributes(message.attributes);
  return { MessageId: messageId, MD5OfMessageBody: md5(message.body), ...(digest ? { MD5OfMessageAttributes: digest } : {}) };
}

function saveAttributes(ctx: Context, name: string, attributes: Attributes): void {
  ctx.db.prepare('UPDATE queues SET attributes = ?, modified_at = ? WHERE name = ?').run(JSON.stringify(reportedAttributes(attributes)), ctx.options.clock.now(), name);
}

/** Approximate counts as GetQueueAttributes reports them: visible, delayed, and received but not yet visible again. */
function messageCounts(ctx: Context, queue: string): { visible: number; delayed: number; notVisible: number } {
  const now = ctx.options.clock.now();
  const row = ctx.db
    .prepare<[number, number, string], { total: number; delayed: number; notVisible: number }>(
      `SELECT COUNT(*) AS total,
              COALESCE(SUM(COALESCE(json_extract(payload, '$.dueAt'), 0) > ?), 0) AS delayed,
              COALESCE(SUM(attempts > 0 AND next_at > ?), 0) AS notVisible
         FROM messages WHERE json_extract(payload, '$.queue') = ?`,
    )
    .get(now, now, queue) ?? { total: 0, delayed: 0, notVisible: 0 };
  return { visible: row.total - row.delayed - row.notVisible, delayed: row.delayed, notVisible: row.notVisible };
}

const OPERATIONS: Record<string, Operation> = {
  CreateQueue(ctx, body) {
    const name = stringField(body, 'QueueName');
    if (!/^[A-Za-z0-9_-]{1,80}$/.test(name)) throw new InvalidParameterValue('Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length');
    const exists = (arn: string): boolean => queueNameOfArn(ctx, arn) !== undefined;
    const existing = attributesOf(ctx, name);
    if (existing) {
      // The same name with the same values of the attributes given answers the existing queue's URL.
      const difference = firstDifference(existing, applyAttributes(existing, body.Attributes, exists));
      if (difference !== undefined) throw new QueueNameExists(difference);
      return { QueueUrl: queueUrl(ctx.options, name) };
    }
    const attributes = applyAttributes(DEFAULT_QUEUE_ATTRIBUTES, body.Attributes, exists);
    const now = ctx.options.clock.now();
    ctx.db.prepare('INSERT INTO queues (name, created_at, attributes, modified_at) VALUES (?, ?, ?, ?)').run(name, now, JSON.stringify(reportedAttributes(attributes)), now);
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
  /** The attributes named in `AttributeNames` (`All` for every one; none named, none answered). */
  GetQueueAttributes(ctx, body) {
    const name = queueOf(ctx, body);
    const requested = Array.isArray(body.AttributeNames) ? (body.AttributeNames as unknown[]).map(String) : [];
    for (const n of requested) if (n !== 'All' && !KNOWN_ATTRIBUTE_NAMES.has(n)) throw new InvalidAttributeName(n);
    const row = ctx.db.prepare<[string], { created_at: number; modified_at: number | null }>('SELECT created_at, modified_at FROM queues WHERE name = ?').get(name)!;
    const counts = messageCounts(ctx, name);
    const all: Record<string, string> = {
      QueueArn: queueArn(ctx.options, name),
      ApproximateNumberOfMessages: String(counts.visible),
      ApproximateNumberOfMessagesNotVisible: String(counts.notVisible),
      ApproximateNumberOfMessagesDelayed: String(counts.delayed),
      CreatedTimestamp: String(Math.floor(row.created_at / 1000)),
      LastModifiedTimestamp: String(Math.floor((row.modified_at ?? row.created_at) / 1000)),
      ...reportedAttributes(attributesOf(ctx, name)!),
    };
    const wanted = requested.includes('All') ? Object.keys(all) : requested;
    const answered = Object.fromEntries(wanted.filter((n) => all[n] !== undefined).map((n) => [n, all[n]!]));
    return Object.keys(answered).length > 0 ? { Attributes: answered } : {};
  },
  SetQueueAttributes(ctx, body) {
    const name = queueOf(ctx, body);
    if (body.Attributes === undefined || body.Attributes === null) throw new MissingParameter('Attributes');
    saveAttributes(ctx, name, applyAttributes(attributesOf(ctx, name)!, body.Attributes, (arn) => queueNameOfArn(ctx, arn) !== undefined));
    return {};
  },
  SendMessage(ctx, body) {
    const queue = queueOf(ctx, body);
    const attributes = attributesOf(ctx, queue)!;
    return send(ctx, queue, attributes, check(attributes, body.MessageBody, body.MessageAttributes), body.DelaySeconds);
  },
  /**
   * Up to 10 entries with distinct Ids of `[A-Za-z0-9_-]{1,80}` (else InvalidBatchEntryId,
   * BatchEntryIdsNotDistinct) whose messages together are at most 1 MiB (else
   * BatchRequestTooLong); an entry that is itself invalid fails alone, in `Failed`.
   */
  SendMessageBatch(ctx, body) {
    const queue = queueOf(ctx, body);
    const attributes = attributesOf(ctx, queue)!;
    const entries = Array.isArray(body.Entries) ? (body.Entries as Record<string, unknown>[]) : [];
    if (entries.length === 0) throw new EmptyBatchRequest();
    if (entries.length > MAX_BATCH_ENTRIES) throw new TooManyEntriesInBatchRequest(entries.length);
    const ids = new Set<string>();
    for (const e of entries) {
      const id = stringField(e, 'Id');
      if (!BATCH_ENTRY_ID.test(id)) throw new InvalidBatchEntryId();
      if (ids.has(id)) throw new BatchEntryIdsNotDistinct(id);
      ids.add(id);
    }
    const checked = entries.map((e): Checked | SqsApiError => {
      try {
        return check(attributes, e.MessageBody, e.MessageAttributes);
      } catch (error) {
        if (error instanceof SqsApiError) return error;
        throw error;
      }
    });
    const total = entries.reduce((sum, e, i) => {
      const c = checked[i]!;
      if (!(c instanceof SqsApiError)) return sum + c.bytes;
      return sum + (typeof e.MessageBody === 'string' ? Buffer.byteLength(e.MessageBody, 'utf8') : 0);
    }, 0);
    if (total > MAX_MESSAGE_BYTES) throw new BatchRequestTooLong(MAX_MESSAGE_BYTES, total);
    const successful: object[] = [];
    const failed: object[] = [];
    ctx.db.transaction(() => {
      entries.forEach((e, i) => {
        const c = checked[i]!;
        try {
          if (c instanceof SqsApiError) throw c;
          successful.push({ Id: e.Id, ...send(ctx, queue, attributes, c, e.DelaySeconds) });
        } catch (error) {
          if (!(error instanceof SqsApiError)) throw error;
          failed.push({ Id: e.Id, SenderFault: true, Code: error.name, Message: error.message });
        }
      });
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
