/**
 * Errors raised while running a state machine, one class per name Step Functions reports.
 * `name` is the AWS error name (what Retry/Catch `ErrorEquals` and the error output's `Error` see);
 * `message` is the `Cause`.
 */
export class StatesError extends Error {
  /** False when the error has no Cause at all (a Fail state without one, a timeout): AWS then omits the field. */
  readonly hasCause: boolean;

  constructor(name: string, cause: string | undefined) {
    super(cause ?? '');
    this.name = name;
    this.hasCause = cause !== undefined;
  }
}

/**
 * An error the engine itself raises while running a state (a path that finds nothing, a JSONata
 * expression that fails, a field of the wrong type). AWS prefixes its cause with the state's name
 * and the id of its `…StateEntered` event: see `withStateLocation`.
 */
export class EngineError extends StatesError {}

/** AWS reports task and heartbeat timeouts without a Cause. */
export class StatesTimeout extends StatesError {
  constructor(cause?: string) {
    super('States.Timeout', cause);
  }
}

export class StatesHeartbeatTimeout extends StatesError {
  constructor(cause?: string) {
    super('States.HeartbeatTimeout', cause);
  }
}

export class StatesTaskFailed extends StatesError {
  constructor(cause: string) {
    super('States.TaskFailed', cause);
  }
}

/** Not retriable or catchable: ends the execution (as AWS). */
export class StatesRuntime extends EngineError {
  constructor(cause: string) {
    super('States.Runtime', cause);
  }
}

/** A JSONata expression failed or gave a value of the wrong type (AWS "Handling errors": States.QueryEvaluationError). */
export class StatesQueryEvaluationError extends EngineError {
  constructor(cause: string) {
    super('States.QueryEvaluationError', cause);
  }
}

export class StatesIntrinsicFailure extends StatesError {
  constructor(cause: string) {
    super('States.IntrinsicFailure', cause);
  }
}

export class StatesNoChoiceMatched extends StatesError {
  constructor(cause: string) {
    super('States.NoChoiceMatched', cause);
  }
}

export class StatesBranchFailed extends StatesError {
  constructor(cause: string) {
    super('States.BranchFailed', cause);
  }
}

export class StatesResultPathMatchFailure extends StatesError {
  constructor(cause: string) {
    super('States.ResultPathMatchFailure', cause);
  }
}

export class StatesParameterPathFailure extends StatesError {
  constructor(cause: string) {
    super('States.ParameterPathFailure', cause);
  }
}

/**
 * A payload over AWS's 256 KiB quota (input, output, state data, task result). Cause text as AWS
 * words it; see https://docs.aws.amazon.com/step-functions/latest/dg/service-quotas.html.
 */
export class StatesDataLimitExceeded extends StatesError {
  constructor(source: string) {
    super('States.DataLimitExceeded', `The state/task '${source}' returned a result with a size exceeding the maximum number of bytes service limit.`);
  }
}

/** An error named by someone else: a Lambda function's errorType, SendTaskFailure, a Fail state (whose Error and Cause may both be absent). */
export class TaskFailure extends StatesError {
  constructor(error: string | undefined, cause: string | undefined) {
    super(error ?? '', cause);
    this.hasError = error !== undefined;
  }

  readonly hasError: boolean;
}

/** The error output a Catch hands on, in AWS's shape; a field is absent when the error has none. */
export interface ErrorOutput {
  Error?: string;
  Cause?: string;
}

export function toErrorOutput(err: unknown): ErrorOutput {
  if (err instanceof StatesError) {
    const out: ErrorOutput = {};
    if (!(err instanceof TaskFailure) || err.hasError) out.Error = err.name;
    if (err.hasCause) out.Cause = err.message;
    return out;
  }
  // Anything else is a bug in the engine or an integration: never dressed up as a task's own
  // failure (States.TaskFailed), which a Catch would take for the workflow's business.
  return { Error: 'States.Runtime', Cause: `Internal error: ${err instanceof Error ? err.message : String(err)}` };
}

/** The error name Retry and Catch match against ('' when there is none). */
export const errorNameOf = (error: ErrorOutput): string => error.Error ?? '';

/** Rebuilds a thrown error from an ErrorOutput (a failed branch, a callback failure), keeping absent fields absent. */
export function fromErrorOutput(error: ErrorOutput): TaskFailure {
  return new TaskFailure(error.Error, error.Cause);
}

/**
 * AWS's cause for an engine-raised error: "An error occurred while executing the state '<name>'
 * (entered at the event id #<n>). <detail>" (as ExecutionFailed events show it).
 */
export function withStateLocation(err: EngineError, state: string, enteredEventId: number): StatesError {
  return new StatesError(err.name, `An error occurred while executing the state '${state}' (entered at the event id #${enteredEventId}). ${err.message}`);
}

/** Errors that end the execution whatever Retry and Catch say. */
export function isTerminal(error: string): boolean {
  return error === 'States.Runtime';
}
