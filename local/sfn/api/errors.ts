/**
 * Step Functions API errors, one class per AWS error name. The HTTP layer turns them into
 * `{"__type": name, "message": ...}` with status 400, so the AWS SDK throws its class of the same name.
 */
export class SfnApiError extends Error {
  readonly status: number = 400;
}

function apiError(name: string): new (message: string) => SfnApiError {
  const cls = class extends SfnApiError {
    constructor(message: string) {
      super(message);
      this.name = name;
    }
  };
  Object.defineProperty(cls, 'name', { value: name });
  return cls;
}

export const InvalidDefinition = apiError('InvalidDefinition');
export const InvalidArn = apiError('InvalidArn');
export const InvalidName = apiError('InvalidName');
export const InvalidExecutionInput = apiError('InvalidExecutionInput');
export const InvalidOutput = apiError('InvalidOutput');
export const InvalidToken = apiError('InvalidToken');
export const StateMachineDoesNotExist = apiError('StateMachineDoesNotExist');
export const StateMachineAlreadyExists = apiError('StateMachineAlreadyExists');
export const ExecutionDoesNotExist = apiError('ExecutionDoesNotExist');
export const ExecutionAlreadyExists = apiError('ExecutionAlreadyExists');
export const TaskDoesNotExist = apiError('TaskDoesNotExist');
export const TaskTimedOut = apiError('TaskTimedOut');
export const ValidationException = apiError('ValidationException');
