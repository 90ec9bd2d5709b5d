/**
 * One execution environment of the worker pool (worker-pool.ts): a worker thread with its own
 * module graph, so its handlers' `dependencies()` are its own, built on the clock the main thread
 * shares and on AWS clients whose requests go to the main thread's edge (port-request-handler.ts).
 * Each handler module is imported once (the cold start) and then serves every invocation sent to
 * this worker, concurrently, as Node's event loop allows.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createDependencies, useDependencies } from '../../../functions/shared/dependencies.ts';
import { readConfig } from '../../../functions/shared/config.ts';
import { awsClients } from '../../../functions/shared/aws-clients.ts';
import { functionError, type LambdaContext } from '../invoker.ts';
import type { FromWorker, Invoke, ToWorker, WorkerInit } from './messages.ts';
import { PortRequestHandler } from './port-request-handler.ts';
import { sharedClock } from './shared-clock.ts';

type Handler = (event: unknown, context: LambdaContext) => unknown;

const port = parentPort;
if (!port) throw new Error('worker-main.ts runs only as a worker thread of the worker pool');
const init = workerData as WorkerInit;
// Messages go to the main thread together once this turn of the worker's event loop is done: one wake-up for many.
const outbox: FromWorker[] = [];
const outboxTransfer: ArrayBuffer[] = [];
const post = (message: FromWorker, transfer: ArrayBuffer[] = []): void => {
  outbox.push(message);
  outboxTransfer.push(...transfer);
  if (outbox.length === 1) setImmediate(() => port.postMessage(outbox.splice(0), outboxTransfer.splice(0)));
};

const transport = new PortRequestHandler(post);
const clock = sharedClock(init.clock);
useDependencies(
  createDependencies(readConfig(), {
    clock,
    transportClock: sharedClock(init.transportClock),
    clients: awsClients({ ...(init.viaPort ? { requestHandler: transport } : {}), ...(init.credentials ? { credentials: init.credentials } : {}) }),
  }),
);

const handlers = new Map<string, Promise<Handler>>();

function load(entry: string, name: string): Promise<Handler> {
  const key = `${entry}#${name}`;
  let loading = handlers.get(key);
  if (!loading) {
    loading = import(entry).then((module: Record<string, unknown>) => {
      const exported = module[name];
      if (typeof exported !== 'function') throw new Error(`${entry} does not export a function "${name}"`);
      return exported as Handler;
    });
    handlers.set(key, loading);
  }
  return loading;
}

async function invoke(message: Invoke): Promise<void> {
  let handler: Handler;
  try {
    handler = await load(message.entry, message.handler);
  } catch (error) {
    post({ kind: 'load-error', id: message.id, message: error instanceof Error ? error.message : String(error) });
    return;
  }
  const context: LambdaContext = { ...message.context, getRemainingTimeInMillis: () => Math.max(0, message.deadline - clock.now()) };
  try {
    const payload = await handler(JSON.parse(message.event), context);
    post({ kind: 'result', id: message.id, payload: payload === undefined ? 'null' : JSON.stringify(payload) });
  } catch (error) {
    post({ kind: 'function-error', id: message.id, error: functionError(error) });
  }
}

port.on('message', (messages: ToWorker[]) => {
  for (const message of messages) {
    if (message.kind === 'aws-answer') transport.answer(message);
    else void invoke(message);
  }
});
