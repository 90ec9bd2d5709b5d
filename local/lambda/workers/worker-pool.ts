/**
 * Runs the Lambda handlers on worker threads, as Lambda runs them in execution environments: each
 * worker (worker-main.ts) imports a function's module once and serves its invocations; the main
 * thread keeps the HTTP API, the edge and the emulators. The handlers' AWS calls come back to the
 * main thread as request bytes and are handed to the edge like the in-process transport's, so what
 * moves to the workers is the handlers' own work and the SDK's building, signing and parsing.
 *
 * Each invocation goes to the worker with the fewest in flight. A worker that exits (a handler
 * calling `process.exit`, an uncaught exception) fails its invocations as Lambda does
 * (`Runtime.ExitError`) and is replaced on the next invocation.
 */
import { availableParallelism } from 'node:os';
import { SHARE_ENV, Worker } from 'node:worker_threads';
import type { Clock } from '../../../core/time/clock.ts';
import type { SdkHttpRequest, SdkHttpResponse } from '../../edge/in-process-handler.ts';
import type { InvokeResult } from '../invoker.ts';
import type { AwsRequest, ContextFields, FromWorker, ToWorker, WorkerInit } from './messages.ts';
import { ClockPublisher } from './shared-clock.ts';

/** What the pool hands AWS requests to: the edge's in-process handler. */
export interface EdgeDispatch {
  handle(request: SdkHttpRequest): Promise<{ response: SdkHttpResponse }>;
}

/** One invocation for the pool: the module (file URL) and export to run, the event, the context. */
export interface PooledInvocation {
  entry: string;
  handler: string;
  event: unknown;
  context: ContextFields;
  /** Epoch ms of the business clock when the function's timeout is reached. */
  deadline: number;
}

export interface WorkerPoolOptions {
  /** Workers (default: the cores available, os.availableParallelism()). */
  size?: number;
  /** The business clock and the transport clock the handlers read (shared with the workers). */
  clock: Clock;
  transportClock?: Clock;
  /** The edge's key the handlers' clients sign with. */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** Where the handlers' AWS requests go, read per request (the edge exists only once it listens); absent: over HTTP, the SDK's own transport. */
  edge?: () => EdgeDispatch | undefined;
  /** Told when a worker's thread ends during invocations (a crash), with how many it failed. */
  onCrash?: (message: string, fields: { threadId: number; cause: string; invocations: number }) => void;
}

/** The pool was closed while an invocation was running or asked for. */
export class WorkerPoolClosed extends Error {
  override readonly name = 'WorkerPoolClosed';
}

interface Pending {
  resolve: (result: InvokeResult) => void;
  reject: (error: Error) => void;
  requestId: string;
}

interface Slot {
  worker: Worker;
  /** The worker's thread id (the Worker's own reads -1 once it exited). */
  threadId: number;
  pending: Map<number, Pending>;
  /** Messages posted together at the end of this turn of the event loop (one wake-up of the worker for many). */
  outbox: ToWorker[];
  transfer: ArrayBuffer[];
  /** Why it is ending, when an uncaught exception ends it. */
  failure?: Error;
}

const WORKER_ENTRY = new URL('./worker-main.ts', import.meta.url);

export class WorkerPool {
  readonly size: number;
  private readonly slots: Slot[] = [];
  private readonly clock: ClockPublisher;
  private readonly transportClock: ClockPublisher;
  private nextId = 0;
  private closed = false;
  private spawned = 0;

  constructor(private readonly options: WorkerPoolOptions) {
    this.size = Math.max(1, options.size ?? availableParallelism());
    this.clock = new ClockPublisher(options.clock);
    this.transportClock = new ClockPublisher(options.transportClock ?? options.clock);
  }

  /** Workers started so far (replacements included). */
  get started(): number {
    return this.spawned;
  }

  /** Thread ids of the running workers. */
  threadIds(): number[] {
    return this.slots.map((slot) => slot.worker.threadId);
  }

  /** Each running worker's event-loop time since it started, idle and active (ms), by thread id (for benches). */
  eventLoopTimes(): Map<number, { idle: number; active: number }> {
    return new Map(this.slots.map((slot) => {
      const { idle, active } = slot.worker.performance.eventLoopUtilization();
      return [slot.worker.threadId, { idle, active }];
    }));
  }

  run(call: PooledInvocation): Promise<InvokeResult> {
    if (this.closed) return Promise.reject(new WorkerPoolClosed('the worker pool is closed'));
    const slot = this.pick();
    const id = this.nextId++;
    return new Promise<InvokeResult>((resolve, reject) => {
      slot.pending.set(id, { resolve, reject, requestId: call.context.awsRequestId });
      // Lambda passes events as JSON: the text keeps its semantics (undefined dropped, dates as strings).
      this.post(slot, { kind: 'invoke', id, entry: call.entry, handler: call.handler, event: JSON.stringify(call.event ?? null), context: call.context, deadline: call.deadline });
    });
  }

  /** Terminates every worker; invocations still running fail with WorkerPoolClosed. */
  async close(): Promise<void> {
    this.closed = true;
    const slots = this.slots.splice(0);
    for (const slot of slots) {
      for (const pending of slot.pending.values()) pending.reject(new WorkerPoolClosed('the worker pool closed during the invocation'));
      slot.pending.clear();
    }
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }

  /** The worker with the fewest invocations in flight, starting workers up to `size`. */
  private pick(): Slot {
    let best: Slot | undefined;
    for (const slot of this.slots) if (!best || slot.pending.size < best.pending.size) best = slot;
    if (best && (best.pending.size === 0 || this.slots.length >= this.size)) return best;
    return this.spawn();
  }

  private spawn(): Slot {
    const init: WorkerInit = { clock: this.clock.buffer, transportClock: this.transportClock.buffer, viaPort: this.options.edge !== undefined, ...(this.options.credentials ? { credentials: this.options.credentials } : {}) };
    // SHARE_ENV: the handlers read the runtime's variables as the in-process ones do, including those set after the worker started.
    const worker = new Worker(WORKER_ENTRY, { workerData: init, env: SHARE_ENV, execArgv: typeScriptExecArgv() });
    const slot: Slot = { worker, threadId: worker.threadId, pending: new Map(), outbox: [], transfer: [] };
    this.slots.push(slot);
    this.spawned++;
    worker.on('message', (messages: FromWorker[]) => {
      for (const message of messages) this.receive(slot, message);
    });
    worker.on('error', (error) => {
      slot.failure = error;
    });
    worker.on('exit', (code) => this.exited(slot, code));
    return slot;
  }

  private receive(slot: Slot, message: FromWorker): void {
    if (message.kind === 'aws') {
      void this.forward(slot, message);
      return;
    }
    const pending = slot.pending.get(message.id);
    if (!pending) return;
    slot.pending.delete(message.id);
    if (message.kind === 'result') pending.resolve({ payload: JSON.parse(message.payload) as unknown });
    else if (message.kind === 'function-error') pending.resolve(message.error);
    else pending.reject(new Error(message.message));
  }

  /** Hands a worker's AWS request to the edge and posts the answer back. */
  private async forward(slot: Slot, { id, request }: AwsRequest): Promise<void> {
    try {
      const edge = this.options.edge?.();
      if (!edge) throw new Error('the edge is not listening yet');
      const { response } = await edge.handle(request);
      // Its own buffer, exactly the body's size: transferred, not copied.
      const body = new Uint8Array(response.body);
      this.post(slot, { kind: 'aws-answer', id, response: { statusCode: response.statusCode, headers: response.headers, body } }, [body.buffer]);
    } catch (error) {
      const e = error instanceof Error ? error : new Error(String(error));
      this.post(slot, { kind: 'aws-answer', id, error: { name: e.name, message: e.message } });
    }
  }

  /**
   * Queues a message for the worker; the queue goes in one postMessage once this turn of the event
   * loop is done: each postMessage wakes the worker's thread, and under load the main thread
   * answers many AWS calls per turn (bench:ingest: 6.4–6.6 ms of main-thread CPU per order with a
   * postMessage per message, 4.5 ms batched; docs/benchmarks.md).
   */
  private post(slot: Slot, message: ToWorker, transfer: ArrayBuffer[] = []): void {
    slot.outbox.push(message);
    slot.transfer.push(...transfer);
    if (slot.outbox.length === 1) setImmediate(() => this.flush(slot));
  }

  private flush(slot: Slot): void {
    const messages = slot.outbox.splice(0);
    const transfer = slot.transfer.splice(0);
    if (messages.length === 0 || !this.slots.includes(slot)) return;
    // The worker reads the clocks while it acts on the messages: they must be current.
    this.clock.publish();
    this.transportClock.publish();
    slot.worker.postMessage(messages, transfer);
  }

  /** Lambda's answer when the runtime process exits during an invocation; the next invocation starts a new worker. */
  private exited(slot: Slot, code: number): void {
    const index = this.slots.indexOf(slot);
    if (index >= 0) this.slots.splice(index, 1);
    const cause = slot.failure ? `${slot.failure.name}: ${slot.failure.message}` : `exit status ${code}`;
    if (slot.pending.size > 0) this.options.onCrash?.('function runtime worker exited; the next invocation starts a new one', { threadId: slot.threadId, cause, invocations: slot.pending.size });
    for (const pending of slot.pending.values()) {
      pending.resolve({ errorType: 'Runtime.ExitError', errorMessage: `RequestId: ${pending.requestId} Error: Runtime exited with error: ${cause}` });
    }
    slot.pending.clear();
  }
}

/** The worker loads TypeScript as its parent does: through tsx's loader (inherited under `tsx`, added under vitest). */
function typeScriptExecArgv(): string[] {
  const inherited = process.execArgv;
  return inherited.some((arg) => arg.includes('tsx')) ? inherited : [...inherited, '--import', 'tsx'];
}
