import { describe, expect, it } from 'vitest';
import { continuesCharacter, indexAfterBytes, isLowSurrogate } from './text-cut';

describe('indexAfterBytes', () => {
  it('counts UTF-8 bytes: 1 for ASCII, 2 up to U+07FF, 3 for the rest of the BMP, 4 for a surrogate pair', () => {
    const text = 'aé€😀b';
    expect(indexAfterBytes(text, 0, 1)).toBe(1);
    expect(indexAfterBytes(text, 0, 2)).toBe(2);
    expect(indexAfterBytes(text, 0, 3)).toBe(2);
    expect(indexAfterBytes(text, 0, 6)).toBe(3);
    expect(indexAfterBytes(text, 0, 10)).toBe(5);
    // Counting by units may land between the halves of a pair; the caller steps on to a clean cut.
    expect(indexAfterBytes(text, 0, 8)).toBe(4);
    expect(indexAfterBytes(text, 1, 2)).toBe(2);
  });

  it('stops at the end of the text', () => {
    expect(indexAfterBytes('abc', 0, 99)).toBe(3);
    expect(indexAfterBytes('abc', 0, 0)).toBe(0);
  });
});

describe('character continuation', () => {
  it('recognises the second half of a surrogate pair, combining marks, joiners and variation selectors', () => {
    expect(isLowSurrogate('😀'.charCodeAt(1))).toBe(true);
    expect(isLowSurrogate('😀'.charCodeAt(0))).toBe(false);
    for (const code of [0xde00, 0x0301, 0x200d, 0xfe0f, 0x20e3]) expect(continuesCharacter(code)).toBe(true);
    for (const code of [0x41, 0xe9, 0xd83d, 0x4e00]) expect(continuesCharacter(code)).toBe(false);
  });
});
