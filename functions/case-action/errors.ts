/** Domain errors of case actions; the workflow's Catch matches their `name`. */

export class OrderNotFound extends Error {
  override readonly name = 'OrderNotFound';
  readonly status = 404;
  constructor(readonly orderId: string) {
    super(`no order case for storefront order ${orderId}`);
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
