/** Errors of the shared function infrastructure. */

/** A function started without an environment variable the stack (or the local runtime) should have set. */
export class MissingConfiguration extends Error {
  override readonly name = 'MissingConfiguration';
  constructor(readonly variable: string) {
    super(`environment variable ${variable} is not set; the manifest should declare the resource and its access for this function`);
  }
}

/** A function was invoked with an event that does not match its contract (a workflow or schedule bug). */
export class InvalidInput extends Error {
  override readonly name = 'InvalidInput';
  readonly status = 400;
  constructor(
    readonly what: string,
    readonly problems: readonly string[],
  ) {
    super(`invalid ${what}: ${problems.join('; ')}`);
  }
}
