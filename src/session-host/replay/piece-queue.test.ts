import { describe, expect, it } from 'vitest';
import { PieceQueue } from './piece-queue';

function texts(queue: PieceQueue): string[] {
  const out: string[] = [];
  queue.appendTextsTo(out);
  return out;
}

describe('PieceQueue', () => {
  it('gives pieces back oldest first, with their sizes and line ends', () => {
    const queue = new PieceQueue();
    queue.push('a\n', 2, true);
    queue.push('b', 1, false);
    expect(queue.length).toBe(2);
    expect([queue.frontText, queue.frontBytes, queue.frontEndsLine]).toEqual(['a\n', 2, true]);
    expect(queue.lastEndsLine).toBe(false);
    queue.shift();
    expect([queue.frontText, queue.frontBytes, queue.frontEndsLine]).toEqual(['b', 1, false]);
  });

  it('stays in FIFO order while it wraps around and grows', () => {
    const queue = new PieceQueue();
    const expected: string[] = [];
    for (let n = 0; n < 1000; n++) {
      queue.push(String(n), 1, n % 2 === 0);
      expected.push(String(n));
      if (n % 3 === 0) {
        queue.shift();
        expected.shift();
      }
    }
    expect(texts(queue)).toEqual(expected);
    expect(queue.length).toBe(expected.length);
  });

  it('shrinks after a burst and keeps its content', () => {
    const queue = new PieceQueue();
    for (let n = 0; n < 10_000; n++) queue.push(String(n), 1, true);
    for (let n = 0; n < 9_990; n++) queue.shift();
    expect(texts(queue)).toEqual(Array.from({ length: 10 }, (_, k) => String(9_990 + k)));
  });

  it('replaces the oldest piece in place', () => {
    const queue = new PieceQueue();
    queue.push('hello', 5, false);
    queue.push('world\n', 6, true);
    queue.replaceFront('llo', 3);
    expect(texts(queue)).toEqual(['llo', 'world\n']);
    expect(queue.frontBytes).toBe(3);
    expect(queue.frontEndsLine).toBe(false);
  });
});
