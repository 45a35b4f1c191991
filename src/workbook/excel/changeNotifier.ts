import { StoreChange, Unsubscribe } from "../store";

/**
 * Delivers store changes to listeners on a later timer tick, in the order they were queued.
 * As with DOM event listeners, an exception in a listener is reported on a later tick as an
 * uncaught error and does not keep the other listeners from being called.
 */
export class ChangeNotifier {
  private readonly listeners = new Set<(change: StoreChange) => void>();
  private readonly queue: StoreChange[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly waiters: (() => void)[] = [];

  /** Adds a listener; the returned function removes it. */
  subscribe(listener: (change: StoreChange) => void): Unsubscribe {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Queues a change for delivery on a later tick. */
  publish(change: StoreChange): void {
    this.queue.push(change);
    if (this.timer === undefined) {
      this.timer = setTimeout(() => this.deliver(), 0);
    }
  }

  /** Resolves once every queued change has been delivered. */
  settled(): Promise<void> {
    if (this.queue.length === 0) {
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private deliver(): void {
    this.timer = undefined;
    for (const change of this.queue.splice(0)) {
      for (const listener of [...this.listeners]) {
        try {
          listener(change);
        } catch (error) {
          setTimeout(() => {
            throw error;
          }, 0);
        }
      }
    }
    for (const resolve of this.waiters.splice(0)) {
      resolve();
    }
  }
}
