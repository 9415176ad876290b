// Flow-control acks (DESIGN.md §5): count what xterm has parsed (write callbacks) and tell the hub
// every `ackEveryChars`, plus the remainder whenever the write queue drains, so a quiet session is
// never left looking behind.
import { FlowControl } from '../../shared/limits';

export class AckAccumulator {
  private queuedWrites = 0;
  private unacked = 0;

  constructor(private readonly every: number = FlowControl.ackEveryChars) {}

  /** A write of output was handed to xterm. */
  queued(): void {
    this.queuedWrites++;
  }

  /**
   * xterm parsed `chars` of a queued write (`finished`: all of it; a hidden tab's write is parsed in
   * slices); returns how many chars to ack now (0: not yet).
   */
  parsed(chars: number, finished = true): number {
    if (finished) this.queuedWrites = Math.max(0, this.queuedWrites - 1);
    this.unacked += chars;
    if (this.unacked === 0) return 0;
    if (this.unacked < this.every && this.queuedWrites > 0) return 0;
    const ack = this.unacked;
    this.unacked = 0;
    return ack;
  }

  /** Writes handed to xterm and not yet parsed. */
  get pending(): number {
    return this.queuedWrites;
  }
}
