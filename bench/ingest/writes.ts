// Counting DynamoDB writes for bench:ingest. The runtime counts AWS operations at its edge port
// (one per request); the items inside a TransactWriteItems are counted here, in the handlers' own
// SDK, because the edge only sees the request's target header.
import { TransactWriteItemsCommand } from '@aws-sdk/client-dynamodb';

const DYNAMODB = 'DynamoDB_20120810.';
/** The DynamoDB operations that write; everything else (GetItem, Query…) only reads. */
export const WRITE_OPERATIONS = ['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem', 'TransactWriteItems'].map((op) => DYNAMODB + op);

export type Counts = Record<string, number>;

export function delta(after: Counts, before: Counts): Counts {
  return Object.fromEntries(Object.entries(after).map(([key, n]) => [key, n - (before[key] ?? 0)]).filter(([, n]) => n !== 0));
}

/** Write requests by operation: the edge's counts of the operations in WRITE_OPERATIONS. */
export function writeRequests(operations: Counts): Counts {
  return Object.fromEntries(WRITE_OPERATIONS.filter((op) => operations[op]).map((op) => [op.slice(DYNAMODB.length), operations[op] ?? 0]));
}

/** Items by kind (Put, Update, Delete, ConditionCheck) across every TransactWriteItems sent since install or the last reset. */
export interface TransactionCensus {
  transactions(): number;
  items(): Counts;
  reset(): void;
}

/**
 * Wraps TransactWriteItemsCommand.resolveMiddleware, which every send of the command (raw or
 * through the document client) calls once with the command's input, in this process only.
 */
export function installTransactionCensus(): TransactionCensus {
  let transactions = 0;
  let items: Counts = {};
  type Resolve = (this: TransactWriteItemsCommand, ...args: unknown[]) => unknown;
  const prototype = TransactWriteItemsCommand.prototype as unknown as { resolveMiddleware: Resolve };
  const original = prototype.resolveMiddleware;
  prototype.resolveMiddleware = function (...args) {
    transactions++;
    for (const item of this.input.TransactItems ?? []) {
      for (const [kind, body] of Object.entries(item)) if (body !== undefined) items[kind] = (items[kind] ?? 0) + 1;
    }
    return original.apply(this, args);
  };
  return {
    transactions: () => transactions,
    items: () => ({ ...items }),
    reset: () => {
      transactions = 0;
      items = {};
    },
  };
}
