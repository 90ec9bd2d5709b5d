/** A pattern EventBridge would refuse; the API turns it into `InvalidEventPatternException`. */
export class InvalidEventPatternError extends Error {
  override readonly name = 'InvalidEventPatternError';
  constructor(
    message: string,
    /** Dotted path of the offending field inside the pattern. */
    readonly path: string,
  ) {
    super(path ? `Event pattern is not valid. ${path}: ${message}` : `Event pattern is not valid. ${message}`);
  }
}
