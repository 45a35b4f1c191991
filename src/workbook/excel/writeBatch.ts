/**
 * Batching of writes into `context.sync()` calls that each stay under Excel on the web's
 * request size limit.
 */

/**
 * Largest request a batch may send, in bytes of UTF-8 JSON of the values and number formats
 * written. Excel on the web rejects requests above 5 MB ("Resource limits and performance
 * optimization for Office Add-ins", Microsoft Learn); 4,000,000 bytes leaves room for the
 * request's own envelope and the cell addresses.
 */
export const MAX_REQUEST_BYTES = 4_000_000;

/** Bytes of `value` as UTF-8 JSON, the size Office.js sends for written values. */
export function jsonBytes(value: unknown): number {
  return new TextEncoder().encode(JSON.stringify(value)).length;
}

/**
 * Collects queued writes and syncs before a write would push the pending request past
 * `maxBytes`. Writes are queued in the order they are added, so a later write finds the table
 * as the earlier ones left it.
 */
export class WriteBatch {
  private pendingBytes = 0;
  private pendingCommands = 0;
  private readonly context: Excel.RequestContext;
  readonly maxRequestBytes: number;

  constructor(context: Excel.RequestContext, maxBytes: number = MAX_REQUEST_BYTES) {
    this.context = context;
    this.maxRequestBytes = maxBytes;
  }

  /**
   * Queues a write of about `bytes` bytes by calling `queue`, after syncing the pending writes
   * when they and this one would not fit in one request.
   *
   * @throws Error when a single write is larger than the request limit.
   */
  async add(bytes: number, queue: () => void): Promise<void> {
    if (bytes > this.maxRequestBytes) {
      throw new Error(
        `One row needs a request of ${bytes} bytes, more than the ${this.maxRequestBytes} bytes ` +
          "Excel on the web accepts; shorten its longest texts.",
      );
    }
    if (this.pendingCommands > 0 && this.pendingBytes + bytes > this.maxRequestBytes) {
      await this.flush();
    }
    queue();
    this.pendingBytes += bytes;
    this.pendingCommands += 1;
  }

  /** Queues a command that sends no cell values, such as a table rename. */
  queue(command: () => void): void {
    command();
    this.pendingCommands += 1;
  }

  /** Syncs the pending writes, if any. */
  async flush(): Promise<void> {
    if (this.pendingCommands === 0) {
      return;
    }
    this.pendingBytes = 0;
    this.pendingCommands = 0;
    await this.context.sync();
  }
}
