/**
 * EventBridge API errors, one class per AWS error name. The HTTP layer turns them into
 * `{"__type": name, "message": ...}` with status 400, so the AWS SDK throws its class of the same name.
 */
export class EventBridgeApiError extends Error {
  readonly status: number = 400;
}

function apiError(name: string): new (message: string) => EventBridgeApiError {
  const cls = class extends EventBridgeApiError {
    constructor(message: string) {
      super(message);
      this.name = name;
    }
  };
  Object.defineProperty(cls, 'name', { value: name });
  return cls;
}

export const ResourceNotFoundException = apiError('ResourceNotFoundException');
export const ResourceAlreadyExistsException = apiError('ResourceAlreadyExistsException');
export const InvalidEventPatternException = apiError('InvalidEventPatternException');
export const ValidationException = apiError('ValidationException');
