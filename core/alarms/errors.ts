/** Errors of the alarm core. */

/** The notify function received an event that is no alarm event, or one missing a field. */
export class AlarmEventInvalid extends Error {
  override readonly name = 'AlarmEventInvalid';
  constructor(readonly expected: string) {
    super(`not an alarm event: expected ${expected}`);
  }
}
