/** Thrown into a branch whose execution was stopped, timed out, or whose sibling branch failed. */
export class Cancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'Cancelled';
  }
}

/** A tree of cancellation scopes: cancelling one cancels its descendants. */
export class CancelScope {
  private listeners = new Set<() => void>();
  cancelled = false;

  child(): CancelScope {
    const scope = new CancelScope();
    const off = this.onCancel(() => scope.cancel());
    scope.onCancel(off);
    return scope;
  }

  /** Calls `fn` on cancellation (at once if already cancelled); returns an unsubscribe function. */
  onCancel(fn: () => void): () => void {
    if (this.cancelled) {
      fn();
      return () => undefined;
    }
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  cancel(): void {
    if (this.cancelled) return;
    this.cancelled = true;
    const listeners = [...this.listeners];
    this.listeners.clear();
    for (const fn of listeners) fn();
  }

  throwIfCancelled(): void {
    if (this.cancelled) throw new Cancelled();
  }
}
