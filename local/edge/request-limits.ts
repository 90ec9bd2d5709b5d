/**
 * The largest request body each emulated service reads (bytes), from each service's documented
 * payload limit with room for the JSON around it; the edge refuses a larger body before reading
 * it (edge-server.ts). Below these, each emulator's own validation answers as the service does.
 * - DynamoDB: BatchWriteItem carries at most 16 MB (DynamoDB Developer Guide, "Constraints").
 * - SQS: a message or a batch at most 1 MiB since August 2025 (SQS Developer Guide, "Quotas").
 * - Lambda: a synchronous Invoke payload at most 6 MB (Lambda API Reference, Invoke).
 * - Step Functions: a definition at most 1 MB, input 256 KiB; EventBridge: PutEvents entries
 *   256 KB; Scheduler: target input 256 KB.
 */
const MiB = 1024 * 1024;

export const EDGE_REQUEST_LIMITS = {
  dynamodb: 16 * MiB,
  sqs: 2 * MiB,
  lambda: 6 * MiB,
  states: 2 * MiB,
  events: 2 * MiB,
  scheduler: 2 * MiB,
} as const;

/** For a service without its own: DynamoDB's, the largest. */
export const DEFAULT_EDGE_REQUEST_LIMIT = EDGE_REQUEST_LIMITS.dynamodb;
