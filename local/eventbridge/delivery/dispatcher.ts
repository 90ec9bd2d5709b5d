import { NonRetryableDeliveryError } from './retry-policy.ts';
import { TargetKind, type DeliveryPayload } from './targets.ts';

/** An HTTP request an HTTP target receives. */
export interface HttpDelivery {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/**
 * How targets are reached; the runtime plugs in its Lambda invoker and Step Functions emulator.
 * Every function resolves when the target accepted the delivery and rejects to have it retried.
 */
export interface EventBridgeDispatcher {
  /** Asynchronous (Event) invocation with the rendered input as the payload. */
  invokeLambda?: (functionArn: string, payload: string) => Promise<void>;
  startExecution?: (stateMachineArn: string, input: string, roleArn?: string) => Promise<void>;
  /** Bus-to-bus: the emulator wires this to its own PutEvents. */
  putEvent?: (eventBusArn: string, event: string) => Promise<void>;
  /** Defaults to `fetch` with a 5 s timeout; 4xx other than 408/429 is not retried (as API destinations). */
  postHttp?: (request: HttpDelivery) => Promise<void>;
}

export async function deliver(dispatcher: EventBridgeDispatcher, payload: DeliveryPayload): Promise<void> {
  switch (payload.kind) {
    case TargetKind.lambda:
      return configured(dispatcher.invokeLambda, 'Lambda')(payload.arn, payload.input);
    case TargetKind.stepFunctions:
      return configured(dispatcher.startExecution, 'Step Functions')(payload.arn, payload.input, payload.roleArn);
    case TargetKind.eventBus:
      return configured(dispatcher.putEvent, 'event bus')(payload.arn, payload.input);
    case TargetKind.http: {
      const url = new URL(payload.arn);
      for (const [k, v] of Object.entries(payload.query ?? {})) url.searchParams.set(k, v);
      const request: HttpDelivery = { url: url.toString(), headers: { 'content-type': 'application/json; charset=utf-8', ...payload.headers }, body: payload.input };
      return (dispatcher.postHttp ?? postWithFetch)(request);
    }
  }
}

function configured<F>(fn: F | undefined, what: string): F {
  if (!fn) throw new NonRetryableDeliveryError(`no ${what} dispatcher is configured`);
  return fn;
}

export async function postWithFetch(request: HttpDelivery): Promise<void> {
  const response = await fetch(request.url, { method: 'POST', headers: request.headers, body: request.body, signal: AbortSignal.timeout(5_000) });
  await response.arrayBuffer();
  if (response.ok) return;
  const message = `HTTP ${response.status} from ${request.url}`;
  if (response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429) throw new NonRetryableDeliveryError(message);
  throw new Error(message);
}
