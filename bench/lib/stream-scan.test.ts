import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FNV_OFFSET, fnv1aText } from './hash';
import { ChecksumCapture, PatternScanner } from './stream-scan';

/** Cuts `text` at the given positions into chunks, as a transport would. */
function chunks(text: string, cuts: number[]): string[] {
  const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  const out: string[] = [];
  let from = 0;
  for (const p of [...points, text.length]) {
    out.push(text.slice(from, p));
    from = p;
  }
  return out;
}

function feedAll<T>(pieces: string[], feed: (chunk: string, offset: number) => T): T[] {
  let offset = 0;
  return pieces.map((piece) => {
    const result = feed(piece, offset);
    offset += piece.length;
    return result;
  });
}

describe('PatternScanner', () => {
  it('finds a pattern split across chunks and reports the offset just after it', () => {
    const scanner = new PatternScanner('$ ');
    expect(scanner.feed('y\r\ny\r\n^C\r\n$', 100)).toBeNull();
    expect(scanner.feed(' ', 112)).toBe(113);
  });

  it('reports only the first match, whatever comes later', () => {
    const scanner = new PatternScanner('ab');
    expect(scanner.feed('xxab', 0)).toBe(4);
    expect(scanner.feed('ab', 4)).toBe(4);
  });

  it('finds the first occurrence however the stream is cut', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', 'c') }), fc.array(fc.nat()), (text, cuts) => {
        const scanner = new PatternScanner('abc');
        const results = feedAll(chunks(text, cuts), (c, o) => scanner.feed(c, o));
        const index = text.indexOf('abc');
        expect(results.at(-1) ?? null).toBe(index < 0 ? null : index + 3);
      }),
    );
  });
});

describe('ChecksumCapture', () => {
  it('hashes exactly the characters after the marker, however the stream is cut', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 30 }),
        fc.string({ minLength: 1, maxLength: 60 }),
        fc.string({ maxLength: 30 }),
        fc.array(fc.nat()),
        (before, body, after, cuts) => {
          const marker = '~~start~~\r\n';
          fc.pre(!before.includes('~'));
          const text = `${before}${marker}${body}${after}`;
          const capture = new ChecksumCapture(marker, body.length);
          feedAll(chunks(text, cuts), (c, o) => capture.feed(c, o));
          const state = capture.state;
          expect(state.startOffset).toBe(before.length + marker.length);
          expect(state.endOffset).toBe(before.length + marker.length + body.length);
          expect(state.captured).toBe(body.length);
          expect(state.hash).toBe(fnv1aText(FNV_OFFSET, body));
        },
      ),
    );
  });

  it('stays unfinished while the body is incomplete', () => {
    const capture = new ChecksumCapture('>', 10);
    capture.feed('x>12345', 0);
    expect(capture.state.startOffset).toBe(2);
    expect(capture.state.endOffset).toBeNull();
    expect(capture.state.captured).toBe(5);
  });
});
