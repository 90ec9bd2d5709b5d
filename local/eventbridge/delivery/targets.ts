/** Where a rule target's ARN points: the dispatcher each kind is handed to. */
export const TargetKind = { lambda: 'lambda', stepFunctions: 'stepFunctions', http: 'http', eventBus: 'eventBus' } as const;
export type TargetKind = (typeof TargetKind)[keyof typeof TargetKind];

/**
 * Lambda function ARNs, Step Functions state machine ARNs, event bus ARNs, and — the emulator's
 * stand-in for API destinations — plain `http(s)://` URLs.
 */
export function targetKind(arn: string): TargetKind | undefined {
  if (/^https?:\/\//.test(arn)) return TargetKind.http;
  if (/^arn:[^:]+:lambda:[^:]*:[^:]*:function:/.test(arn)) return TargetKind.lambda;
  if (/^arn:[^:]+:states:[^:]*:[^:]*:stateMachine:/.test(arn)) return TargetKind.stepFunctions;
  if (/^arn:[^:]+:events:[^:]*:[^:]*:event-bus\//.test(arn)) return TargetKind.eventBus;
  return undefined;
}

/** One delivery as the outbox stores it. */
export interface DeliveryPayload {
  kind: TargetKind;
  arn: string;
  roleArn?: string;
  input: string;
  headers?: Record<string, string>;
  query?: Record<string, string>;
  rule: string;
  targetId: string;
  eventId: string;
}
