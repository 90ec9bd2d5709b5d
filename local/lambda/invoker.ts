import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FunctionDefaults, type FunctionDecl } from '../../platform/manifest-types.ts';
import type { Clock } from '../../core/time/clock.ts';
import type { PooledInvocation } from './workers/worker-pool.ts';

/** A function's own failure, as Lambda reports it (`X-Amz-Function-Error: Unhandled`). */
export interface FunctionError {
  errorType: string;
  errorMessage: string;
  trace?: string[];
}

export type InvokeResult = { payload: unknown } | FunctionError;

export function isFunctionError(result: InvokeResult): result is FunctionError {
  return 'errorType' in result;
}

/** A thrown value as the Node.js runtime reports it: the error's `name` as `errorType`. */
export function functionError(error: unknown): FunctionError {
  const e = error instanceof Error ? error : new Error(String(error));
  return { errorType: e.name || 'Error', errorMessage: e.message, trace: e.stack?.split('\n') };
}

export class FunctionNotFound extends Error {
  override readonly name = 'ResourceNotFoundException';
  constructor(readonly functionName: string) {
    super(`Function not found: ${functionName}`);
  }
}

type Handler = (event: unknown, context: LambdaContext) => unknown;

export interface LambdaContext {
  functionName: string;
  functionVersion: string;
  invokedFunctionArn: string;
  memoryLimitInMB: string;
  awsRequestId: string;
  logGroupName: string;
  logStreamName: string;
  callbackWaitsForEmptyEventLoop: boolean;
  getRemainingTimeInMillis(): number;
}

/** What one function did since the invoker started: the figures Lambda bills by. */
export interface InvocationStats {
  invocations: number;
  errors: number;
  /** Wall-clock time spent in the handler, summed (ms). */
  durationMs: number;
}

/**
 * Runs the manifest's functions in this process: the same handler modules the stack deploys,
 * loaded once (a warm container) and called with a Lambda-shaped context. A thrown error becomes
 * a function error with the error's `name` as `errorType`, as the Node.js runtime reports it.
 */
export class LambdaInvoker {
  private readonly byName = new Map<string, FunctionDecl>();
  private readonly handlers = new Map<string, Promise<Handler>>();
  private readonly tallies = new Map<string, InvocationStats>();

  constructor(
    functions: readonly FunctionDecl[],
    private readonly options: {
      root: string;
      clock: Clock;
      region: string;
      account: string;
      physicalName: (id: string) => string;
      /** Told when an invocation begins; the returned function is called when it ends. */
      onInvoke?: (functionId: string) => () => void;
      /** Runs the handlers elsewhere — worker threads (local/lambda/workers/worker-pool.ts) — instead of in this thread. */
      pool?: { run(call: PooledInvocation): Promise<InvokeResult> };
    },
  ) {
    for (const fn of functions) this.byName.set(fn.id, fn);
  }

  arnOf(functionId: string): string {
    return `arn:aws:lambda:${this.options.region}:${this.options.account}:function:${this.options.physicalName(functionId)}`;
  }

  /** Accepts a manifest id, a physical name, or a (qualified) function ARN. */
  resolve(nameOrArn: string): FunctionDecl {
    const name = nameOrArn.includes(':function:') ? (nameOrArn.split(':function:')[1] ?? '').split(':')[0] ?? '' : nameOrArn;
    const direct = this.byName.get(name);
    if (direct) return direct;
    for (const fn of this.byName.values()) if (this.options.physicalName(fn.id) === name) return fn;
    throw new FunctionNotFound(nameOrArn);
  }

  /** Manifest ids of the functions this invoker serves, in registration order. */
  functionIds(): string[] {
    return [...this.byName.keys()];
  }

  /** Invocations, errors and handler time per manifest function id. */
  stats(): Record<string, InvocationStats> {
    return Object.fromEntries([...this.tallies].map(([id, t]) => [id, { ...t }]));
  }

  async invoke(nameOrArn: string, event: unknown): Promise<InvokeResult> {
    const fn = this.resolve(nameOrArn);
    const ended = this.options.onInvoke?.(fn.id);
    const tally = this.tallies.get(fn.id) ?? { invocations: 0, errors: 0, durationMs: 0 };
    this.tallies.set(fn.id, tally);
    tally.invocations++;
    const began = performance.now();
    try {
      const result = await this.run(fn, event);
      if (isFunctionError(result)) tally.errors++;
      return result;
    } finally {
      tally.durationMs += performance.now() - began;
      ended?.();
    }
  }

  private async run(fn: FunctionDecl, event: unknown): Promise<InvokeResult> {
    const deadline = this.options.clock.now() + (fn.timeoutSeconds ?? FunctionDefaults.timeoutSeconds) * 1000;
    const fields = {
      functionName: this.options.physicalName(fn.id),
      functionVersion: '$LATEST',
      invokedFunctionArn: this.arnOf(fn.id),
      memoryLimitInMB: String(fn.memoryMb ?? FunctionDefaults.memoryMb),
      awsRequestId: randomUUID(),
      logGroupName: `/aws/lambda/${this.options.physicalName(fn.id)}`,
      logStreamName: 'local',
      callbackWaitsForEmptyEventLoop: false,
    };
    if (this.options.pool) return this.options.pool.run({ entry: this.entryUrl(fn), handler: fn.handler ?? 'handler', event, context: fields, deadline });
    const handler = await this.load(fn);
    const context: LambdaContext = { ...fields, getRemainingTimeInMillis: () => Math.max(0, deadline - this.options.clock.now()) };
    try {
      // Lambda passes events and results as JSON: copies keep each side's objects out of the other's reach.
      const payload = await handler(JSON.parse(JSON.stringify(event ?? null)), context);
      return { payload: payload === undefined ? null : (JSON.parse(JSON.stringify(payload)) as unknown) };
    } catch (error) {
      return functionError(error);
    }
  }

  private entryUrl(fn: FunctionDecl): string {
    return pathToFileURL(resolve(this.options.root, fn.entry)).href;
  }

  private load(fn: FunctionDecl): Promise<Handler> {
    let loading = this.handlers.get(fn.id);
    if (!loading) {
      loading = import(this.entryUrl(fn)).then((module: Record<string, unknown>) => {
        const exported = module[fn.handler ?? 'handler'];
        if (typeof exported !== 'function') throw new Error(`${fn.entry} does not export a function "${fn.handler ?? 'handler'}"`);
        return exported as Handler;
      });
      this.handlers.set(fn.id, loading);
    }
    return loading;
  }
}
