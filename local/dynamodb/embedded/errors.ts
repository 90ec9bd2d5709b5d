/**
 * DynamoDB API errors, one class per AWS error name (API Reference, "Common Errors" and each
 * operation's Errors). The HTTP layer answers `{"__type": "<namespace>#<name>", "message"}` with
 * status 400 (500 for InternalServerError, 503 for ServiceUnavailable), so the AWS SDK throws its
 * class of the same name.
 */
import type { AttributeMap } from './attribute-value.ts';

export class DynamoDbApiError extends Error {
  readonly status: number = 400;
  /** `com.amazon.coral.validate` for validation, `com.amazonaws.dynamodb.v20120810` for the rest, as DynamoDB sends them. */
  readonly namespace: string = 'com.amazonaws.dynamodb.v20120810';
  /** Extra members of the error body (the old item of a failed condition, cancellation reasons). */
  readonly extra: Record<string, unknown> = {};
}

export class ValidationException extends DynamoDbApiError {
  override readonly name = 'ValidationException';
  override readonly namespace = 'com.amazon.coral.validate';
}

/**
 * A validation error DynamoDB finds only while it runs an action against the table: a key
 * attribute missing or of another type than the key schema's, or an item an update grows past
 * 400 KB. Alone it is the ValidationException it extends; inside TransactWriteItems DynamoDB
 * cancels the transaction instead, with a `ValidationError` reason (message `reason`) for that
 * action (API Reference, TransactWriteItems › TransactionCanceledException: "Code ValidationError
 * … An item size becomes too large … There is a user error, such as an invalid data format").
 * Errors it can tell from the request alone (an empty key value, a Put over 400 KB, a malformed
 * expression) stay a ValidationException of the whole request, as captured against DynamoDB.
 */
export class ActionValidationError extends ValidationException {
  constructor(
    message: string,
    readonly reason: string = message,
  ) {
    super(message);
  }
}

export class ResourceNotFoundException extends DynamoDbApiError {
  override readonly name = 'ResourceNotFoundException';
  constructor(message = 'Requested resource not found') {
    super(message);
  }
}

export class ResourceInUseException extends DynamoDbApiError {
  override readonly name = 'ResourceInUseException';
}

export class ConditionalCheckFailedException extends DynamoDbApiError {
  override readonly name = 'ConditionalCheckFailedException';
  /** The item as it was, when the request asked for it with ReturnValuesOnConditionCheckFailure ALL_OLD. */
  constructor(readonly item?: AttributeMap) {
    super('The conditional request failed');
    if (item) this.extra.Item = item;
  }
}

export interface CancellationReason {
  Code: string;
  Message?: string;
  Item?: AttributeMap;
}

export class TransactionCanceledException extends DynamoDbApiError {
  override readonly name = 'TransactionCanceledException';
  constructor(readonly reasons: CancellationReason[]) {
    super(`Transaction cancelled, please refer cancellation reasons for specific reasons [${reasons.map((r) => r.Code).join(', ')}]`);
    this.extra.CancellationReasons = reasons;
  }
}

export class UnknownOperationException extends DynamoDbApiError {
  override readonly name = 'UnknownOperationException';
}

export class InternalServerError extends DynamoDbApiError {
  override readonly name = 'InternalServerError';
  override readonly status = 500;
}

/** DynamoDB's common error for a temporary failure (HTTP 503, retried by the SDK): here, a disk that cannot take the write. */
export class ServiceUnavailable extends DynamoDbApiError {
  override readonly name = 'ServiceUnavailable';
  override readonly status = 503;
}
