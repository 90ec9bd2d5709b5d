import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface JsonProtocolResponse {
  status: number;
  body: object;
}

/**
 * A Node request listener for an AWS JSON-protocol service (Step Functions, EventBridge): reads
 * the body, hands `X-Amz-Target` and the text to `handle`, and writes its answer with the
 * service's content type and a request id.
 */
export function jsonProtocolListener(
  contentType: string,
  handle: (target: string | undefined, rawBody: string) => Promise<JsonProtocolResponse>,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const target = req.headers['x-amz-target'];
      void handle(Array.isArray(target) ? target[0] : target, Buffer.concat(chunks).toString('utf8')).then(({ status, body }) => {
        const text = JSON.stringify(body);
        res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(text), 'x-amzn-requestid': randomUUID() });
        res.end(text);
      });
    });
  };
}

type Operation<C> = (ctx: C, body: Record<string, unknown>) => Promise<object> | object;

/** An AWS JSON-protocol service as the dispatcher needs it: its operations and its own errors. */
export interface JsonProtocolService<C> {
  /** Names the service in the console line of an internal error. */
  name: string;
  /** `AWSStepFunctions.`, `AWSEvents.`: the part of `X-Amz-Target` before the operation name. */
  targetPrefix: string;
  operations: Readonly<Record<string, Operation<C>>>;
  /** The base class of the service's errors: those answer with their status and name as `__type`. */
  errorClass: abstract new (message: string) => Error & { readonly status: number };
  /** `__type` of an internal error (InternalFailure, InternalException…). */
  internalErrorType: string;
  /** The body of one of the service's errors, when it says more than `__type` and `message` (DynamoDB's cancellation reasons). */
  errorBody?: (error: Error & { readonly status: number }) => object;
}

/** The API as a plain function: `X-Amz-Target` and JSON body in, status and JSON body out. */
export async function dispatchJsonProtocol<C>(service: JsonProtocolService<C>, ctx: C, target: string | undefined, rawBody: string): Promise<JsonProtocolResponse> {
  const name = target?.startsWith(service.targetPrefix) ? target.slice(service.targetPrefix.length) : undefined;
  const operation = name !== undefined && Object.hasOwn(service.operations, name) ? service.operations[name]! : undefined;
  if (!operation) return { status: 400, body: { __type: 'UnknownOperationException', message: `Unknown operation: ${String(target)}` } };
  let body: Record<string, unknown>;
  try {
    body = rawBody.trim() === '' ? {} : (JSON.parse(rawBody) as Record<string, unknown>);
  } catch {
    return { status: 400, body: { __type: 'SerializationException', message: 'The request body is not valid JSON' } };
  }
  try {
    return { status: 200, body: await operation(ctx, body) };
  } catch (err) {
    if (err instanceof service.errorClass) return { status: err.status, body: service.errorBody?.(err) ?? { __type: err.name, message: err.message } };
    console.error(`${service.name}: internal error`, err);
    return { status: 500, body: { __type: service.internalErrorType, message: 'Internal error' } };
  }
}
