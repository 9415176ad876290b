// Finding things in a terminal's output stream, which arrives in chunks cut anywhere: a pattern may
// straddle two chunks. Positions are absolute offsets in the stream (characters since it began), so
// the page can resolve them against xterm's parse progress (probe calls or flow-control acks).
import { FNV_OFFSET, fnv1aText } from './hash';

/** The first occurrence of `pattern` in the stream fed to it (from the moment it was created). */
export class PatternScanner {
  private tail = '';
  private found: number | null = null;

  constructor(private readonly pattern: string) {
    if (pattern.length === 0) throw new Error('PatternScanner needs a non-empty pattern');
  }

  /** Feeds a chunk that starts at stream offset `offset`; returns the end offset of the match, if any. */
  feed(chunk: string, offset: number): number | null {
    if (this.found !== null) return this.found;
    const text = this.tail + chunk;
    const index = text.indexOf(this.pattern);
    if (index >= 0) {
      this.found = offset - this.tail.length + index + this.pattern.length;
      this.tail = '';
      return this.found;
    }
    this.tail = text.slice(Math.max(0, text.length - (this.pattern.length - 1)));
    return null;
  }

  get match(): number | null {
    return this.found;
  }
}

export interface CaptureProgress {
  /** Stream offset just after the start marker: the first captured character. */
  startOffset: number | null;
  /** Stream offset just after the last captured character. */
  endOffset: number | null;
  captured: number;
  hash: number;
}

/** Hashes the `length` characters that follow `marker` in the stream. */
export class ChecksumCapture {
  private readonly seek: PatternScanner;
  private readonly progress: CaptureProgress = {
    startOffset: null,
    endOffset: null,
    captured: 0,
    hash: FNV_OFFSET,
  };

  constructor(
    marker: string,
    private readonly length: number,
  ) {
    this.seek = new PatternScanner(marker);
  }

  feed(chunk: string, offset: number): void {
    if (this.progress.endOffset !== null) return;
    let from = 0;
    if (this.progress.startOffset === null) {
      const end = this.seek.feed(chunk, offset);
      if (end === null) return;
      this.progress.startOffset = end;
      from = end - offset;
    }
    const take = Math.min(chunk.length - from, this.length - this.progress.captured);
    if (take <= 0) return;
    this.progress.hash = fnv1aText(this.progress.hash, chunk, from, from + take);
    this.progress.captured += take;
    if (this.progress.captured === this.length) this.progress.endOffset = offset + from + take;
  }

  get state(): Readonly<CaptureProgress> {
    return this.progress;
  }
}
