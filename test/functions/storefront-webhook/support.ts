/** Signed storefront deliveries through the webhook handler, over the file's case table. */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { signStorefrontPayload } from '../../../core/storefront/signature.ts';
import { loadCaseRules } from '../../../functions/storefront-webhook/case-rules.ts';
import { handler, useIngestDependencies } from '../../../functions/storefront-webhook/handler.ts';
import { DynamoDbIdempotencyStore } from '../../../functions/storefront-webhook/idempotency-dynamodb.ts';
import type { IngestDeps } from '../../../functions/storefront-webhook/ingest.ts';
import type { HttpResponse } from '../../../functions/http/response.ts';
import type { Clock } from '../../../core/time/clock.ts';
import { apiEvent, lambdaContext } from '../http/api-support.ts';
import { type Harness } from '../harness.ts';
import type { TestTable } from '../../support/dynamodb.ts';

export const SECRET = 'whsec-test';
export const PARTITION = 'IDEMPOTENCY#storefront-webhook';

/** What the rig needs: a harness, whose business clock may be any Clock, and optionally a separate transport clock. */
type RigDeps = Omit<Harness, 'clock'> & { clock: Clock; transportClock?: Clock };

export type WebhookRig<H extends RigDeps = Harness> = H & WebhookRigTools;

interface WebhookRigTools {
  idempotency: DynamoDbIdempotencyStore;
  /** Sends `body` signed now (or with the given header). */
  deliver(body: unknown, options?: { signature?: string | null; raw?: string; contentType?: string | null }): Promise<HttpResponse>;
  /** Whether an idempotency record exists for the event id. */
  recorded(eventId: string): Promise<boolean>;
}

/** `extra.queue`: `order.placed` is acknowledged into it (README.md, "Queued events"); without, every event is applied before the answer. */
export function webhookRig<H extends RigDeps = Harness>(deps: H, table: TestTable, extra: Pick<IngestDeps, 'queue' | 'pendingPlacements'> = {}): WebhookRig<H> {
  const idempotency = new DynamoDbIdempotencyStore({ client: table.client, tableName: table.tableName, partition: PARTITION });
  const ingest: IngestDeps = { ...deps, caseRules: loadCaseRules(), idempotency, secret: () => Promise.resolve(SECRET), ...extra };
  useIngestDependencies(ingest);
  const db = DynamoDBDocumentClient.from(table.client);
  return {
    ...deps,
    idempotency,
    async deliver(body, options = {}) {
      const raw = options.raw ?? JSON.stringify(body);
      const signature = options.signature === undefined ? signStorefrontPayload({ secret: SECRET, body: raw, timestamp: Math.floor((deps.transportClock ?? deps.clock).now() / 1000) }) : options.signature;
      const headers: Record<string, string> = signature === null ? {} : { 'x-storefront-signature': signature };
      const event = apiEvent({ method: 'POST', path: '/webhooks/storefront', body: raw, headers, now: deps.clock.now() });
      if (options.contentType === null) delete event.headers['content-type'];
      else if (options.contentType !== undefined) event.headers['content-type'] = options.contentType;
      return handler(event, lambdaContext);
    },
    async recorded(eventId) {
      const { Item } = await db.send(new GetCommand({ TableName: table.tableName, Key: { pk: PARTITION, sk: eventId }, ConsistentRead: true }));
      return Item !== undefined;
    },
  };
}

let n = 0;
export function orderPlacedEvent(orderId: string, overrides: { id?: string; paid?: boolean; placedAt?: string } = {}) {
  n += 1;
  return {
    id: overrides.id ?? `evt-placed-${orderId}-${n}`,
    type: 'order.placed',
    occurredAt: overrides.placedAt ?? '2025-03-01T10:00:00+08:00',
    data: {
      orderId,
      placedAt: overrides.placedAt ?? '2025-03-01T10:00:00+08:00',
      paid: overrides.paid ?? true,
      customer: { name: 'Wang Fang', phone: '13800000000' },
      address: 'Shanghai, Pudong, 1 Century Ave',
      items: [{ sku: 'PHONE-1', name: 'Phone', qty: 1, price: 3999 }],
      paymentChannel: 'alipay',
    },
  };
}

export function event(type: string, data: Record<string, unknown>, id?: string) {
  n += 1;
  return { id: id ?? `evt-${type}-${n}`, type, occurredAt: '2025-03-01T11:00:00+08:00', data };
}
