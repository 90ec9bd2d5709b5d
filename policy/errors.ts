/** The policy file could not be read or does not validate; the message names the file and field. */
export class PolicyInvalid extends Error {
  override readonly name = 'PolicyInvalid';
  constructor(
    readonly source: string,
    readonly problems: readonly string[],
  ) {
    super(`policy ${source} is invalid: ${problems.join('; ')}`);
  }
}
