/** Errors of deadline computation; each names what was wrong so callers can show it as-is. */

export class UnknownStep extends Error {
  override readonly name = 'UnknownStep';
  constructor(
    readonly step: string,
    known: readonly string[],
  ) {
    super(`unknown step "${step}" (known steps: ${known.join(', ')})`);
  }
}

export class MissingFact extends Error {
  override readonly name = 'MissingFact';
  constructor(
    readonly step: string,
    readonly fact: string,
    allowed: readonly string[],
  ) {
    super(`step ${step} needs fact "${fact}" (one of: ${allowed.join(', ')})`);
  }
}

export class InvalidFact extends Error {
  override readonly name = 'InvalidFact';
  constructor(
    readonly step: string,
    readonly fact: string,
    message: string,
  ) {
    super(message);
  }
}

export class InvalidPause extends Error {
  override readonly name = 'InvalidPause';
}
