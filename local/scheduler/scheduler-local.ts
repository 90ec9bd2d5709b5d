import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Clock } from '../../core/time/clock.ts';
import { DeliveryOutbox, type DeadLetter } from '../eventbridge/delivery/outbox.ts';
import type { Backoff } from '../eventbridge/delivery/retry-policy.ts';
import { openDatabase } from '../eventbridge/store/open-database.ts';
import { DEFAULT_GROUP, groupArn, type ApiContext } from './api/context.ts';
import { createSchedulerRequestListener, handleSchedulerRequest, SCHEDULER_PATH_PREFIXES, type RestResponse } from './api/http-handler.ts';
import { invoke, type InvocationPayload, type SchedulerDispatcher } from './engine/dispatcher.ts';
import { FireLoop } from './engine/fire-loop.ts';
import { ScheduleStore } from './store/schedule-store.ts';
import { reporterFor, type StorageReporter } from '../storage/storage-health.ts';

export interface SchedulerLocalOptions {
  /** A directory for `scheduler.sqlite`, or ':memory:' (nothing survives). */
  data: string;
  clock: Clock;
  dispatcher?: SchedulerDispatcher;
  region?: string;
  accountId?: string;
  backoff?: Backoff;
  onDeadLetter?: (entry: DeadLetter) => void;
  /** Hears when the scheduler cannot write (a full disk) and when it can again. */
  health?: StorageReporter;
}

/** The Scheduler emulator: store, fire loop, invocation outbox and API, wired together. */
export interface SchedulerLocal {
  /** In-process API calls: `request('POST', '/schedules/x', {...})`, the same routes as over HTTP. */
  request(method: string, url: string, body?: object): RestResponse;
  /** Node request listener for `http.createServer` or the shared edge (paths `SCHEDULER_PATH_PREFIXES`). */
  readonly listener: (req: IncomingMessage, res: ServerResponse) => void;
  readonly pathPrefixes: readonly string[];
  /** Arms the timer; fires, once each, the schedules that fell due while the process was down. */
  start(): void;
  /** Resolves when no invocation is in flight or due now. */
  idle(): Promise<void>;
  scheduleCount(): number;
  pendingInvocations(): number;
  deadLetters(): DeadLetter[];
  /** Stops firing; the data stays. */
  close(): void;
}

export function createSchedulerLocal(options: SchedulerLocalOptions): SchedulerLocal {
  const partition = { region: options.region ?? 'us-east-1', accountId: options.accountId ?? '123456789012' };
  const db = openDatabase(options.data, 'scheduler.sqlite');
  const store = new ScheduleStore(db);
  if (!store.getGroup(DEFAULT_GROUP)) {
    const now = options.clock.now();
    store.putGroup({ Name: DEFAULT_GROUP, Arn: groupArn(partition, DEFAULT_GROUP), CreationDate: now, LastModificationDate: now });
  }
  const dispatcher = options.dispatcher ?? {};
  const outbox = new DeliveryOutbox({
    db,
    table: 'invocations',
    clock: options.clock,
    send: (payload, attempt) => invoke(dispatcher, JSON.parse(payload) as InvocationPayload, attempt),
    ...(options.backoff ? { backoff: options.backoff } : {}),
    ...(options.onDeadLetter ? { onDeadLetter: options.onDeadLetter } : {}),
    ...(options.health ? { health: reporterFor('scheduler', options.health) } : {}),
  });
  const loop = new FireLoop(store, outbox, options.clock, options.health);
  const ctx: ApiContext = { store, loop, clock: options.clock, partition };
  return {
    request: (method, url, body) => {
      store.commitBatch(); // answered at once, so written at once: not into the listener's open batch
      return handleSchedulerRequest(ctx, method, url, body === undefined ? '' : JSON.stringify(body));
    },
    listener: createSchedulerRequestListener(ctx),
    pathPrefixes: SCHEDULER_PATH_PREFIXES,
    start() {
      outbox.start();
      loop.arm();
    },
    idle: () => outbox.idle(),
    scheduleCount: () => store.count(),
    pendingInvocations: () => outbox.pendingCount(),
    deadLetters: () => outbox.deadLetters(),
    close() {
      loop.stop();
      store.commitBatch();
      outbox.close();
      db.close();
    },
  };
}
