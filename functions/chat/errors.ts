/** Errors of the chat standards' write path; each has a stable `name` (the API's `error.code`) and its HTTP status. */

/** A conversation would hold more messages than one item can (DynamoDB's 400 KB limit). */
export class ConversationTooLong extends Error {
  override readonly name = 'ConversationTooLong';
  readonly status = 400;
  constructor(
    readonly conversationId: string,
    limit: number,
  ) {
    super(`data.conversationId: conversation ${conversationId} would hold more than ${limit} messages; start a new conversation id`);
  }
}

/** Every attempt to write a conversation lost a race: the sender retries (503 with Retry-After). */
export class ConversationBusy extends Error {
  override readonly name = 'ConversationBusy';
  readonly status = 503;
  readonly retryAfterSeconds = 1;
  constructor(readonly conversationId: string) {
    super(`conversation ${conversationId} is being written by other deliveries; retry shortly`);
  }
}
