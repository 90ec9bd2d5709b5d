import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Clock } from '../../core/time/clock.ts';
import type { ApiContext } from './api/context.ts';
import { createSfnRequestListener, handleApiRequest, type ApiResponse } from './api/http-handler.ts';
import { ExecutionEngine } from './engine/engine.ts';
import type { TaskIntegrations } from './integrations/types.ts';
import { MemoryStore } from './store/memory-store.ts';
import { SqliteStore } from './store/sqlite-store.ts';
import type { StorageReporter } from '../storage/storage-health.ts';

export interface SfnLocalOptions {
  /** A directory for the SQLite database, or ':memory:' (fast, nothing survives). */
  data: string;
  clock: Clock;
  integrations?: TaskIntegrations;
  region?: string;
  accountId?: string;
  random?: () => number;
  /** Hears when the store cannot write (a full disk) and when it can again. */
  health?: StorageReporter;
}

/** The emulator: engine, store and API, wired together. Call `resume()` once to pick up running executions. */
export interface SfnLocal {
  readonly engine: ExecutionEngine;
  /** In-process API calls (same shapes as over HTTP). */
  request(operation: string, body: object): Promise<ApiResponse>;
  /** Node request listener for `http.createServer` or a shared edge. */
  readonly listener: (req: IncomingMessage, res: ServerResponse) => void;
  resume(): number;
  /** Commits what is pending and stops; the data stays. */
  close(): void;
  /** Stops at once without committing pending work — what kill -9 leaves (tests). */
  crash(): void;
}

export function createSfnLocal(options: SfnLocalOptions): SfnLocal {
  const store = options.data === ':memory:' ? new MemoryStore() : new SqliteStore(options.data);
  const engine = new ExecutionEngine({ store, clock: options.clock, ...(options.integrations ? { integrations: options.integrations } : {}), ...(options.random ? { random: options.random } : {}), ...(options.health ? { health: options.health } : {}) });
  const ctx: ApiContext = { store, engine, clock: options.clock, partition: { region: options.region ?? 'us-east-1', accountId: options.accountId ?? '123456789012' } };
  return {
    engine,
    request: (operation, body) => handleApiRequest(ctx, `AWSStepFunctions.${operation}`, JSON.stringify(body)),
    listener: createSfnRequestListener(ctx),
    resume: () => engine.resume(),
    close() {
      engine.flush();
      engine.halt();
      store.close();
    },
    crash() {
      engine.halt();
      store.close();
    },
  };
}
