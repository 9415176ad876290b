// Per-session replay ring (DESIGN.md §4): the last `maxLines` lines of PTY output, never more than `maxBytes`,
// plus the terminal state in force where the kept text begins, so that a fresh terminal fed `snapshot()` shows
// what the live one shows even after the sequences that set its modes have been evicted.
//
// Kept text is a FIFO of pieces (slices of appended chunks, each at most one line); a second tracker follows the
// evicted text, so the state at the cut point costs one scan of each evicted byte and nothing per snapshot.
//
// What a text replay cannot rebuild, measured in test/integration/replay-fidelity.test.ts:
// - screen content drawn only by evicted output (a full-screen program that redraws nothing): the session host
//   asks it to repaint (resize nudge) when `modes.alternateScreen` is set;
// - a line cut inside by the byte cap is replayed from column 0, so its wrapping can differ from the live one;
// - blank cells past the text of the first screenful of replayed lines show the default background where the
//   live terminal shows a background colour that was in force across the line break (background-colour erase);
// - window title, hyperlink in progress, tab stops and the cursor position saved by DECSC are not restored, and
//   a resize does not reset the tracked scroll regions (the buffer never sees resizes).

import { ModeTracker } from './mode-tracker';
import { PieceQueue } from './piece-queue';
import type { TerminalModes } from './terminal-state';
import { continuesCharacter, indexAfterBytes } from './text-cut';

export type { MouseEncoding, MouseTracking, ScrollRegion, TerminalModes } from './terminal-state';

export interface ReplayBufferOptions {
  /** Lines kept (a line ends at "\n"; the unfinished last one counts). Defaults: RingBufferDefaults. */
  maxLines: number;
  /** UTF-8 bytes kept, a hard cap even for one endless line. */
  maxBytes: number;
}

/** Unfinished-line fragments are joined into one piece after this many, so tiny appends stay cheap to hold. */
const OPEN_PARTS_MAX = 64;

export class ReplayBuffer {
  private readonly maxLines: number;
  private readonly maxBytes: number;
  /** State at the end of the output (what the live terminal is in). */
  private readonly live: ModeTracker;
  /** State at the start of the kept text: the live state after exactly the evicted output. */
  private readonly head = new ModeTracker();
  /** Kept text: sealed pieces, then the unfinished line's fragments. */
  private readonly pieces = new PieceQueue();
  private sealedBytes = 0;
  private completeLines = 0;
  private openParts: string[] = [];
  private openBytes = 0;
  private openInert = true;
  /** The chunk being scanned, and where its next piece begins. */
  private chunk = '';
  private pieceStart = 0;
  private pieceExtraBytes = 0;
  private pieceStateSteps = 0;
  private modesCache: TerminalModes | null = null;
  /** The kept text starts inside its first line (which is over the byte cap on its own), not at a line start. */
  private frontCut = false;

  constructor(options: ReplayBufferOptions) {
    if (!Number.isSafeInteger(options.maxLines) || options.maxLines < 1) {
      throw new RangeError(`maxLines must be a positive integer, got ${options.maxLines}`);
    }
    if (!Number.isSafeInteger(options.maxBytes) || options.maxBytes < 1) {
      throw new RangeError(`maxBytes must be a positive integer, got ${options.maxBytes}`);
    }
    this.maxLines = options.maxLines;
    this.maxBytes = options.maxBytes;
    this.live = new ModeTracker(undefined, {
      lineEnd: (index, extraBytes) => this.endLine(index, extraBytes),
    });
  }

  /** Raw PTY output, as strings in arrival order (chunks split anywhere, even inside escape sequences or UTF-16 pairs). */
  append(data: string): void {
    if (data.length === 0) return;
    this.modesCache = null;
    this.chunk = data;
    this.pieceStart = 0;
    this.pieceExtraBytes = this.live.scanner.extraBytes;
    this.pieceStateSteps = this.live.scanner.stateSteps;
    this.live.feed(data);
    if (this.pieceStart < data.length) {
      this.openParts.push(this.pieceStart === 0 ? data : data.slice(this.pieceStart));
      this.openBytes += data.length - this.pieceStart + this.live.scanner.extraBytes - this.pieceExtraBytes;
      this.openInert &&= this.live.scanner.stateSteps === this.pieceStateSteps;
      if (this.openParts.length >= OPEN_PARTS_MAX) this.sealOpenLine();
    }
    this.chunk = '';
    this.enforceLimits();
  }

  /** What to write into a freshly reset xterm so its screen, scrollback and modes equal the live terminal's. */
  snapshot(): string {
    const out = [this.head.state.restoreSequence()];
    this.pieces.appendTextsTo(out);
    out.push(...this.openParts);
    return out.join('');
  }

  /**
   * For restoring after an app restart: the kept text without what was written on the alternate screen, no
   * modes restored but the colours at the cut, and ending with every mode back at its default.
   */
  normalScreenSnapshot(): string {
    const kept = this.keptText();
    const body: string[] = [];
    let emitFrom = this.head.state.alternateScreen ? -1 : 0;
    const filter = this.head.clone({
      screenSwitch: (toAlternate, sequenceStart, index) => {
        if (toAlternate && emitFrom >= 0) {
          body.push(kept.slice(emitFrom, sequenceStart >= 0 ? sequenceStart : index + 1));
          emitFrom = -1;
        } else if (!toAlternate && emitFrom < 0) {
          emitFrom = index + 1;
        }
      },
    });
    filter.feed(kept);
    if (emitFrom >= 0) body.push(kept.slice(emitFrom));
    const prefix = this.head.state.alternateScreen ? '\x1b[0m' : this.head.state.sgr.toSequence();
    let text = body.join('');
    const end = new ModeTracker();
    end.feed(prefix);
    end.feed(text);
    // Drop a sequence still being written (its end has not arrived): the reset that follows would garble it.
    if (!end.isGround && end.scanner.sequenceStart >= 0) text = text.slice(0, end.scanner.sequenceStart);
    return prefix + text + end.state.resetSequence();
  }

  /** Lines currently kept (the unfinished last line counts). */
  get lineCount(): number {
    return this.completeLines + (this.hasOpenLine ? 1 : 0);
  }

  /** UTF-8 bytes currently kept (exact for well-formed text; see EscapeScanner.extraBytes). */
  get byteSize(): number {
    return this.sealedBytes + this.openBytes;
  }

  /** Modes in force at the end of the output. */
  get modes(): TerminalModes {
    this.modesCache ??= Object.freeze(this.live.state.modes);
    return this.modesCache;
  }

  /** Modes in force where the kept text begins (what `snapshot()` restores before replaying it). */
  get startModes(): TerminalModes {
    return Object.freeze(this.head.state.modes);
  }

  private get hasOpenLine(): boolean {
    return this.openParts.length > 0 || (this.pieces.length > 0 && !this.pieces.lastEndsLine);
  }

  private keptText(): string {
    const out: string[] = [];
    this.pieces.appendTextsTo(out);
    out.push(...this.openParts);
    return out.join('');
  }

  /** Called by the live tracker for each line feed in ground state: seals the line that ends there. */
  private endLine(index: number, extraBytes: number): void {
    const end = index + 1;
    const steps = this.live.scanner.stateSteps;
    let text = this.chunk.slice(this.pieceStart, end);
    let bytes = end - this.pieceStart + extraBytes - this.pieceExtraBytes;
    let inert = steps === this.pieceStateSteps;
    if (this.openParts.length > 0) {
      this.openParts.push(text);
      text = this.openParts.join('');
      bytes += this.openBytes;
      inert &&= this.openInert;
      this.openParts = [];
      this.openBytes = 0;
      this.openInert = true;
    }
    this.pieces.push(text, bytes, true, inert);
    this.sealedBytes += bytes;
    this.completeLines++;
    this.pieceStart = end;
    this.pieceExtraBytes = extraBytes;
    this.pieceStateSteps = steps;
    // Inside one huge append too, never hold more lines than the cap.
    if (this.completeLines > this.maxLines) this.evictLine();
  }

  private sealOpenLine(): void {
    if (this.openParts.length === 0) return;
    this.pieces.push(this.openParts.join(''), this.openBytes, false, this.openInert);
    this.sealedBytes += this.openBytes;
    this.openParts = [];
    this.openBytes = 0;
    this.openInert = true;
  }

  /** Evicts the oldest line whole (the rest of it, when it was cut into). */
  private evictLine(): void {
    while (this.pieces.length > 0) {
      const endsLine = this.pieces.frontEndsLine;
      // Plain text crossed from ground to ground cannot change the state at the cut: no need to scan it again.
      if (!this.pieces.frontInert) this.head.feed(this.pieces.frontText);
      this.sealedBytes -= this.pieces.frontBytes;
      this.pieces.shift();
      if (endsLine) {
        this.completeLines--;
        this.frontCut = false;
        return;
      }
    }
  }

  /**
   * Moves the start of the kept text forward to the first allowed point where both caps hold. Allowed points are
   * line starts, and inside a line that alone exceeds the byte cap, points between sequences that do not split a
   * character. Both only ever become allowed as output arrives, so trimming after every append keeps exactly what
   * trimming the whole output at once would: the result does not depend on how output was chunked.
   */
  private enforceLimits(): void {
    for (;;) {
      const overLines = this.lineCount > this.maxLines;
      const excess = this.byteSize - this.maxBytes;
      if (!overLines && excess <= 0 && this.startAllowed()) return;
      if (overLines || !(this.frontCut || this.frontLineBytes() > this.maxBytes)) {
        this.evictLine();
        continue;
      }
      if (this.pieces.length === 0) {
        if (this.openParts.length === 0) return;
        this.sealOpenLine();
      }
      this.cutFrontLine(excess);
    }
  }

  /** Whether the kept text may start where it does now. */
  private startAllowed(): boolean {
    if (!this.frontCut) return true;
    if (!this.head.isGround) return false;
    const first = this.pieces.length > 0 ? this.pieces.frontText : this.openParts[0];
    return first === undefined || !continuesCharacter(first.charCodeAt(0));
  }

  /** UTF-8 size of the oldest line as kept so far. */
  private frontLineBytes(): number {
    let bytes = 0;
    for (let k = 0; k < this.pieces.length; k++) {
      bytes += this.pieces.bytesAt(k);
      if (this.pieces.endsLineAt(k)) return bytes;
    }
    return bytes + this.openBytes;
  }

  /**
   * Inside the oversized oldest line, removes at least `bytes` (at least one unit when the start is not allowed)
   * and stops at the next allowed point, or at the end of the oldest piece.
   */
  private cutFrontLine(bytes: number): void {
    const text = this.pieces.frontText;
    const endsLine = this.pieces.frontEndsLine;
    const extraBefore = this.head.scanner.extraBytes;
    let i = bytes > 0 ? indexAfterBytes(text, 0, bytes) : 0;
    this.head.feed(text, 0, i);
    while (i < text.length && (i === 0 || !this.head.isGround || continuesCharacter(text.charCodeAt(i)))) {
      this.head.feed(text, i, i + 1);
      i++;
    }
    if (i === text.length) {
      this.sealedBytes -= this.pieces.frontBytes;
      this.pieces.shift();
      if (endsLine) this.completeLines--;
      this.frontCut = !endsLine;
      return;
    }
    const removed = i + this.head.scanner.extraBytes - extraBefore;
    this.pieces.replaceFront(text.slice(i), this.pieces.frontBytes - removed);
    this.sealedBytes -= removed;
    this.frontCut = true;
  }
}
