// Reconnect delays: 250 ms doubling to 5 s, back to the start once a connection held.
export const ReconnectBackoff = {
  initialMs: 250,
  maxMs: 5_000,
} as const;

export class Backoff {
  private attempt = 0;

  constructor(
    private readonly initialMs: number = ReconnectBackoff.initialMs,
    private readonly maxMs: number = ReconnectBackoff.maxMs,
  ) {}

  /** The delay before the next attempt; each call doubles the one after. */
  next(): number {
    const delay = Math.min(this.maxMs, this.initialMs * 2 ** this.attempt);
    if (delay < this.maxMs) this.attempt++;
    return delay;
  }

  reset(): void {
    this.attempt = 0;
  }
}
