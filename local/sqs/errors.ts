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

/** A batch entry `Id` outside `[A-Za-z0-9_-]{1,80}` (SendMessageBatch › Errors: InvalidBatchEntryId). */
export class InvalidBatchEntryId extends SqsApiError {
  override readonly name = 'InvalidBatchEntryId';
  constructor() {
    super('A batch entry id can only contain alphanumeric characters, hyphens and underscores. It can be at most 80 letters long.');
  }
}

/** A batch whose messages together exceed 1 MiB (SendMessageBatch › Errors: BatchRequestTooLong). */
export class BatchRequestTooLong extends SqsApiError {
  override readonly name = 'BatchRequestTooLong';
  constructor(limit: number, bytes: number) {
    super(`Batch requests cannot be longer than ${limit} bytes. You have sent ${bytes} bytes.`);
  }
}

/** A queue attribute name SQS does not know, or not settable (GetQueueAttributes/SetQueueAttributes › Errors). */
export class InvalidAttributeName extends SqsApiError {
  override readonly name = 'InvalidAttributeName';
  constructor(attribute: string) {
    super(`Unknown Attribute ${attribute}.`);
  }
}

/** A queue attribute value out of its documented range (CreateQueue/SetQueueAttributes › Errors). */
export class InvalidAttributeValue extends SqsApiError {
  override readonly name = 'InvalidAttributeValue';
  constructor(attribute: string) {
    super(`Invalid value for the parameter ${attribute}.`);
  }
}

/** CreateQueue of an existing name with other attribute values (JSON protocol `QueueNameExists`, query `QueueAlreadyExists`). */
export class QueueNameExists extends SqsApiError {
  override readonly name = 'QueueNameExists';
  constructor(attribute: string) {
    super(`A queue already exists with the same name and a different value for attribute ${attribute}`);
  }
}
