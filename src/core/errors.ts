/**
 * Domain errors raised by the calculations in `core/`. They describe a user's mistake in the
 * words of the spreadsheet argument at fault, so the custom function adapters can show the
 * message unchanged in the cell.
 */

/** A value of the wrong type or out of range, or a method that cannot fit this data (#VALUE!). */
export class InvalidInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InvalidInputError";
  }
}

/** Missing data or too few values for the method (#N/A). */
export class InsufficientDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InsufficientDataError";
  }
}

/** Either kind of domain error, i.e. a user's mistake rather than an internal failure. */
export type DomainError = InvalidInputError | InsufficientDataError;

/** True when `error` is a user's mistake reported by `core/`. */
export function isDomainError(error: unknown): error is DomainError {
  return error instanceof InvalidInputError || error instanceof InsufficientDataError;
}
