import { VirtualClock } from '../../../core/time/clock.ts';
import type { StorageReporter } from '../../../local/storage/storage-health.ts';
import { createSfnLocal, type Json, type SfnLocal, type TaskIntegrations } from '../../../local/sfn/index.ts';

export const START = '2025-03-01T00:00:00.000Z';

export interface DescribedExecution {
  executionArn: string;
  status: string;
  output?: string;
  error?: string;
  cause?: string;
  input: string;
}

export interface HistoryEventWire {
  id: number;
  previousEventId: number;
  type: string;
  timestamp: number;
  [details: string]: unknown;
}

type LambdaHandler = (payload: Json, functionName: string) => Json | Promise<Json>;

/** Lambda handlers by function name; a thrown Error becomes a function error with its `name` as errorType. */
export function lambdas(handlers: Record<string, LambdaHandler>, events: Json[] = []): TaskIntegrations {
  return {
    async invokeLambda(functionName, payload) {
      const name = functionName.split(':function:').pop()!.split(':')[0]!;
      const handler = handlers[name];
      if (!handler) throw new Error(`no handler for ${functionName}`);
      try {
        return { payload: await handler(payload, name) };
      } catch (err) {
        return { errorType: (err as Error).name, errorMessage: (err as Error).message };
      }
    },
    async putEvents(entries) {
      events.push(...(entries as unknown as Json[]));
      return { Entries: entries.map((_, i) => ({ EventId: `event-${i}` })), FailedEntryCount: 0 };
    },
  };
}

export class NamedError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

/** An emulator on a virtual clock (in memory unless a data dir is given), driven in-process through the API. */
export class Harness {
  readonly clock: VirtualClock;
  readonly sfn: SfnLocal;
  private count = 0;

  constructor(integrations: TaskIntegrations = lambdas({}), options: { data?: string; clock?: VirtualClock; health?: StorageReporter } = {}) {
    this.clock = options.clock ?? new VirtualClock(START);
    this.sfn = createSfnLocal({ data: options.data ?? ':memory:', clock: this.clock, integrations, random: () => 0.5, ...(options.health ? { health: options.health } : {}) });
  }

  async call<T = Record<string, unknown>>(operation: string, body: object): Promise<T> {
    const res = await this.sfn.request(operation, body);
    if (res.status !== 200) {
      const err = res.body as { __type: string; message: string };
      throw new NamedError(err.__type, err.message);
    }
    return res.body as T;
  }

  async createMachine(definition: object, name = `machine-${++this.count}`): Promise<string> {
    const res = await this.call<{ stateMachineArn: string }>('CreateStateMachine', { name, definition: JSON.stringify(definition), roleArn: 'arn:aws:iam::123456789012:role/test' });
    return res.stateMachineArn;
  }

  async start(stateMachineArn: string, input: Json = {}, name?: string): Promise<string> {
    const res = await this.call<{ executionArn: string }>('StartExecution', { stateMachineArn, input: JSON.stringify(input), ...(name ? { name } : {}) });
    return res.executionArn;
  }

  describe(executionArn: string): Promise<DescribedExecution> {
    return this.call<DescribedExecution>('DescribeExecution', { executionArn });
  }

  async history(executionArn: string): Promise<HistoryEventWire[]> {
    const res = await this.call<{ events: HistoryEventWire[] }>('GetExecutionHistory', { executionArn, maxResults: 1000 });
    return res.events;
  }

  async types(executionArn: string): Promise<string[]> {
    return (await this.history(executionArn)).map((e) => e.type);
  }

  /** Starts an execution, lets the virtual clock run `ms`, and describes it. */
  async run(definition: object, input: Json = {}, ms = 0): Promise<DescribedExecution> {
    const arn = await this.start(await this.createMachine(definition), input);
    await this.clock.advance(ms);
    return this.describe(arn);
  }

  /** The first task token a callback task received (from its TaskScheduled parameters). */
  async tokenOf(executionArn: string): Promise<string> {
    for (const e of await this.history(executionArn)) {
      const params = (e.taskScheduledEventDetails as { parameters?: string } | undefined)?.parameters;
      const token = params ? /"(AQ[A-Za-z0-9_-]+)"/.exec(params)?.[1] : undefined;
      if (token) return token;
    }
    throw new Error('no task token in history');
  }
}

export const outputOf = (e: DescribedExecution): Json => JSON.parse(e.output ?? 'null') as Json;
