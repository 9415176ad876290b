// When a changed store goes to disk: once changes pause for `debounceMs`, but no later than `maxWaitMs`
// after the first unsaved change (a steady stream of changes still gets saved), and never more often
// than every `minIntervalMs` (a burst costs a few writes per second, not one per change).

export interface WriteTiming {
  debounceMs: number;
  maxWaitMs: number;
  minIntervalMs: number;
  /** After a failed write, the next attempt waits this long. */
  retryMs: number;
}

/** Performs the write; returns false when it failed and should be retried. */
export type WriteAction = () => boolean;

export class WriteScheduler {
  readonly #write: WriteAction;
  readonly #timing: WriteTiming;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #firstPendingAt: number | null = null;
  #lastChangeAt = 0;
  #lastWriteAt = Number.NEGATIVE_INFINITY;
  #retryAt: number | null = null;

  constructor(write: WriteAction, timing: WriteTiming) {
    this.#write = write;
    this.#timing = timing;
  }

  /** True while a change has not been written yet. */
  get pending(): boolean {
    return this.#firstPendingAt !== null;
  }

  /** A change happened: make sure a write follows. */
  changed(): void {
    const now = Date.now();
    this.#firstPendingAt ??= now;
    this.#lastChangeAt = now;
    this.#schedule();
  }

  /** Write now if anything is pending (quit, or a caller that needs the file current). */
  flush(): boolean {
    this.#clearTimer();
    if (!this.pending) return true;
    return this.#run();
  }

  /** Stop the timer without writing (the owner flushed or gave up). */
  cancel(): void {
    this.#clearTimer();
  }

  #dueAt(): number {
    const { debounceMs, maxWaitMs, minIntervalMs } = this.#timing;
    const first = this.#firstPendingAt ?? this.#lastChangeAt;
    const settled = Math.min(this.#lastChangeAt + debounceMs, first + maxWaitMs);
    return Math.max(settled, this.#lastWriteAt + minIntervalMs, this.#retryAt ?? Number.NEGATIVE_INFINITY);
  }

  #schedule(): void {
    this.#clearTimer();
    const delay = Math.max(0, this.#dueAt() - Date.now());
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#run();
    }, delay);
  }

  #run(): boolean {
    const now = Date.now();
    this.#lastWriteAt = now;
    const firstPendingAt = this.#firstPendingAt;
    this.#firstPendingAt = null;
    if (this.#write()) {
      this.#retryAt = null;
      return true;
    }
    // Keep the change pending (a flush at quit still tries) and try again later.
    this.#firstPendingAt = firstPendingAt ?? now;
    this.#retryAt = now + this.#timing.retryMs;
    this.#schedule();
    return false;
  }

  #clearTimer(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
