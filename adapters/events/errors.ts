/** Errors of the event bus adapter. */

/** PutEvents accepted the call but refused some entries; the caller's retry redelivers them. */
export class EventPublishFailed extends Error {
  override readonly name = 'EventPublishFailed';
  constructor(
    readonly failed: readonly { detailType: string; errorCode?: string; errorMessage?: string }[],
  ) {
    super(`${failed.length} event(s) were not put on the bus: ${failed.map((f) => `${f.detailType} (${f.errorCode ?? 'unknown'}${f.errorMessage ? `: ${f.errorMessage}` : ''})`).join(', ')}`);
  }
}
