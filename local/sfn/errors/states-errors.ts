/**
 * Errors raised while running a state machine, one class per name Step Functions reports.
 * `name` is the AWS error name (what Retry/Catch `ErrorEquals` and the error output's `Error` see);
 * `message` is the `Cause`.
 */
export class StatesError extends Error {
  constructor(name: string, cause: string) {
    super(cause);
    this.name = name;
  }
}

export class StatesTimeout extends StatesError {
  constructor(cause = '') {
    super('States.Timeout', cause);
  }
}

export class StatesHeartbeatTimeout extends StatesError {
  constructor(cause = '') {
    super('States.HeartbeatTimeout', cause);
  }
}

export class StatesTaskFailed extends StatesError {
  constructor(cause: string) {
    super('States.TaskFailed', cause);
  }
}

/** Not retriable or catchable: ends the execution (as AWS). */
export class StatesRuntime extends StatesError {
  constructor(cause: string) {
    super('States.Runtime', cause);
  }
}

export class StatesQueryEvaluationError extends StatesError {
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

/** An error named by someone else: a Lambda function's errorType, SendTaskFailure, a Fail state. */
export class TaskFailure extends StatesError {}

/** The error output a Catch hands on, in AWS's shape. */
export interface ErrorOutput {
  Error: string;
  Cause: string;
}

export function toErrorOutput(err: unknown): ErrorOutput {
  if (err instanceof StatesError) return { Error: err.name, Cause: err.message };
  // Anything else is a bug or an integration crash: report it as the task failing.
  return { Error: 'States.TaskFailed', Cause: err instanceof Error ? err.message : String(err) };
}

/** Errors that end the execution whatever Retry and Catch say. */
export function isTerminal(error: string): boolean {
  return error === 'States.Runtime' || error === 'States.DataLimitExceeded';
}
