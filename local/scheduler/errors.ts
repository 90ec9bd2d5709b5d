/**
 * EventBridge Scheduler API errors, one class per AWS error name with AWS's HTTP status. The
 * REST layer answers `{"Message": ...}` with the `x-amzn-errortype` header, so the AWS SDK throws
 * its class of the same name.
 */
export class SchedulerApiError extends Error {
  readonly status: number = 400;
}

function apiError(name: string, status: number): new (message: string) => SchedulerApiError {
  const cls = class extends SchedulerApiError {
    override readonly status = status;
    constructor(message: string) {
      super(message);
      this.name = name;
    }
  };
  Object.defineProperty(cls, 'name', { value: name });
  return cls;
}

export const ValidationException = apiError('ValidationException', 400);
export const ResourceNotFoundException = apiError('ResourceNotFoundException', 404);
export const ConflictException = apiError('ConflictException', 409);
export const InternalServerException = apiError('InternalServerException', 500);
