import { describe, expect, it } from 'vitest';
import { chunkInput } from './input-chunks';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('chunkInput', () => {
  it('keeps small input whole', () => {
    expect(chunkInput('ls\r', 10)).toEqual(['ls\r']);
    expect(chunkInput('', 10)).toEqual([]);
  });

  it('splits large input into pieces no longer than the limit that join back exactly', () => {
    const data = 'x'.repeat(25);
    const chunks = chunkInput(data, 10);
    expect(chunks.map((c) => c.length)).toEqual([10, 10, 5]);
    expect(chunks.join('')).toBe(data);
  });

  it('never separates a surrogate pair', () => {
    const data = `abc${'😀'.repeat(5)}`;
    const chunks = chunkInput(data, 4);
    expect(chunks.join('')).toBe(data);
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(4);
      expect(LONE_SURROGATE.test(chunk)).toBe(false);
    }
  });
});
