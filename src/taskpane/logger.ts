/**
 * Logs a failure that the task pane recovers from, with the ids involved. Callers pass ids and
 * file names only, never user data or secrets.
 */
export function logFailure(event: string, error: unknown, ids: Record<string, string> = {}): void {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`[spm] ${event} failed`, { ...ids, message });
}
