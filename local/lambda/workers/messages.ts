/** The messages between the worker pool (main thread) and its workers (local/lambda/workers/). */
import type { SdkHttpRequest, SdkHttpResponse } from '../../edge/in-process-handler.ts';
import type { FunctionError, LambdaContext } from '../invoker.ts';

/** What a worker is started with. */
export interface WorkerInit {
  /** The business clock's and the transport clock's state (shared-clock.ts). */
  clock: SharedArrayBuffer;
  transportClock: SharedArrayBuffer;
  /** AWS requests go to the main thread's edge (port-request-handler.ts); false: over HTTP (RuntimeOptions.awsTransport `http`). */
  viaPort: boolean;
  /** The edge's key the handlers' clients sign with. */
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

/** The Lambda context's plain fields (`getRemainingTimeInMillis` is rebuilt from `deadline`). */
export type ContextFields = Omit<LambdaContext, 'getRemainingTimeInMillis'>;

/** Main → worker: run `handler` of the module at `entry` (a file URL) on `event` (JSON text). */
export interface Invoke {
  kind: 'invoke';
  id: number;
  entry: string;
  handler: string;
  event: string;
  context: ContextFields;
  /** Epoch ms of the business clock when the function's timeout is reached. */
  deadline: number;
}

/** Worker → main: the handler's result as JSON text (`null` for undefined), its function error, or why the module did not load. */
export type InvokeOutcome =
  | { kind: 'result'; id: number; payload: string }
  | { kind: 'function-error'; id: number; error: FunctionError }
  | { kind: 'load-error'; id: number; message: string };

/** Worker → main: an AWS SDK request for the edge. */
export interface AwsRequest {
  kind: 'aws';
  id: number;
  request: Omit<SdkHttpRequest, 'body'> & { body: Uint8Array };
}

/** Main → worker: the edge's answer to an AwsRequest, or why it failed. */
export interface AwsAnswer {
  kind: 'aws-answer';
  id: number;
  response?: SdkHttpResponse;
  error?: { name: string; message: string };
}

export type ToWorker = Invoke | AwsAnswer;
export type FromWorker = InvokeOutcome | AwsRequest;
