import type { IncomingMessage, Server } from 'node:http';

/**
 * Work in flight across the runtime's servers: HTTP requests on the edge port and the HTTP API,
 * counted from arrival until the response closes, and tallied per kind (the edge counts AWS
 * operations, e.g. `DynamoDB_20120810.PutItem`). A driver of a virtual clock waits for `idle()`
 * before moving time on, so that what one instant set off has finished before the next begins.
 */
export class Activity {
  private active = 0;
  private started = 0;
  private waiters: (() => void)[] = [];
  private readonly tally = new Map<string, number>();

  get busy(): boolean {
    return this.active > 0;
  }

  /** How many pieces of work ever began: unchanged across a wait means nothing new happened. */
  get begun(): number {
    return this.started;
  }

  /** Marks one piece of work begun; the returned function ends it (once). */
  begin(kind?: string): () => void {
    this.active++;
    this.started++;
    if (kind !== undefined) this.tally.set(kind, (this.tally.get(kind) ?? 0) + 1);
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.active--;
      if (this.active === 0) this.wake();
    };
  }

  /** Counts every request `server` receives, labelled by `kindOf`, until its response closes. */
  watch(server: Server, kindOf: (req: IncomingMessage) => string | undefined = () => undefined): void {
    // A listener added beside the server's own runs synchronously on arrival, before any I/O.
    server.prependListener('request', (req, res) => {
      res.once('close', this.begin(kindOf(req)));
    });
  }

  /** Resolves when nothing is in flight (at once when nothing is). */
  idle(): Promise<void> {
    if (this.active === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** How many of each kind began since the runtime started. */
  counts(): Record<string, number> {
    return Object.fromEntries([...this.tally].sort(([a], [b]) => a.localeCompare(b)));
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }
}

/**
 * The AWS operation of an edge request: its `X-Amz-Target` for JSON-protocol services, else the
 * REST method and the path up to its resource (`POST /schedules`, `POST /2015-03-31/functions`).
 */
export function awsOperation(req: IncomingMessage): string {
  const target = req.headers['x-amz-target'];
  const text = Array.isArray(target) ? target[0] : target;
  if (text) return text;
  const segments = (req.url ?? '/').split('?')[0]!.split('/').filter(Boolean);
  const resource = /^\d{4}-\d{2}-\d{2}$/.test(segments[0] ?? '') ? segments.slice(0, 2) : segments.slice(0, 1);
  return `${req.method ?? 'GET'} /${resource.join('/')}`;
}
