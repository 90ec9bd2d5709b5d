import { randomUUID } from 'node:crypto';
import type { Json } from '../json.ts';
import { StatesError } from '../errors/states-errors.ts';
import type { EventEntry, PutEventsResult, TaskIntegrations, LambdaInvokeResult } from './types.ts';

/**
 * Forwards Lambda tasks to a Lambda Invoke API (`POST /2015-03-31/functions/<name>/invocations`), as
 * Step Functions Local's `LAMBDA_ENDPOINT` did. A function error is signalled by `X-Amz-Function-Error`.
 */
export function httpLambdaIntegrations(endpoint: string): TaskIntegrations {
  const base = endpoint.replace(/\/+$/, '');
  return {
    async invokeLambda(functionName: string, payload: Json): Promise<LambdaInvokeResult> {
      let res: Response;
      try {
        res = await fetch(`${base}/2015-03-31/functions/${encodeURIComponent(functionName)}/invocations`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(payload),
        });
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
