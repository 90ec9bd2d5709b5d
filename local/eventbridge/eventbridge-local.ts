import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Clock } from '../../core/time/clock.ts';
import { busArn, DEFAULT_BUS, type ApiContext } from './api/context.ts';
import { createEventsRequestListener, EVENTS_TARGET_PREFIX, handleEventsRequest, type ApiResponse } from './api/http-handler.ts';
import { deliver, type EventBridgeDispatcher } from './delivery/dispatcher.ts';
import { DeliveryOutbox, type DeadLetter } from './delivery/outbox.ts';
import type { Backoff, RetryPolicy } from './delivery/retry-policy.ts';
import type { DeliveryPayload } from './delivery/targets.ts';
import { isJsonObject, type JsonValue } from './pattern/types.ts';
import { EventRouter } from './routing/event-router.ts';
import { ConfigStore } from './store/config-store.ts';
import { openDatabase } from './store/open-database.ts';
import { reporterFor, type StorageReporter } from '../storage/storage-health.ts';

export interface EventBridgeLocalOptions {
  /** A directory for `eventbridge.sqlite`, or ':memory:' (nothing survives). */
  data: string;
  clock: Clock;
  dispatcher?: EventBridgeDispatcher;
  region?: string;
  accountId?: string;
  /** Retry policy of targets that set none (AWS default: 185 retries within 24 h). */
  retryPolicy?: RetryPolicy;
  backoff?: Backoff;
  /** Called when a delivery is given up (the entry is also kept in the dead-letter table). */
  onDeadLetter?: (entry: DeadLetter) => void;
  /** Hears when the outbox cannot write (a full disk) and when it can again. */
  health?: StorageReporter;
}

/** The EventBridge emulator: configuration, router, delivery outbox and API, wired together. */
export interface EventBridgeLocal {
  /** In-process API calls (same shapes as over HTTP): `request('PutEvents', {...})`. */
  request(operation: string, body: object): Promise<ApiResponse>;
  /** Node request listener for `http.createServer` or the shared edge (route `X-Amz-Target: AWSEvents.*`). */
  readonly listener: (req: IncomingMessage, res: ServerResponse) => void;
  readonly targetPrefix: string;
  /** Resolves when no delivery is in flight or due now. */
  idle(): Promise<void>;
  pendingDeliveries(): number;
  deadLetters(): DeadLetter[];
  /** Stops delivering; the data stays. */
  close(): void;
}

export function createEventBridgeLocal(options: EventBridgeLocalOptions): EventBridgeLocal {
  const partition = { region: options.region ?? 'us-east-1', accountId: options.accountId ?? '123456789012' };
  const db = openDatabase(options.data, 'eventbridge.sqlite');
  const config = new ConfigStore(db);
  if (!config.bus(DEFAULT_BUS)) {
    const now = options.clock.now();
    config.putBus({ name: DEFAULT_BUS, arn: busArn(partition, DEFAULT_BUS), creationTime: now, lastModifiedTime: now });
  }
  const dispatcher: EventBridgeDispatcher = {
    // Bus-to-bus: the event arrives on the other bus unchanged (only called once `router` exists).
    putEvent: async (arn, text) => {
      const event = JSON.parse(text) as JsonValue;
      const name = arn.slice(arn.indexOf(':event-bus/') + ':event-bus/'.length);
      if (!config.bus(name) || !isJsonObject(event)) throw new Error(`event bus ${name} does not exist`);
      router.route(name, [event]);
    },
    ...options.dispatcher,
  };
  const outbox = new DeliveryOutbox({
    db,
    table: 'deliveries',
    clock: options.clock,
    send: (payload) => deliver(dispatcher, JSON.parse(payload) as DeliveryPayload),
    ...(options.backoff ? { backoff: options.backoff } : {}),
    ...(options.onDeadLetter ? { onDeadLetter: options.onDeadLetter } : {}),
    ...(options.health ? { health: reporterFor('eventbridge', options.health) } : {}),
  });
  const router = new EventRouter(db, config, outbox, options.retryPolicy);
  const ctx: ApiContext = { config, router, clock: options.clock, partition };
  outbox.start();
  return {
    request: (operation, body) => handleEventsRequest(ctx, `${EVENTS_TARGET_PREFIX}${operation}`, JSON.stringify(body)),
    listener: createEventsRequestListener(ctx),
    targetPrefix: EVENTS_TARGET_PREFIX,
    idle: () => outbox.idle(),
    pendingDeliveries: () => outbox.pendingCount(),
    deadLetters: () => outbox.deadLetters(),
    close() {
      outbox.close();
      db.close();
    },
  };
}
