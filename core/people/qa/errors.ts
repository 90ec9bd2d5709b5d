/** Domain errors of quality checks (质检), with a stable `name` (the API's `error.code`) and status. */
export class QaItemNotFound extends Error {
  override readonly name = 'QaItemNotFound';
  readonly status = 404;
  constructor(readonly id: string) {
    super(`quality check ${id} does not exist`);
  }
}
