/** Domain errors of case actions; the workflow's Catch matches their `name`. */

export class OrderNotFound extends Error {
  override readonly name = 'OrderNotFound';
  readonly status = 404;
  constructor(
    readonly orderId: string,
    /** What the caller can do instead, when there is a way forward. */
    hint?: string,
  ) {
    super(`no order case for storefront order ${orderId}${hint ? `; ${hint}` : ''}`);
  }
}

/** A cancellation after the parcel went to the courier: the customer is pointed to a return instead. */
export class OrderAlreadyHandedOver extends Error {
  override readonly name = 'OrderAlreadyHandedOver';
  readonly status = 409;
  constructor(
    readonly orderId: string,
    readonly handedOverAt: string | undefined,
  ) {
    super(`order ${orderId} was handed to the courier${handedOverAt ? ` at ${handedOverAt}` : ''}; it can no longer be cancelled — request a return instead`);
  }
}

/**
 * A return or exchange for an order whose goods never reached the customer: still with the store
 * (not handed to the courier), or cancelled / expired. Names the order's state; before the handover
 * the customer's way is a cancellation (service-standards.md §4–5).
 */
export class OrderNotDelivered extends Error {
  override readonly name = 'OrderNotDelivered';
  readonly status = 409;
  constructor(
    readonly orderId: string,
    /** The order case's status, and its open steps while it is open. */
    readonly state: { status: string; openSteps: readonly string[] },
    request: 'return' | 'exchange',
  ) {
    super(
      state.status === 'open'
        ? `orderId: order ${orderId} has not been handed to the courier yet (open: ${state.openSteps.join(', ') || 'no step'}); a ${request} needs delivered goods — request a cancellation instead (order.cancel-requested)`
        : `orderId: order ${orderId} is ${state.status}; its goods never reached the customer, so there is nothing to ${request}`,
    );
  }
}
