// FIFO of text pieces (each at most one line) in a growable circular array: push and shift are O(1), nothing
// is ever re-sliced or copied as a whole while output streams through. Each piece carries its UTF-8 size and two
// flags: whether it ends a line, and whether it is inert (plain text that cannot change terminal state).

const MIN_CAPACITY = 64;

export class PieceQueue {
  private texts: string[] = new Array<string>(MIN_CAPACITY).fill('');
  private sizes = new Float64Array(MIN_CAPACITY);
  /** Bit 0: ends a line; bit 1: inert. */
  private flags = new Uint8Array(MIN_CAPACITY);
  private head = 0;
  private count = 0;

  get length(): number {
    return this.count;
  }

  push(text: string, bytes: number, endsLine: boolean, inert = false): void {
    if (this.count === this.texts.length) this.resize(this.texts.length * 2);
    const slot = (this.head + this.count) & (this.texts.length - 1);
    this.texts[slot] = text;
    this.sizes[slot] = bytes;
    this.flags[slot] = (endsLine ? 1 : 0) | (inert ? 2 : 0);
    this.count++;
  }

  /** Drops the oldest piece (the queue must not be empty). */
  shift(): void {
    this.texts[this.head] = '';
    this.head = (this.head + 1) & (this.texts.length - 1);
    this.count--;
    // Give memory back after a burst (e.g. one huge append of short lines) once it is mostly unused.
    if (this.texts.length > MIN_CAPACITY && this.count < this.texts.length / 4)
      this.resize(this.texts.length / 2);
  }

  get frontText(): string {
    return this.texts[this.head] ?? '';
  }

  get frontBytes(): number {
    return this.sizes[this.head] ?? 0;
  }

  get frontEndsLine(): boolean {
    return ((this.flags[this.head] ?? 0) & 1) === 1;
  }

  get frontInert(): boolean {
    return ((this.flags[this.head] ?? 0) & 2) === 2;
  }

  /** Whether the newest piece ends a line (false when empty). */
  get lastEndsLine(): boolean {
    return (
      this.count > 0 && ((this.flags[(this.head + this.count - 1) & (this.texts.length - 1)] ?? 0) & 1) === 1
    );
  }

  /** Size of the piece `k` places after the oldest. */
  bytesAt(k: number): number {
    return this.sizes[(this.head + k) & (this.texts.length - 1)] ?? 0;
  }

  /** Whether the piece `k` places after the oldest ends a line. */
  endsLineAt(k: number): boolean {
    return ((this.flags[(this.head + k) & (this.texts.length - 1)] ?? 0) & 1) === 1;
  }

  /** Replaces the oldest piece's text and size (used when the byte cap cuts into it); it is no longer inert. */
  replaceFront(text: string, bytes: number): void {
    this.texts[this.head] = text;
    this.sizes[this.head] = bytes;
    this.flags[this.head] = (this.flags[this.head] ?? 0) & 1;
  }

  /** Appends every piece's text to `out`, oldest first. */
  appendTextsTo(out: string[]): void {
    const mask = this.texts.length - 1;
    for (let k = 0; k < this.count; k++) out.push(this.texts[(this.head + k) & mask] ?? '');
  }

  private resize(capacity: number): void {
    const texts = new Array<string>(capacity).fill('');
    const sizes = new Float64Array(capacity);
    const flags = new Uint8Array(capacity);
    const mask = this.texts.length - 1;
    for (let k = 0; k < this.count; k++) {
      const from = (this.head + k) & mask;
      texts[k] = this.texts[from] ?? '';
      sizes[k] = this.sizes[from] ?? 0;
      flags[k] = this.flags[from] ?? 0;
    }
    this.texts = texts;
    this.sizes = sizes;
    this.flags = flags;
    this.head = 0;
  }
}
