import type { Json } from '../json.ts';

/** A Lambda function's own error (the X-Amz-Function-Error case): Step Functions reports `errorType` as the Error. */
export interface LambdaFunctionError {
  errorType: string;
  errorMessage: string;
  trace?: string[];
}

export type LambdaInvokeResult = { payload: Json } | LambdaFunctionError;

export interface EventEntry {
  Source?: string;
  DetailType?: string;
  Detail?: string;
  EventBusName?: string;
  Resources?: string[];
  Time?: string;
}

export interface PutEventsResult {
  Entries: { EventId?: string; ErrorCode?: string; ErrorMessage?: string }[];
  FailedEntryCount: number;
}

/**
 * What Task states call. The local runtime plugs in its Lambda and EventBridge emulators; the
 * standalone CLI forwards Lambda calls over HTTP. Throw a `StatesError` (e.g. Lambda.ResourceNotFoundException)
 * for a service-side failure; return a LambdaFunctionError for the function's own error.
 */
export interface TaskIntegrations {
  /** `functionName` is as the definition gives it: a name, a partial or a full ARN (optionally qualified). */
  invokeLambda(functionName: string, payload: Json): Promise<LambdaInvokeResult>;
  putEvents(entries: EventEntry[]): Promise<PutEventsResult>;
}

export function isFunctionError(result: LambdaInvokeResult): result is LambdaFunctionError {
  return 'errorType' in result;
}
