/**
 * Whether every store of the local runtime can write. A store reports a write fault when a write
 * fails (`failed`) and clears it when a retried write succeeded (`recovered`); the HTTP API
 * refuses work with 503 and `Retry-After` while any fault stands, and `/healthz` says which.
 */
export interface StorageFault {
  store: string;
  since: number;
  message: string;
}

export class StorageHealth {
  private readonly faults = new Map<string, StorageFault>();

  constructor(private readonly now: () => number) {}

  failed(store: string, error: Error): void {
    if (!this.faults.has(store)) this.faults.set(store, { store, since: this.now(), message: error.message });
  }

  recovered(store: string): void {
    this.faults.delete(store);
  }

  get ok(): boolean {
    return this.faults.size === 0;
  }

  /** The standing faults, oldest first. */
  current(): StorageFault[] {
    return [...this.faults.values()];
  }
}

/** What a store needs to report to: `StorageHealth` or nothing. */
export type StorageReporter = Pick<StorageHealth, 'failed' | 'recovered'>;

/** A reporter that names its stores under `prefix` (`scheduler.invocations`). */
export function reporterFor(prefix: string, health: StorageReporter): StorageReporter {
  return {
    failed: (store, error) => health.failed(`${prefix}.${store}`, error),
    recovered: (store) => health.recovered(`${prefix}.${store}`),
  };
}
