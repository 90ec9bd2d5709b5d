/**
 * Errors of the storefront webhook contract (api.md). Each has a stable `name` (the API's
 * `error.code`) and its HTTP status: 401 for signature problems, 400 for bad bodies.
 */

export abstract class WebhookSignatureError extends Error {
  readonly status = 401;
}

export class SignatureMissing extends WebhookSignatureError {
  override readonly name = 'SignatureMissing';
  constructor() {
    super('X-Storefront-Signature: header is missing');
  }
}

export class SignatureMalformed extends WebhookSignatureError {
  override readonly name = 'SignatureMalformed';
  constructor(detail: string) {
    super(`X-Storefront-Signature: ${detail}; expected "t=<unix seconds>,v1=<hex HMAC-SHA256>"`);
  }
}

export class SignatureMismatch extends WebhookSignatureError {
  override readonly name = 'SignatureMismatch';
  constructor() {
    super('X-Storefront-Signature: no v1 signature matches the body');
  }
}

/** Authentic but too old (or too far ahead): a replay, or a badly skewed clock. */
export class SignatureExpired extends WebhookSignatureError {
  override readonly name = 'SignatureExpired';
  constructor(
    readonly skewSeconds: number,
    readonly toleranceSeconds: number,
  ) {
    super(`X-Storefront-Signature: timestamp is ${skewSeconds} s from now, more than the ${toleranceSeconds} s allowed`);
  }
}

export class MalformedBody extends Error {
  override readonly name = 'MalformedBody';
  readonly status = 400;
  constructor() {
    super('body: not valid JSON');
  }
}

export interface FieldIssue {
  /** Dotted path of the offending field, e.g. `data.items[0].qty`. */
  field: string;
  message: string;
}

export class InvalidStorefrontEvent extends Error {
  override readonly name = 'InvalidStorefrontEvent';
  readonly status = 400;
  constructor(readonly issues: FieldIssue[]) {
    super(issues.map((issue) => `${issue.field}: ${issue.message}`).join('; '));
  }

  /** The first offending field, for clients that show one. */
  get field(): string | undefined {
    return this.issues[0]?.field;
  }
}
