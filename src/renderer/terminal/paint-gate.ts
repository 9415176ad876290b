// Holds a terminal's later writes until what was written before is parsed and drawn in a frame. xterm
// parses consecutive writes in one task while its time budget lasts, so without a frame in between, a
// screen written just before a synchronized-output block would never be painted before the block ends
// (the block holds rendering): the replay's first screen (replay-pieces.ts) would wait for the whole
// replay. Pure: how to wait for the parse and for a frame is injected.

export interface PaintWaits {
  /** Runs `then` once everything written so far is parsed. */
  parsed(then: () => void): void;
  /** Runs `then` after the next frame is drawn (or soon, where frames do not come: a hidden page). */
  frame(then: () => void): void;
}

export class PaintGate {
  private held: Array<() => void> | null = null;

  constructor(private readonly waits: PaintWaits) {}

  /** Runs `op` now, or after the gate opens when it is closed; in order either way. */
  run(op: () => void): void {
    if (this.held) this.held.push(op);
    else op();
  }

  /** Operations from now on wait for the parse of what came before, then for a drawn frame. */
  close(): void {
    this.run(() => {
      this.held = [];
      this.waits.parsed(() => this.waits.frame(() => this.open()));
    });
  }

  get closed(): boolean {
    return this.held !== null;
  }

  private open(): void {
    const ops = this.held ?? [];
    this.held = null;
    for (let op = ops.shift(); op; op = ops.shift()) {
      // An operation that closes the gate again leaves the rest waiting behind it.
      if (this.held) {
        (this.held as Array<() => void>).push(op, ...ops);
        return;
      }
      op();
    }
  }
}
