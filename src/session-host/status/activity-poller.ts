// Polls the foreground process of sessions that are doing something, and of no others (DESIGN.md §3):
// one timer for the whole host, running only while some session had input or output within the active
// window, so 50 idle sessions cost no CPU at all.
import { StatusPolling } from '../../shared/limits';
import { type Clock, realClock } from '../clock';

export interface Pollable {
  pollStatus(): void;
}

export interface PollerOptions {
  intervalMs: number;
  activeWindowMs: number;
}

export class ActivityPoller {
  private readonly lastActivity = new Map<Pollable, number>();
  private timer: unknown = null;

  constructor(
    private readonly options: PollerOptions = StatusPolling,
    private readonly clock: Clock = realClock,
  ) {}

  /** Input or output happened: poll this session on the next ticks. */
  touch(item: Pollable): void {
    this.lastActivity.set(item, this.clock.now());
    if (this.timer === null) this.timer = this.clock.setTimeout(() => this.tick(), this.options.intervalMs);
  }

  remove(item: Pollable): void {
    this.lastActivity.delete(item);
  }

  get activeCount(): number {
    return this.lastActivity.size;
  }

  dispose(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
    this.lastActivity.clear();
  }

  private tick(): void {
    this.timer = null;
    const now = this.clock.now();
    for (const [item, at] of [...this.lastActivity]) {
      item.pollStatus();
      if (now - at >= this.options.activeWindowMs) this.lastActivity.delete(item);
    }
    if (this.lastActivity.size > 0)
      this.timer = this.clock.setTimeout(() => this.tick(), this.options.intervalMs);
  }
}
