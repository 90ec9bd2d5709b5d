/**
 * A queue's settable attributes, validated and defaulted as SQS documents them (API Reference,
 * CreateQueue › Attributes; Developer Guide, "Amazon SQS message quotas" and "Using dead-letter
 * queues"). Values travel as strings on the wire and are kept as numbers here.
 */
import { InvalidAttributeName, InvalidAttributeValue, InvalidParameterValue } from './errors.ts';

/** 1 MiB, the largest message and the default MaximumMessageSize since August 2025 (was 256 KiB). */
export const MAX_MESSAGE_BYTES = 1_048_576;

export interface RedrivePolicy {
  deadLetterTargetArn: string;
  /** Receives after which the next one moves the message to the dead-letter queue instead (1–1,000). */
  maxReceiveCount: number;
}

export interface QueueAttributes {
  /** Seconds every message waits before its first delivery, unless SendMessage sets its own (0–900, default 0). */
  DelaySeconds: number;
  /** Largest message in bytes, body and message attributes together (1,024–1,048,576, default 1,048,576). */
  MaximumMessageSize: number;
  /** Seconds a message is kept (60–1,209,600, default 345,600 = 4 days). */
  MessageRetentionPeriod: number;
  /** Long-poll wait in seconds (0–20, default 0); kept and reported only: nothing here polls. */
  ReceiveMessageWaitTimeSeconds: number;
  /** Seconds a received message stays hidden before it can be received again (0–43,200, default 30). */
  VisibilityTimeout: number;
  RedrivePolicy?: RedrivePolicy;
}

export const DEFAULT_QUEUE_ATTRIBUTES: QueueAttributes = {
  DelaySeconds: 0,
  MaximumMessageSize: MAX_MESSAGE_BYTES,
  MessageRetentionPeriod: 345_600,
  ReceiveMessageWaitTimeSeconds: 0,
  VisibilityTimeout: 30,
};

const RANGES: Record<Exclude<keyof QueueAttributes, 'RedrivePolicy'>, [number, number]> = {
  DelaySeconds: [0, 900],
  MaximumMessageSize: [1_024, MAX_MESSAGE_BYTES],
  MessageRetentionPeriod: [60, 1_209_600],
  ReceiveMessageWaitTimeSeconds: [0, 20],
  VisibilityTimeout: [0, 43_200],
};

/** Attributes a queue reports but no request may set. */
export const READ_ONLY_ATTRIBUTES = [
  'QueueArn',
  'ApproximateNumberOfMessages',
  'ApproximateNumberOfMessagesNotVisible',
  'ApproximateNumberOfMessagesDelayed',
  'CreatedTimestamp',
  'LastModifiedTimestamp',
] as const;

/** Settable attributes this emulator keeps and reports without acting on them (encryption, access policy). */
const STORED_ONLY = ['Policy', 'KmsMasterKeyId', 'KmsDataKeyReusePeriodSeconds', 'SqsManagedSseEnabled', 'RedriveAllowPolicy'] as const;

export type StoredOnly = Partial<Record<(typeof STORED_ONLY)[number], string>>;

/**
 * `base` with the request's `Attributes` applied. Throws InvalidAttributeName for a name SQS
 * does not let a request set, InvalidAttributeValue for a number out of range, and
 * InvalidParameterValue for a RedrivePolicy that is not `{deadLetterTargetArn, maxReceiveCount}`
 * naming an existing queue (`queueExists`).
 */
export function applyAttributes(
  base: QueueAttributes & StoredOnly,
  raw: unknown,
  queueExists: (arn: string) => boolean,
): QueueAttributes & StoredOnly {
  if (raw === undefined || raw === null) return base;
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new InvalidParameterValue('Attributes must be a map of attribute names to string values.');
  const out: QueueAttributes & StoredOnly = { ...base };
  for (const [name, value] of Object.entries(raw as Record<string, unknown>)) {
    if (typeof value !== 'string') throw new InvalidAttributeValue(name);
    if (name === 'RedrivePolicy') {
      if (value === '') delete out.RedrivePolicy;
      else out.RedrivePolicy = redrivePolicy(value, queueExists);
    } else if (Object.hasOwn(RANGES, name)) {
      const [min, max] = RANGES[name as keyof typeof RANGES];
      const n = /^\d+$/.test(value) ? Number(value) : NaN;
      if (!(n >= min && n <= max)) throw new InvalidAttributeValue(name);
      out[name as keyof typeof RANGES] = n;
    } else if ((STORED_ONLY as readonly string[]).includes(name)) {
      out[name as (typeof STORED_ONLY)[number]] = value;
    } else if (name === 'FifoQueue' || name === 'ContentBasedDeduplication' || name === 'DeduplicationScope' || name === 'FifoThroughputLimit') {
      throw new InvalidAttributeName(`${name} (this emulator has no FIFO queues)`);
    } else {
      throw new InvalidAttributeName(name);
    }
  }
  return out;
}

/** `{"deadLetterTargetArn": "...", "maxReceiveCount": n}` (n a number or a numeric string, 1–1,000). */
function redrivePolicy(text: string, queueExists: (arn: string) => boolean): RedrivePolicy {
  const invalid = (reason: string): InvalidParameterValue => new InvalidParameterValue(`Value ${text} for parameter RedrivePolicy is invalid. Reason: ${reason}`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw invalid('Redrive policy is not a valid JSON map.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw invalid('Redrive policy is not a valid JSON map.');
  const { deadLetterTargetArn, maxReceiveCount } = parsed as Record<string, unknown>;
  if (typeof deadLetterTargetArn !== 'string') throw invalid('Redrive policy does not contain mandatory attribute: deadLetterTargetArn.');
  if (maxReceiveCount === undefined) throw invalid('Redrive policy does not contain mandatory attribute: maxReceiveCount.');
  const count = typeof maxReceiveCount === 'string' && /^\d+$/.test(maxReceiveCount) ? Number(maxReceiveCount) : maxReceiveCount;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > 1_000) {
    throw invalid(`Invalid value for maxReceiveCount: ${String(maxReceiveCount)}, valid values are from 1 to 1000 both inclusive.`);
  }
  if (!queueExists(deadLetterTargetArn)) throw invalid('Dead letter target does not exist.');
  return { deadLetterTargetArn, maxReceiveCount: count };
}

/** The settable attributes as GetQueueAttributes reports them (strings; RedrivePolicy as JSON). */
export function reportedAttributes(a: QueueAttributes & StoredOnly): Record<string, string> {
  const out: Record<string, string> = {
    DelaySeconds: String(a.DelaySeconds),
    MaximumMessageSize: String(a.MaximumMessageSize),
    MessageRetentionPeriod: String(a.MessageRetentionPeriod),
    ReceiveMessageWaitTimeSeconds: String(a.ReceiveMessageWaitTimeSeconds),
    VisibilityTimeout: String(a.VisibilityTimeout),
    SqsManagedSseEnabled: a.SqsManagedSseEnabled ?? 'true',
  };
  if (a.RedrivePolicy) out.RedrivePolicy = JSON.stringify({ deadLetterTargetArn: a.RedrivePolicy.deadLetterTargetArn, maxReceiveCount: a.RedrivePolicy.maxReceiveCount });
  for (const name of STORED_ONLY) if (name !== 'SqsManagedSseEnabled' && a[name] !== undefined) out[name] = a[name];
  return out;
}

/** The first attribute whose value differs (CreateQueue of an existing queue), or undefined. */
export function firstDifference(a: QueueAttributes & StoredOnly, b: QueueAttributes & StoredOnly): string | undefined {
  const ra = reportedAttributes(a);
  const rb = reportedAttributes(b);
  return [...new Set([...Object.keys(ra), ...Object.keys(rb)])].find((k) => ra[k] !== rb[k]);
}

/** Every name GetQueueAttributes answers to. */
export const KNOWN_ATTRIBUTE_NAMES: ReadonlySet<string> = new Set([...Object.keys(RANGES), 'RedrivePolicy', ...STORED_ONLY, ...READ_ONLY_ATTRIBUTES]);
