import type { Json } from '../json.ts';
import type { ErrorOutput } from '../errors/states-errors.ts';

/** How a waiting callback task hears SendTaskSuccess / SendTaskFailure / SendTaskHeartbeat. */
export interface CallbackHandlers {
  success(output: Json): void;
  failure(error: ErrorOutput): void;
  heartbeat(): void;
}

export class CallbackRegistry {
  private readonly waiting = new Map<string, CallbackHandlers>();

  register(token: string, handlers: CallbackHandlers): () => void {
    this.waiting.set(token, handlers);
    return () => {
      if (this.waiting.get(token) === handlers) this.waiting.delete(token);
    };
  }

  get(token: string): CallbackHandlers | undefined {
    return this.waiting.get(token);
  }
}
