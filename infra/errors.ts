/** Why the stack refuses to synthesize: the manifest or a context parameter is wrong. */

/** A manifest entry refers to something the manifest does not declare, or cannot be deployed as written. */
export class ManifestInvalid extends Error {
  override readonly name = 'ManifestInvalid';
  constructor(
    readonly entry: string,
    readonly problem: string,
  ) {
    super(`manifest ${entry}: ${problem}`);
  }
}

/** A CDK context parameter (`-c name=value` or cdk.json) has a value the stack cannot use. */
export class ContextParameterInvalid extends Error {
  override readonly name = 'ContextParameterInvalid';
  constructor(
    readonly parameter: string,
    readonly problem: string,
  ) {
    super(`context parameter ${parameter}: ${problem}`);
  }
}
