/** A mistake in how the command was called (a missing file, an unknown option), not a failure. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}
