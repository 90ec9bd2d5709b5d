import { randomUUID } from 'node:crypto';
import { isJsonObject, type Json } from '../json.ts';
import { StatesRuntime, TaskFailure } from '../errors/states-errors.ts';
import type { TaskResource } from './resource.ts';
import { isFunctionError, type EventEntry, type TaskIntegrations } from './types.ts';

/** Calls the integration a Task resource names and returns the task's result, shaped as AWS returns it. */
export async function invokeResource(integrations: TaskIntegrations, resource: TaskResource, args: Json): Promise<Json> {
  switch (resource.kind) {
    case 'lambda:function':
      return lambdaPayload(await integrations.invokeLambda(resource.functionArn, args));
    case 'lambda:invoke': {
      if (!isJsonObject(args) || typeof args.FunctionName !== 'string') {
        throw new StatesRuntime("The lambda:invoke integration requires the argument 'FunctionName'");
      }
      const payload = lambdaPayload(await integrations.invokeLambda(args.FunctionName, args.Payload ?? {}));
      return {
        ExecutedVersion: '$LATEST',
        Payload: payload,
        SdkHttpMetadata: { HttpStatusCode: 200 },
        SdkResponseMetadata: { RequestId: randomUUID() },
        StatusCode: 200,
      };
    }
    case 'events:putEvents': {
      if (!isJsonObject(args) || !Array.isArray(args.Entries)) {
        throw new StatesRuntime("The events:putEvents integration requires the argument 'Entries'");
      }
      const entries = args.Entries.map((e) => (isJsonObject(e) && isJsonObject(e.Detail) ? { ...e, Detail: JSON.stringify(e.Detail) } : e));
      return (await integrations.putEvents(entries as unknown as EventEntry[])) as unknown as Json;
    }
  }
}

function lambdaPayload(result: Awaited<ReturnType<TaskIntegrations['invokeLambda']>>): Json {
  if (!isFunctionError(result)) return result.payload;
  // The Cause is the function's error payload, as Step Functions reports it.
  throw new TaskFailure(result.errorType, JSON.stringify({ errorMessage: result.errorMessage, errorType: result.errorType, ...(result.trace ? { trace: result.trace } : {}) }));
}
