/** A user-written filter, search pattern or regex that cannot be accepted; `position` is a 0-based column. */
export class FilterError extends Error {
  constructor(
    message: string,
    readonly position?: number,
  ) {
    super(position === undefined ? message : `${message} (at column ${position + 1})`);
    this.name = 'FilterError';
  }
}
