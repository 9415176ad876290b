// Per-session output coalescing (DESIGN.md §5): a flood becomes a few large messages instead of thousands
// of 4 KB ones, while a keystroke's echo on an idle session goes out at once.
import { Batching } from '../../shared/limits';
import { type Clock, realClock } from '../clock';

export interface BatcherOptions {
  intervalMs: number;
  immediateMaxChars: number;
  maxBatchChars: number;
}

export class OutputBatcher {
  private pending: string[] = [];
  private pendingChars = 0;
  private timer: unknown = null;
  private lastFlushAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly emit: (data: string) => void,
    private readonly options: BatcherOptions = Batching,
    private readonly clock: Clock = realClock,
  ) {}

  push(data: string): void {
    if (data.length === 0) return;
    const idle = this.pending.length === 0 && this.clock.now() - this.lastFlushAt >= this.options.intervalMs;
    if (idle && data.length <= this.options.immediateMaxChars) {
      this.lastFlushAt = this.clock.now();
      this.emit(data);
      return;
    }
    this.pending.push(data);
    this.pendingChars += data.length;
    if (this.pendingChars >= this.options.maxBatchChars) {
      this.flush();
    } else if (this.timer === null) {
      this.timer = this.clock.setTimeout(() => {
        this.timer = null;
        this.flush();
      }, this.options.intervalMs);
    }
  }

  /** Emit whatever is pending now (before a snapshot reply or an exit, to keep channel order). */
  flush(): void {
    if (this.timer !== null) {
      this.clock.clearTimeout(this.timer);
      this.timer = null;
    }
    if (this.pending.length === 0) return;
    const data = this.pending.length === 1 ? (this.pending[0] as string) : this.pending.join('');
    this.pending = [];
    this.pendingChars = 0;
    this.lastFlushAt = this.clock.now();
    this.emit(data);
  }

  get pendingLength(): number {
    return this.pendingChars;
  }
}
