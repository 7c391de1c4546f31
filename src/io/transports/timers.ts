/**
 * Timers a transport owns: every server-side wait (latency, hangs) goes through one registry so
 * `close()` can cancel all of them and leave no Timeout handle behind.
 */

/** Waits one full event-loop turn twice, so handle-close callbacks (the "closing" phase) have run. */
export async function nextLoopTurns(turns = 2): Promise<void> {
  for (let i = 0; i < turns; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

/** Tracks sleeps and hangs so they can all be cancelled at once. */
export class TimerRegistry {
  readonly #pending = new Set<() => void>();
  #closed = false;

  /** Number of sleeps and hangs not yet finished. */
  get size(): number {
    return this.#pending.size;
  }

  /**
   * Resolves `true` after `ms`, or `false` as soon as `signal` aborts or the registry closes
   * (the timer is cleared either way). `ms <= 0` resolves `true` at once.
   */
  sleep(ms: number, signal?: AbortSignal): Promise<boolean> {
    if (this.#closed || signal?.aborted) return Promise.resolve(false);
    if (!(ms > 0)) return Promise.resolve(true);
    return new Promise<boolean>((resolve) => {
      const finish = (elapsed: boolean): void => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', cancel);
        this.#pending.delete(cancel);
        resolve(elapsed);
      };
      const cancel = (): void => finish(false);
      const timer = setTimeout(() => finish(true), ms);
      signal?.addEventListener('abort', cancel, { once: true });
      this.#pending.add(cancel);
    });
  }

  /** Never resolves on its own: only when `signal` aborts or the registry closes (no timer involved). */
  hang(signal?: AbortSignal): Promise<void> {
    if (this.#closed || signal?.aborted) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const cancel = (): void => {
        signal?.removeEventListener('abort', cancel);
        this.#pending.delete(cancel);
        resolve();
      };
      signal?.addEventListener('abort', cancel, { once: true });
      this.#pending.add(cancel);
    });
  }

  /** Cancels every pending sleep and hang; later ones resolve at once. */
  close(): void {
    this.#closed = true;
    for (const cancel of [...this.#pending]) cancel();
  }

  /** Accepts new sleeps again after `close()` (for a transport that is started again). */
  reopen(): void {
    this.#closed = false;
  }
}
