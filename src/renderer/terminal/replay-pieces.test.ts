import { describe, expect, it } from 'vitest';
import { replayPieces, SWAP_BEGIN, SWAP_END, slices } from './replay-pieces';

describe('replayPieces', () => {
  it('writes a replay without a screen as it is', () => {
    expect(replayPieces('abc', undefined, 2)).toEqual([{ kind: 'output', text: 'abc' }]);
  });

  it('paints the screen first, then swaps in the whole replay in slices inside one synchronized block', () => {
    const pieces = replayPieces('0123456789', 'screen', 4);
    expect(pieces).toEqual([
      { kind: 'output', text: 'screen' },
      { kind: 'paint' },
      { kind: 'note', text: SWAP_BEGIN },
      { kind: 'output', text: '0123' },
      { kind: 'output', text: '4567' },
      { kind: 'output', text: '89' },
      { kind: 'note', text: SWAP_END },
    ]);
    // What is acked (and what the bench counts) is exactly what the hub sent.
    const acked = pieces.filter((p) => p.kind === 'output').reduce((n, p) => n + p.text.length, 0);
    expect(acked).toBe('0123456789'.length + 'screen'.length);
  });

  it('never cuts a surrogate pair', () => {
    expect(slices('ab😀cd', 3)).toEqual(['ab', '😀c', 'd']);
    expect(slices('', 3)).toEqual([]);
  });
});
