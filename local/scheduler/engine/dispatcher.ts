import { NonRetryableDeliveryError } from '../../eventbridge/delivery/retry-policy.ts';

/**
 * How schedule targets are reached; the runtime plugs in its Lambda invoker and Step Functions
 * emulator. Each function resolves once the target accepted the invocation and rejects to have it
 * retried (with the target's RetryPolicy).
 */
export interface SchedulerDispatcher {
  /** Asynchronous invocation with the schedule's Input as the payload. */
  invokeLambda?: (functionArn: string, payload: string) => Promise<void>;
  startExecution?: (stateMachineArn: string, input: string, roleArn: string) => Promise<void>;
  /** An EventBridge event bus target (`EventBridgeParameters`). */
  putEvent?: (eventBusArn: string, entry: { Source: string; DetailType: string; Detail: string }) => Promise<void>;
}

/** One invocation as the outbox stores it. */
export interface InvocationPayload {
  arn: string;
  roleArn: string;
  input: string;
  eventBridge?: { Source: string; DetailType: string };
  scheduleArn: string;
  scheduledTime: number;
  executionId: string;
}

export const isLambdaArn = (arn: string): boolean => /^arn:[^:]+:lambda:[^:]*:[^:]*:function:/.test(arn);
export const isStateMachineArn = (arn: string): boolean => /^arn:[^:]+:states:[^:]*:[^:]*:stateMachine:/.test(arn);
export const isEventBusArn = (arn: string): boolean => /^arn:[^:]+:events:[^:]*:[^:]*:event-bus\//.test(arn);

/** Scheduler's context attributes, substituted into the Input at each attempt. */
export function renderInput(p: InvocationPayload, attempt: number): string {
  if (!p.input.includes('<aws.scheduler.')) return p.input; // most Inputs (the SLA timers') have none
  const values: Record<string, string> = {
    '<aws.scheduler.schedule-arn>': p.scheduleArn,
    '<aws.scheduler.scheduled-time>': new Date(p.scheduledTime).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    '<aws.scheduler.execution-id>': p.executionId,
    '<aws.scheduler.attempt-number>': String(attempt),
  };
  return p.input.replace(/<aws\.scheduler\.[a-z-]+>/g, (m) => values[m] ?? m);
}

export async function invoke(dispatcher: SchedulerDispatcher, p: InvocationPayload, attempt: number): Promise<void> {
  const input = renderInput(p, attempt);
  if (isLambdaArn(p.arn)) return configured(dispatcher.invokeLambda, 'Lambda')(p.arn, input);
  if (isStateMachineArn(p.arn)) return configured(dispatcher.startExecution, 'Step Functions')(p.arn, input, p.roleArn);
  if (isEventBusArn(p.arn) && p.eventBridge) return configured(dispatcher.putEvent, 'EventBridge')(p.arn, { ...p.eventBridge, Detail: input });
  throw new NonRetryableDeliveryError(`target ${p.arn} is not supported by the emulator`);
}

function configured<F>(fn: F | undefined, what: string): F {
  if (!fn) throw new NonRetryableDeliveryError(`no ${what} dispatcher is configured`);
  return fn;
}
