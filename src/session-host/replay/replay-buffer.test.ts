import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RingBufferDefaults } from '../../shared/limits';
import { ModeTracker } from './mode-tracker';
import { ReplayBuffer, type ReplayBufferOptions } from './replay-buffer';

const utf8Length = (text: string): number => new TextEncoder().encode(text).length;
const startsSequenceOrLine = (ch: string): boolean => {
  const code = ch.charCodeAt(0);
  return code === 0x1b || code === 0x0a || (code >= 0x80 && code < 0xa0);
};
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function bufferWith(output: string | readonly string[], options: ReplayBufferOptions): ReplayBuffer {
  const buffer = new ReplayBuffer(options);
  for (const chunk of typeof output === 'string' ? [output] : output) buffer.append(chunk);
  return buffer;
}

/** Modes a fresh terminal ends up in after writing `text` (as the tracker models xterm.js). */
function modesAfter(text: string): unknown {
  const tracker = new ModeTracker();
  tracker.feed(text);
  return tracker.state.modes;
}

function numberedLines(from: number, to: number): string {
  let out = '';
  for (let n = from; n < to; n++) out += `line ${n}\r\n`;
  return out;
}

/** Splits `text` at the given positions (taken modulo its length). */
function splitAt(text: string, cuts: readonly number[]): string[] {
  const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  const chunks: string[] = [];
  let last = 0;
  for (const point of points) {
    chunks.push(text.slice(last, point));
    last = point;
  }
  chunks.push(text.slice(last));
  return chunks;
}

const big = { maxLines: 1_000_000, maxBytes: 1 << 30 };

describe('ReplayBuffer limits', () => {
  it('keeps the last maxLines lines, oldest evicted first', () => {
    const buffer = bufferWith(numberedLines(0, 10), { ...big, maxLines: 3 });
    expect(buffer.snapshot()).toBe('line 7\r\nline 8\r\nline 9\r\n');
    expect(buffer.lineCount).toBe(3);
  });

  it('counts the unfinished last line', () => {
    const buffer = bufferWith('a\nb\nc\n$ ', { ...big, maxLines: 2 });
    expect(buffer.snapshot()).toBe('c\n$ ');
    expect(buffer.lineCount).toBe(2);
  });

  it('joins a line that arrives in many chunks and evicts it whole', () => {
    const buffer = bufferWith(['fir', 'st li', 'ne\nsec', 'ond\n', 'third'], { ...big, maxLines: 2 });
    expect(buffer.snapshot()).toBe('second\nthird');
  });

  it('keeps every line, in order, with no gap and no duplicate, however output is chunked', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 12 }), { minLength: 1, maxLength: 60 }),
        fc.array(fc.nat(), { maxLength: 20 }),
        fc.integer({ min: 1, max: 15 }),
        (rawLines, cuts, maxLines) => {
          // Plain text only: ESC and C1 would start sequences, "\n" is the separator itself.
          const lines = rawLines.map((line) =>
            Array.from(line, (ch) => (startsSequenceOrLine(ch) ? '.' : ch)).join(''),
          );
          const text = lines.map((line) => `${line}\n`).join('');
          const buffer = bufferWith(splitAt(text, cuts), { ...big, maxLines });
          const expected = lines
            .slice(-maxLines)
            .map((line) => `${line}\n`)
            .join('');
          expect(buffer.snapshot()).toBe(expected);
          expect(buffer.lineCount).toBe(Math.min(maxLines, lines.length));
          expect(buffer.byteSize).toBe(utf8Length(expected));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('never holds more than maxBytes of one endless line, keeping its newest part', () => {
    const buffer = new ReplayBuffer({ maxLines: 10, maxBytes: 100 });
    let written = '';
    for (let n = 0; n < 1000; n++) {
      const chunk = `${n % 10}`.repeat(7);
      buffer.append(chunk);
      written += chunk;
      expect(buffer.byteSize).toBeLessThanOrEqual(100);
    }
    expect(buffer.snapshot()).toBe(written.slice(-100));
    expect(buffer.byteSize).toBe(100);
    expect(buffer.lineCount).toBe(1);
  });

  it('drops whole old lines for the byte cap, so the kept text still starts at a line start', () => {
    const buffer = bufferWith(numberedLines(0, 20), { maxLines: 100, maxBytes: 35 });
    expect(buffer.snapshot()).toBe('line 17\r\nline 18\r\nline 19\r\n');
    expect(buffer.byteSize).toBe(27);
  });

  it('cuts an endless line only between sequences, never inside one', () => {
    const unit = '\x1b[38;5;196mred\x1b[0m ';
    const buffer = new ReplayBuffer({ maxLines: 10, maxBytes: 64 });
    for (let n = 0; n < 200; n++) {
      buffer.append(unit.slice(0, 5));
      buffer.append(unit.slice(5));
      expect(buffer.byteSize).toBeLessThanOrEqual(64);
      // The kept text starts at a whole unit or inside its printable part, never within "\x1b[38;5;196m": after
      // the restored colour comes a complete sequence or a printable character.
      const kept = buffer.snapshot().replace('\x1b[0;38;5;196m', '');
      expect(
        kept.startsWith('\x1b[38;5;196m') || kept.startsWith('\x1b[0m') || 'red '.includes(kept[0] ?? ''),
      ).toBe(true);
    }
  });

  it('never keeps half a surrogate pair or an orphaned combining mark when cutting', () => {
    const unit = '😀e\u0301👍🏽';
    for (const maxBytes of [5, 6, 7, 8, 9, 13, 17]) {
      const buffer = new ReplayBuffer({ maxLines: 10, maxBytes });
      for (let n = 0; n < 40; n++) {
        // Chunks split inside surrogate pairs too.
        for (let k = 0; k < unit.length; k += 3) buffer.append(unit.slice(k, k + 3));
        const kept = buffer.snapshot();
        expect(kept).not.toMatch(LONE_SURROGATE);
        expect(kept.charCodeAt(0)).not.toBe(0x0301);
        expect(buffer.byteSize).toBeLessThanOrEqual(maxBytes);
        expect(buffer.byteSize).toBe(utf8Length(kept));
      }
    }
  });

  it('drops an unterminated string sequence larger than the cap, and keeps what follows it', () => {
    const buffer = new ReplayBuffer({ maxLines: 10, maxBytes: 50 });
    buffer.append('\x1b]0;');
    for (let n = 0; n < 20; n++) buffer.append('x'.repeat(20));
    expect(buffer.byteSize).toBeLessThanOrEqual(50);
    buffer.append('\x07after');
    expect(buffer.snapshot()).toBe('after');
  });

  it('keeps memory bounded inside one huge append of many lines', () => {
    const buffer = bufferWith(numberedLines(0, 100_000), RingBufferDefaults);
    expect(buffer.lineCount).toBe(RingBufferDefaults.maxLines);
    expect(buffer.snapshot()).toBe(numberedLines(98_000, 100_000));
  });

  it('measures UTF-8 bytes exactly, emoji and CJK included', () => {
    const text = '日本語 😀 café\n👨‍👩‍👧 done\n';
    const buffer = bufferWith(splitAt(text, [3, 7, 8, 15, 20]), big);
    expect(buffer.byteSize).toBe(utf8Length(text));
    expect(buffer.snapshot()).toBe(text);
  });

  it('handles a long run of tiny appends', () => {
    const buffer = new ReplayBuffer({ maxLines: 5, maxBytes: 1000 });
    for (let n = 0; n < 20_000; n++) buffer.append(n % 100 === 99 ? '\n' : '\r|');
    expect(buffer.lineCount).toBe(5);
    expect(buffer.byteSize).toBeLessThanOrEqual(1000);
    expect(buffer.snapshot()).toBe(`${'\r|'.repeat(99)}\n`.repeat(5));
  });

  it('does no work proportional to the buffer per append (64 MB through a full ring in well under 4 s)', () => {
    // A generous bound (~16 MB/s; measured several hundred MB/s) that still fails if each append rescans or
    // copies the ~250 KB ring: that would take minutes here.
    let block = '';
    for (let n = 0; n < 1000; n++) block += `\x1b[3${n % 8}m${`row ${n} `.padEnd(110, '=')}\x1b[0m\r\n`;
    const chunks: string[] = [];
    for (let at = 0; at < block.length; at += 4096) chunks.push(block.slice(at, at + 4096));
    const buffer = new ReplayBuffer(RingBufferDefaults);
    const started = performance.now();
    let appended = 0;
    while (appended < 64 * 1024 * 1024) {
      for (const chunk of chunks) buffer.append(chunk);
      appended += block.length;
    }
    expect(performance.now() - started).toBeLessThan(4000);
    expect(buffer.lineCount).toBe(RingBufferDefaults.maxLines);
  });

  it('refuses limits that are not positive integers', () => {
    expect(() => new ReplayBuffer({ maxLines: 0, maxBytes: 10 })).toThrow(RangeError);
    expect(() => new ReplayBuffer({ maxLines: 10, maxBytes: 1.5 })).toThrow(RangeError);
    expect(() => new ReplayBuffer({ maxLines: Number.NaN, maxBytes: 10 })).toThrow(/maxLines/);
  });
});

describe('ReplayBuffer replay fidelity', () => {
  const filler = numberedLines(0, 5);

  it.each([
    ['alternate screen', '\x1b[?1049h'],
    ['hidden cursor', '\x1b[?25l'],
    ['bracketed paste', '\x1b[?2004h'],
    ['application cursor keys', '\x1b[?1h'],
    ['application keypad', '\x1b='],
    ['mouse tracking', '\x1b[?1000h'],
    ['button-event mouse', '\x1b[?1002h'],
    ['any-event mouse', '\x1b[?1003h'],
    ['X10 mouse', '\x1b[?9h'],
    ['SGR mouse encoding', '\x1b[?1006h'],
    ['focus events', '\x1b[?1004h'],
    ['origin mode', '\x1b[?6h'],
    ['no auto-wrap', '\x1b[?7l'],
    ['scroll region', '\x1b[3;20r'],
    ['colours', '\x1b[1;38;2;10;20;30;48;5;17m'],
    ['insert mode', '\x1b[4h'],
  ])('restores %s after the line that set it was evicted', (_name, setting) => {
    const buffer = bufferWith(`SET${setting}\r\n${filler}`, { ...big, maxLines: 3 });
    const snapshot = buffer.snapshot();
    expect(snapshot).not.toContain('SET');
    expect(snapshot.endsWith(numberedLines(2, 5))).toBe(true);
    expect(modesAfter(snapshot)).toEqual(buffer.modes);
    expect(buffer.modes).not.toEqual(new ReplayBuffer(big).modes);
  });

  it('restores the line-drawing character set after the line that selected it was evicted', () => {
    const buffer = bufferWith(`SET\x1b(0\x0e\r\n${filler}`, { ...big, maxLines: 3 });
    expect(buffer.snapshot()).toBe(`\x1b(0\x0e${numberedLines(2, 5)}`);
  });

  it('restores nothing when a reset came before the cut', () => {
    for (const reset of ['\x1bc', '\x1b[!p']) {
      const buffer = bufferWith(`\x1b[?2004h\x1b[?1h\x1b[1m\r\n${reset}\r\n${filler}`, {
        ...big,
        maxLines: 3,
      });
      expect(buffer.snapshot()).toBe(numberedLines(2, 5));
    }
  });

  it('restores modes set and reset several times to their last value', () => {
    const buffer = bufferWith(`\x1b[?2004h\r\n\x1b[?2004l\x1b[?25l\r\n\x1b[?25h\x1b[?1h\r\n${filler}`, {
      ...big,
      maxLines: 2,
    });
    expect(buffer.startModes).toMatchObject({
      bracketedPaste: false,
      cursorVisible: true,
      applicationCursorKeys: true,
    });
    expect(buffer.snapshot().startsWith('\x1b[?1h')).toBe(true);
  });

  it('gives the same snapshot, counts and modes however the output is split', () => {
    const pieces = [
      'plain text ',
      'line\r\n',
      '\x1b[?1049h',
      '\x1b[?1049l',
      '\x1b[?2004h',
      '\x1b[?25l',
      '\x1b[?1;1002;1006h',
      '\x1b=',
      '\x1b[2;9r',
      '\x1b[31;1m',
      '\x1b[38:2::9:8:7m',
      '\x1b[0m',
      '\x1b]0;title\x07',
      '\x1b]8;;http://x\x1b\\',
      '\x1bc',
      '\x1b[!p',
      '\x1b7',
      '\x1b8',
      '😀',
      'e\u0301',
      '日本',
      '\x1b(0qq\x1b(B',
      '\x1b[1',
    ];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...pieces), { maxLength: 60 }),
        fc.array(fc.nat(), { maxLength: 12 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 8, max: 400 }),
        (parts, cuts, maxLines, maxBytes) => {
          const output = parts.join('');
          const options = { maxLines, maxBytes };
          const whole = bufferWith(output, options);
          const split = bufferWith(splitAt(output, cuts), options);
          expect(split.snapshot()).toBe(whole.snapshot());
          expect(split.normalScreenSnapshot()).toBe(whole.normalScreenSnapshot());
          expect(split.lineCount).toBe(whole.lineCount);
          expect(split.byteSize).toBe(whole.byteSize);
          expect(split.modes).toEqual(whole.modes);
          // Replaying the snapshot from scratch lands in the live state, whatever was evicted.
          expect(modesAfter(split.snapshot())).toEqual(modesAfter(output));
          expect(split.byteSize).toBeLessThanOrEqual(maxBytes);
          expect(split.lineCount).toBeLessThanOrEqual(maxLines);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('reports the modes in force at the end of the output, as one frozen value per state', () => {
    const buffer = new ReplayBuffer(big);
    buffer.append('\x1b[?1049h\x1b[?2004h');
    const modes = buffer.modes;
    expect(modes).toMatchObject({ alternateScreen: true, bracketedPaste: true });
    expect(Object.isFrozen(modes)).toBe(true);
    expect(buffer.modes).toBe(modes);
    buffer.append('\x1b[?1049l');
    expect(buffer.modes.alternateScreen).toBe(false);
    expect(modes.alternateScreen).toBe(true);
  });
});

describe('ReplayBuffer.normalScreenSnapshot', () => {
  it('leaves out everything written on the alternate screen', () => {
    const buffer = bufferWith(
      '$ vim\r\n\x1b[?1049h\x1b[H\x1b[2J~ vim screen\x1b[?1049l$ ls\r\nfile\r\n',
      big,
    );
    expect(buffer.normalScreenSnapshot()).toBe('\x1b[0m$ vim\r\n$ ls\r\nfile\r\n\x1b[0m');
  });

  it('leaves out an alternate screen that is still active', () => {
    const buffer = bufferWith('$ htop\r\n\x1b[?1049h\x1b[?25l\x1b[?1000h\x1b[Hrunning', big);
    expect(buffer.normalScreenSnapshot()).toBe('\x1b[0m$ htop\r\n\x1b[0m');
  });

  it('starts after the alternate screen when the cut fell inside it', () => {
    const screenLines = numberedLines(0, 10);
    const buffer = bufferWith(`$ less\r\n\x1b[?1049h${screenLines}\x1b[?1049l$ done\r\n`, {
      ...big,
      maxLines: 5,
    });
    expect(buffer.startModes.alternateScreen).toBe(true);
    expect(buffer.normalScreenSnapshot()).toBe('\x1b[0m$ done\r\n\x1b[0m');
  });

  it('keeps the colours in force at the cut and ends with every mode reset', () => {
    const buffer = bufferWith(
      `\x1b[32m${numberedLines(0, 3)}\x1b[?2004h\x1b[?25l\x1b[?1h\x1b=\x1b[?1006;1002h$ `,
      {
        ...big,
        maxLines: 2,
      },
    );
    const restored = buffer.normalScreenSnapshot();
    expect(restored.startsWith('\x1b[0;32mline 2\r\n')).toBe(true);
    expect(modesAfter(restored)).toEqual(modesAfter(''));
  });

  it('does not move the cursor when resetting the scroll region and origin mode', () => {
    const buffer = bufferWith('\x1b[2;10r\x1b[?6hsome text', big);
    expect(buffer.normalScreenSnapshot()).toBe(
      '\x1b[0m\x1b[2;10r\x1b[?6hsome text\x1b7\x1b[r\x1b[?6l\x1b8\x1b[0m',
    );
  });

  it('drops a sequence still being written at the end', () => {
    const buffer = bufferWith('text\x1b]0;half a tit', big);
    expect(buffer.normalScreenSnapshot()).toBe('\x1b[0mtext\x1b[0m');
  });
});
