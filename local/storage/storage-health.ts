import { statfsSync } from 'node:fs';

/**
 * Whether every store of the local runtime can write. A store reports a write fault when a write
 * fails (`failed`) and clears it when a retried write succeeded (`recovered`); with a disk probe,
 * a data directory whose free space fell below its reserve is a fault too, before any write fails
 * (DynamoDB Local's included). The HTTP API refuses work with 503 and `Retry-After` while any
 * fault stands, and `/healthz` says which.
 */
export interface StorageFault {
  store: string;
  since: number;
  message: string;
}

/** The data directory's free space below `minFreeBytes` counts as a fault (statfs, units: bytes). */
export interface DiskProbe {
  dir: string;
  minFreeBytes: number;
}

export class StorageHealth {
  private readonly faults = new Map<string, StorageFault>();
  private lowSince: number | undefined;

  constructor(
    private readonly now: () => number,
    private readonly probe?: DiskProbe,
  ) {}

  failed(store: string, error: Error): void {
    if (!this.faults.has(store)) this.faults.set(store, { store, since: this.now(), message: error.message });
  }

  recovered(store: string): void {
    this.faults.delete(store);
  }

  get ok(): boolean {
    return this.current().length === 0;
  }

  /** The standing faults, oldest first (the disk probe's last). */
  current(): StorageFault[] {
    const faults = [...this.faults.values()];
    const low = this.lowSpace();
    if (low) faults.push(low);
    return faults;
  }

  private lowSpace(): StorageFault | undefined {
    if (!this.probe) return undefined;
    const { bavail, bsize } = statfsSync(this.probe.dir);
    const free = bavail * bsize;
    if (free >= this.probe.minFreeBytes) {
      this.lowSince = undefined;
      return undefined;
    }
    this.lowSince ??= this.now();
    const mib = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);
    return { store: 'data-dir', since: this.lowSince, message: `${this.probe.dir} has ${mib(free)} MiB free, below the ${mib(this.probe.minFreeBytes)} MiB reserve` };
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
