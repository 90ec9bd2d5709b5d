import { randomUUID } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import { Sha256 } from '../../edge/sigv4.ts';
import type { Json } from '../json.ts';
import { StatesError } from '../errors/states-errors.ts';
import type { EventEntry, PutEventsResult, TaskIntegrations, LambdaInvokeResult } from './types.ts';

/**
 * Forwards Lambda tasks to a Lambda Invoke API (`POST /2015-03-31/functions/<name>/invocations`), as
 * Step Functions Local's `LAMBDA_ENDPOINT` did. A function error is signalled by `X-Amz-Function-Error`.
 * With `AWS_ACCESS_KEY_ID`/`AWS_SECRET_ACCESS_KEY` set (`eval "$(npm run -s aws-credentials)"`),
 * requests are SigV4-signed for `lambda` in `AWS_REGION`, as the runtime's edge port requires.
 */
export function httpLambdaIntegrations(endpoint: string): TaskIntegrations {
  const base = endpoint.replace(/\/+$/, '');
  return {
    async invokeLambda(functionName: string, payload: Json): Promise<LambdaInvokeResult> {
      let res: Response;
      const path = `/2015-03-31/functions/${encodeURIComponent(functionName)}/invocations`;
      const request = JSON.stringify(payload);
      try {
        res = await fetch(`${base}${path}`, { method: 'POST', headers: await signedHeaders(base, path, request), body: request });
      } catch (err) {
        throw new StatesError('Lambda.SdkClientException', `Unable to reach the Lambda endpoint ${base}: ${(err as Error).message}`);
      }
      const text = await res.text();
      if (res.status === 404) throw new StatesError('Lambda.ResourceNotFoundException', `Function not found: ${functionName}`);
      if (res.status >= 400) throw new StatesError('Lambda.ServiceException', `Lambda returned HTTP ${res.status}: ${text.slice(0, 500)}`);
      const body = text === '' ? null : (JSON.parse(text) as Json);
      if (res.headers.get('x-amz-function-error')) {
        const err = (body ?? {}) as { errorType?: string; errorMessage?: string; trace?: string[] };
        return { errorType: err.errorType ?? 'Lambda.Unknown', errorMessage: err.errorMessage ?? '', ...(err.trace ? { trace: err.trace } : {}) };
      }
      return { payload: body };
    },
    putEvents: acceptEvents,
  };
}

/** Without an EventBridge emulator, events are accepted and dropped (documented deviation). */
export async function acceptEvents(entries: EventEntry[]): Promise<PutEventsResult> {
  return { Entries: entries.map(() => ({ EventId: randomUUID() })), FailedEntryCount: 0 };
}

/** Used when nothing is plugged in: every Lambda task fails as AWS does for a missing function. */
export const unconfiguredIntegrations: TaskIntegrations = {
  async invokeLambda(functionName) {
    throw new StatesError('Lambda.ResourceNotFoundException', `Function not found: ${functionName} (no Lambda endpoint is configured)`);
  },
  putEvents: acceptEvents,
};

/** `content-type`, plus `host`, `x-amz-date` and `authorization` when the environment holds a key. */
async function signedHeaders(base: string, path: string, body: string): Promise<Record<string, string>> {
  const headers = { 'content-type': 'application/json' };
  const accessKeyId = process.env.AWS_ACCESS_KEY_ID;
  const secretAccessKey = process.env.AWS_SECRET_ACCESS_KEY;
  if (!accessKeyId || !secretAccessKey) return headers;
  const url = new URL(base);
  const signer = new SignatureV4({ service: 'lambda', region: process.env.AWS_REGION ?? 'us-east-1', credentials: { accessKeyId, secretAccessKey }, sha256: Sha256, applyChecksum: false });
  const signed = await signer.sign({ method: 'POST', protocol: url.protocol, hostname: url.hostname, ...(url.port ? { port: Number(url.port) } : {}), path: `${url.pathname.replace(/\/+$/, '')}${path}`, query: {}, headers: { ...headers, host: url.host }, body });
  // fetch sets Host itself, to the same value.
  const { host: _host, ...rest } = signed.headers;
  return rest;
}
