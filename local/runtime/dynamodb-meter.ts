/**
 * Write request units of the DynamoDB calls crossing the edge port, as on-demand pricing counts
 * them: 1 per KB of item written, twice that inside a transaction. Item sizes are estimated from
 * the request's JSON (a little above the stored size), and a transaction's ConditionCheck counts
 * like a write: where unsure, the estimate errs high. Reads are
 * counted as requests: their units depend on response sizes the edge does not inspect.
 */
import type { IncomingMessage, Server } from 'node:http';

const PREFIX = 'DynamoDB_20120810.';
const KB = 1024;

export interface DynamoDbUsage {
  writeUnits: number;
  writeRequests: number;
  readRequests: number;
  /** The items inside TransactWriteItems requests, by kind: `Put`, `Update`, `Delete`, `ConditionCheck`. */
  transactItems: Record<string, number>;
}

export class DynamoDbMeter {
  private readonly usage: DynamoDbUsage = { writeUnits: 0, writeRequests: 0, readRequests: 0, transactItems: {} };

  watch(server: Server): void {
    server.prependListener('request', (req: IncomingMessage) => {
      const target = req.headers['x-amz-target'];
      const operation = typeof target === 'string' && target.startsWith(PREFIX) ? target.slice(PREFIX.length) : undefined;
      if (operation === undefined) return;
      if (READS.has(operation)) {
        this.usage.readRequests++;
        return;
      }
      if (!WRITES.has(operation)) return;
      // Listening beside the proxy's pipe (attached in the same tick) sees every chunk it forwards.
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        // One parse for both counts: the meter's JSON was 4 % of bench:ingest's profile (issue 27).
        const request = parsed(Buffer.concat(chunks).toString('utf8'));
        this.usage.writeRequests++;
        this.usage.writeUnits += requestUnits(operation, request);
        if (operation === 'TransactWriteItems' && request) this.countTransactItems(request);
      });
    });
  }

  snapshot(): DynamoDbUsage {
    return { ...this.usage, transactItems: { ...this.usage.transactItems } };
  }

  private countTransactItems(request: Record<string, unknown>): void {
    const items = request.TransactItems;
    if (!Array.isArray(items)) return;
    for (const item of items as Record<string, unknown>[]) {
      for (const kind of Object.keys(item)) this.usage.transactItems[kind] = (this.usage.transactItems[kind] ?? 0) + 1;
    }
  }
}

const READS = new Set(['GetItem', 'Query', 'Scan', 'BatchGetItem', 'TransactGetItems']);
const WRITES = new Set(['PutItem', 'UpdateItem', 'DeleteItem', 'TransactWriteItems', 'BatchWriteItem']);

const units = (value: unknown): number => Math.max(1, Math.ceil(JSON.stringify(value ?? {}).length / KB));

/** The write units of one request body. */
export function writeUnits(operation: string, body: string): number {
  return requestUnits(operation, parsed(body));
}

/** The request body as an object; undefined when it is not JSON (or not an object). */
function parsed(body: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(body);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The write units of one parsed request; 1 for a body that was not JSON. */
function requestUnits(operation: string, request: Record<string, unknown> | undefined): number {
  if (!request) return 1;
  switch (operation) {
    case 'PutItem':
      return units(request.Item);
    case 'UpdateItem':
    case 'DeleteItem':
      return units(request);
    case 'TransactWriteItems':
      return ((request.TransactItems as Record<string, unknown>[] | undefined) ?? []).reduce((sum, item) => {
        const action = Object.values(item)[0] as Record<string, unknown> | undefined;
        return sum + 2 * units(action?.Item ?? action);
      }, 0);
    case 'BatchWriteItem':
      return Object.values((request.RequestItems as Record<string, Record<string, { Item?: unknown; Key?: unknown }>[]> | undefined) ?? {})
        .flat()
        .reduce((sum, write) => sum + units(write.PutRequest?.Item ?? write.DeleteRequest), 0);
    default:
      return 0;
  }
}
