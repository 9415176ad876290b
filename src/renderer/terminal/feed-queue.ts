// Feeds session output into a tab's terminal. For the tab on screen everything goes straight
// through. For hidden tabs output is queued and handed over in bounded slices, a few per tick, with
// one slice per tab in flight: a flooding background tab then cannot take the main thread from the
// tab on screen (its echo, its paint). Nothing is dropped or reordered: notes and resets wait in the
// same queue, and a tab that is shown again gets its whole queue at once. Acks are sent from the
// parse callbacks, so the hub's flow control slows a flooding program down to this pace. Pure (the
// timer is injected).
import { HiddenFeed } from '../../shared/limits';

/** Where a feed writes: the tab's terminal (TerminalView; a fake in tests). */
export interface FeedSink {
  write(data: string, onParsed: () => void): void;
  writeNote(text: string): void;
  reset(): void;
  paintBarrier(): void;
}

/**
 * Told once per slice xterm has parsed, in order; `last` on the slice that ends the write. Slices of
 * one write concatenate to it.
 */
export type OnParsed = (slice: string, last: boolean) => void;

export interface PacerOptions {
  sliceChars: number;
  tickChars: number;
  tickMs: number;
}

export interface PacerClock {
  now(): number;
  setTimeout(run: () => void, delayMs: number): unknown;
  clearTimeout(handle: unknown): void;
}

const browserClock: PacerClock = {
  now: () => performance.now(),
  setTimeout: (run, delayMs) => setTimeout(run, delayMs),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

type Op =
  | { kind: 'write'; data: string; offset: number; onParsed: OnParsed }
  | { kind: 'note'; text: string }
  | { kind: 'reset' }
  | { kind: 'barrier' };

/** Never cut between the halves of a surrogate pair. */
function sliceEnd(data: string, start: number, max: number): number {
  const end = Math.min(data.length, start + max);
  if (end >= data.length || end - start < 2) return end;
  const code = data.charCodeAt(end - 1);
  return code >= 0xd800 && code <= 0xdbff ? end - 1 : end;
}

/** One tab's feed. Starts paced (hidden); the session controller unpaces the tab on screen. */
export class Feed {
  private readonly ops: Op[] = [];
  private paced = true;
  /** A slice handed to the sink whose parse callback has not come yet. */
  private inFlight = false;
  private disposed = false;

  constructor(
    private readonly sink: FeedSink,
    private readonly pacer: FeedPacer,
  ) {}

  /** Chars queued and not yet handed to the terminal. */
  get queuedChars(): number {
    let chars = 0;
    for (const op of this.ops) if (op.kind === 'write') chars += op.data.length - op.offset;
    return chars;
  }

  write(data: string, onParsed: OnParsed): void {
    if (this.disposed) return;
    if (!this.paced && this.ops.length === 0) {
      this.sink.write(data, () => onParsed(data, true));
      return;
    }
    this.ops.push({ kind: 'write', data, offset: 0, onParsed });
    this.pacer.wake();
  }

  writeNote(text: string): void {
    if (this.disposed) return;
    if (this.ops.length === 0) this.sink.writeNote(text);
    else this.ops.push({ kind: 'note', text });
  }

  reset(): void {
    if (this.disposed) return;
    if (this.ops.length === 0) this.sink.reset();
    else this.ops.push({ kind: 'reset' });
  }

  /** In order like a note: the sink holds what follows until what came before is painted. */
  paintBarrier(): void {
    if (this.disposed) return;
    if (this.ops.length === 0) this.sink.paintBarrier();
    else this.ops.push({ kind: 'barrier' });
  }

  /** Hidden: pace from now on. Shown: hand over everything queued at once, then pass through. */
  setPaced(paced: boolean): void {
    if (this.disposed || paced === this.paced) return;
    this.paced = paced;
    if (!paced) this.flush();
  }

  dispose(): void {
    this.disposed = true;
    this.ops.length = 0;
    this.pacer.forget(this);
    if (this.inFlight) {
      this.inFlight = false;
      this.pacer.sliceDone();
    }
  }

  /** Whether the pacer may hand this feed a slice now. */
  get ready(): boolean {
    return this.paced && !this.inFlight && !this.disposed && this.ops.length > 0;
  }

  /**
   * Hands the sink queued notes and resets, then one slice of at most `max` chars: returns its size,
   * or null when there was nothing left to write.
   */
  step(max: number): number | null {
    while (this.ops[0] && this.ops[0].kind !== 'write') this.runHead();
    const op = this.ops[0];
    if (op?.kind !== 'write') return null;
    const start = op.offset;
    const end = sliceEnd(op.data, start, max);
    const slice = op.data.slice(start, end);
    const last = end >= op.data.length;
    op.offset = end;
    if (last) this.ops.shift();
    this.inFlight = true;
    this.sink.write(slice, () => {
      if (this.inFlight) {
        this.inFlight = false;
        this.pacer.sliceDone();
      }
      op.onParsed(slice, last);
    });
    return slice.length;
  }

  private flush(): void {
    while (this.ops.length > 0) {
      const op = this.ops[0];
      if (op?.kind === 'write') {
        this.ops.shift();
        const rest = op.offset === 0 ? op.data : op.data.slice(op.offset);
        this.sink.write(rest, () => op.onParsed(rest, true));
      } else {
        this.runHead();
      }
    }
  }

  private runHead(): void {
    const op = this.ops.shift();
    if (op?.kind === 'note') this.sink.writeNote(op.text);
    else if (op?.kind === 'reset') this.sink.reset();
    else if (op?.kind === 'barrier') this.sink.paintBarrier();
  }
}

/**
 * Shared by a window's feeds: each tick hands at most `tickChars` (in slices of at most
 * `sliceChars`, one per feed, round robin) to hidden terminals, and the next tick starts once those
 * slices are parsed and `tickMs` has passed since the last one began.
 */
export class FeedPacer {
  private readonly feeds: Feed[] = [];
  private timer: unknown = null;
  private inFlight = 0;
  private lastTickAt = Number.NEGATIVE_INFINITY;
  private next = 0;

  constructor(
    private readonly options: PacerOptions = HiddenFeed,
    private readonly clock: PacerClock = browserClock,
  ) {}

  create(sink: FeedSink): Feed {
    const feed = new Feed(sink, this);
    this.feeds.push(feed);
    return feed;
  }

  /** A feed has something queued. */
  wake(): void {
    if (this.timer !== null || this.inFlight > 0) return;
    this.schedule();
  }

  /** A slice was parsed (or its feed is gone). */
  sliceDone(): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
    if (this.inFlight === 0 && this.timer === null && this.feeds.some((f) => f.ready)) this.schedule();
  }

  forget(feed: Feed): void {
    const index = this.feeds.indexOf(feed);
    if (index < 0) return;
    this.feeds.splice(index, 1);
    if (this.next > index) this.next--;
  }

  dispose(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(): void {
    if (this.timer !== null) return;
    const delay = Math.max(0, this.lastTickAt + this.options.tickMs - this.clock.now());
    this.timer = this.clock.setTimeout(() => this.tick(), delay);
  }

  private tick(): void {
    this.timer = null;
    this.lastTickAt = this.clock.now();
    let budget = this.options.tickChars;
    const count = this.feeds.length;
    const first = this.next;
    for (let seen = 0; seen < count && budget > 0; seen++) {
      const index = (first + seen) % count;
      const feed = this.feeds[index];
      if (!feed?.ready) continue;
      // Counted before the write: a sink may report the parse at once.
      this.inFlight++;
      const given = feed.step(Math.min(this.options.sliceChars, budget));
      if (given === null) this.inFlight--;
      // An empty write still takes a turn, so a queue of them cannot hold the loop.
      budget -= Math.max(1, given ?? 0);
      this.next = (index + 1) % count;
    }
    if (this.inFlight === 0 && this.feeds.some((f) => f.ready)) this.schedule();
  }
}
