import { InsufficientDataError, InvalidInputError } from "../errors";

/**
 * Checks that `value` lies in [0, 1], the range of a smoothing parameter.
 *
 * @throws InvalidInputError naming `name` when it does not.
 */
export function requireUnitInterval(name: string, value: number): void {
  if (!Number.isFinite(value) || value < 0 || value > 1) {
    throw new InvalidInputError(`${name} is ${value} but must be between 0 and 1.`);
  }
}

/**
 * Checks that `value` is a whole number of at least 1, as a window or a season length must be.
 *
 * @throws InvalidInputError naming `name` when it is not.
 */
export function requirePositiveInteger(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1) {
    throw new InvalidInputError(`${name} is ${value} but must be a whole number of 1 or more.`);
  }
}

/**
 * Checks that `series` has at least `required` values for `method`.
 *
 * @throws InsufficientDataError naming the argument `name` and the count needed.
 */
export function requireMinLength(
  name: string,
  series: readonly number[],
  required: number,
  method: string,
): void {
  if (series.length < required) {
    throw new InsufficientDataError(
      `${name} has ${countOf(series.length, "value")} but ${method} needs at least ${required}.`,
    );
  }
}

/**
 * Checks that every value of a computed result is finite, so no NaN or Infinity reaches a cell.
 *
 * @throws InvalidInputError saying the fit diverged, with `advice` on what to change.
 */
export function requireFiniteResult(values: ArrayLike<number>, advice: string): void {
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) {
      throw new InvalidInputError(`The fit diverged and produced a non-finite value; ${advice}`);
    }
  }
}

/** Position (1-based, as a user counts cells) of the first value that is zero or negative, or 0. */
export function firstNonPositivePosition(series: readonly number[]): number {
  const index = series.findIndex((value) => value <= 0);
  return index + 1;
}

/** Writes a count with its noun in the singular or plural: "1 value", "3 values". */
export function countOf(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
