import type { IncomingMessage } from 'node:http';
import { FunctionNotFound, isFunctionError, type InvokeResult } from '../lambda/invoker.ts';
import type { Listener } from './edge-server.ts';

export const LAMBDA_PATH_PREFIX = '/2015-03-31/functions/';

/**
 * The Lambda Invoke API (`POST /2015-03-31/functions/{name}/invocations`) over the local invoker,
 * so `@aws-sdk/client-lambda` and Step Functions' `--lambda-endpoint` reach the same handlers.
 * Function errors answer 200 with `X-Amz-Function-Error: Unhandled`, as Lambda does.
 */
export function lambdaInvokeApi(
  invoke: (name: string, payload: unknown) => Promise<InvokeResult>,
  onError: (error: unknown) => void,
  /** Throws FunctionNotFound for a name no function has: DryRun and Event calls answer 404 for it, as Lambda does. */
  lookUp: (name: string) => void = () => {},
): Listener {
  return (req, res) => {
    const send = (status: number, body: unknown, headers: Record<string, string> = {}): void => {
      const text = body === undefined ? '' : JSON.stringify(body);
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(text);
    };
    const match = /^\/2015-03-31\/functions\/([^/]+)\/invocations(?:\?.*)?$/.exec(req.url ?? '');
    if (req.method !== 'POST' || !match) {
      send(404, { Type: 'User', message: `unsupported Lambda API call ${req.method} ${req.url}` }, { 'x-amzn-errortype': 'ResourceNotFoundException' });
      return;
    }
    const name = decodeURIComponent(match[1] as string);
    void readJson(req).then(async (payload) => {
      if (payload === INVALID) return send(400, { Type: 'User', message: 'the request payload is not valid JSON' }, { 'x-amzn-errortype': 'InvalidRequestContentException' });
      const type = String(req.headers['x-amz-invocation-type'] ?? 'RequestResponse');
      try {
        lookUp(name);
        if (type === 'DryRun') return send(204, undefined);
        if (type === 'Event') {
          // Asynchronous invocation: accepted now, run after the answer.
          setImmediate(() => void invoke(name, payload).catch(onError));
          return send(202, undefined);
        }
        const result = await invoke(name, payload);
        if (isFunctionError(result)) return send(200, result, { 'x-amz-function-error': 'Unhandled', 'x-amz-executed-version': '$LATEST' });
        send(200, result.payload, { 'x-amz-executed-version': '$LATEST' });
      } catch (error) {
        if (error instanceof FunctionNotFound) return send(404, { Type: 'User', message: error.message }, { 'x-amzn-errortype': 'ResourceNotFoundException' });
        onError(error);
        send(500, { Type: 'Service', message: 'internal error' }, { 'x-amzn-errortype': 'ServiceException' });
      }
    });
  };
}

const INVALID = Symbol('invalid');

function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      if (text.trim() === '') return resolve(null);
      try {
        resolve(JSON.parse(text));
      } catch {
        resolve(INVALID);
      }
    });
    req.on('error', reject);
  });
}
