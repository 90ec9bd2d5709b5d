/**
 * Errors of the SQS emulator, named and shaped as SQS answers them in its JSON protocol
 * (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/CommonErrors.html and
 * each action's Errors section).
 */
export abstract class SqsApiError extends Error {
  readonly status: number = 400;
}

export class QueueDoesNotExist extends SqsApiError {
  override readonly name = 'QueueDoesNotExist';
  constructor(queue: string) {
    super(`The specified queue does not exist: ${queue}`);
  }
}

export class InvalidParameterValue extends SqsApiError {
  override readonly name = 'InvalidParameterValue';
}

export class MissingParameter extends SqsApiError {
  override readonly name = 'MissingParameter';
  constructor(parameter: string) {
    super(`The request must contain the parameter ${parameter}.`);
  }
}

export class TooManyEntriesInBatchRequest extends SqsApiError {
  override readonly name = 'TooManyEntriesInBatchRequest';
  constructor(count: number) {
    super(`Maximum number of entries per request are 10. You have sent ${count}.`);
  }
}

export class EmptyBatchRequest extends SqsApiError {
  override readonly name = 'EmptyBatchRequest';
  constructor() {
    super('There should be at least one SendMessageBatchRequestEntry in the request.');
  }
}

export class BatchEntryIdsNotDistinct extends SqsApiError {
  override readonly name = 'BatchEntryIdsNotDistinct';
  constructor(id: string) {
    super(`Id ${id} repeated.`);
  }
}

/** An action this emulator does not offer: its queues are read by Lambda event source mappings only. */
export class UnsupportedOperation extends SqsApiError {
  override readonly name = 'UnsupportedOperation';
}
