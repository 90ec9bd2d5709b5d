// Counting DynamoDB writes for bench:ingest. The runtime counts AWS operations at its edge port
// (one per request), and its DynamoDB meter the items inside each TransactWriteItems.

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
