/** A calendar has no on-duty time within the scan horizon, so no deadline can be reached. */
export class CalendarExhausted extends Error {
  override readonly name = 'CalendarExhausted';
  constructor(
    readonly calendarId: string,
    readonly fromIso: string,
    readonly days: number,
  ) {
    super(`calendar "${calendarId}" has no on-duty time in the ${days} days after ${fromIso}`);
  }
}
