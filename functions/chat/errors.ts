/** Errors of the chat standards' write path; each has a stable `name` (the API's `error.code`) and its HTTP status. */

/** A conversation would hold more messages than its limits allow (3,000 messages; one DynamoDB item's bytes). */
export class ConversationTooLong extends Error {
  override readonly name = 'ConversationTooLong';
  readonly status = 400;
  /** @param exceeded what it would hold, naming the limit: `more than 3000 messages`, `… bytes of messages, more than …`. */
  constructor(
    readonly conversationId: string,
    exceeded: string,
  ) {
    super(`data.conversationId: conversation ${conversationId} would hold ${exceeded}; start a new conversation id`);
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
