import { describe, expect, it } from 'vitest';
import { dropSlot, moveIndex } from './drop-position';

describe('dropSlot', () => {
  const mids = [50, 150, 250];

  it('counts the items whose middle is before the pointer', () => {
    expect(dropSlot(mids, 0)).toBe(0);
    expect(dropSlot(mids, 60)).toBe(1);
    expect(dropSlot(mids, 249)).toBe(2);
    expect(dropSlot(mids, 900)).toBe(3);
    expect(dropSlot([], 10)).toBe(0);
  });
});

describe('moveIndex', () => {
  it('converts a gap to the index after removal within one list', () => {
    // [A B C D], A (0) dropped in gap 3 (between C and D) → [B C A D]: index 2
    expect(moveIndex(0, 3)).toBe(2);
    // D (3) dropped in gap 0 → [D A B C]: index 0
    expect(moveIndex(3, 0)).toBe(0);
    // B (1) dropped at the end (gap 4) → [A C D B]: index 3
    expect(moveIndex(1, 4)).toBe(3);
  });

  it('reports no move for the gaps on either side of the item itself', () => {
    expect(moveIndex(2, 2)).toBeNull();
    expect(moveIndex(2, 3)).toBeNull();
  });

  it('uses the gap as is for an item from another list', () => {
    expect(moveIndex(null, 0)).toBe(0);
    expect(moveIndex(null, 5)).toBe(5);
  });
});
