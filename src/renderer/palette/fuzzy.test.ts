import { describe, expect, it } from 'vitest';
import { fuzzyMatch, fuzzyRank } from './fuzzy';

describe('fuzzyMatch', () => {
  it('matches letters in order whatever the case, ignoring spaces in the query', () => {
    expect(fuzzyMatch('nw tab', 'New Tab')?.positions).toEqual([0, 2, 4, 5, 6]);
    expect(fuzzyMatch('NEWTAB', 'new tab')).not.toBeNull();
    expect(fuzzyMatch('tab new', 'New Tab')).toBeNull();
    expect(fuzzyMatch('x', 'New Tab')).toBeNull();
    expect(fuzzyMatch('', 'anything')).toEqual({ score: 0, positions: [] });
  });

  it('prefers word starts over letters inside words', () => {
    // "ct" could take the c and t of "Actual"; the starts of "Close Tab" are the better reading.
    expect(fuzzyMatch('ct', 'Close Tab')?.positions).toEqual([0, 6]);
    const starts = fuzzyMatch('zi', 'Zoom In')!.score;
    const inside = fuzzyMatch('zi', 'Fizzing')!.score;
    expect(starts).toBeGreaterThan(inside);
  });

  it('prefers consecutive letters, and reads camelCase and punctuation as word starts', () => {
    expect(fuzzyMatch('tab', 'Tab 1')!.score).toBeGreaterThan(fuzzyMatch('tab', 'Toggle a bell')!.score);
    expect(fuzzyMatch('zi', 'view.zoomIn')?.positions).toEqual([5, 9]);
    expect(fuzzyMatch('new', 'New Window')!.score).toBeGreaterThan(fuzzyMatch('new', 'nxexw')!.score);
  });

  it('handles letters outside the BMP (emoji in names) by code point', () => {
    expect(fuzzyMatch('🚀b', '🚀 build')?.positions).toEqual([0, 2]);
  });
});

describe('fuzzyRank', () => {
  const labels = ['Next Tab', 'New Tab', 'New Window', 'Rename Tab…', 'Zoom In'];

  it('puts the closest match first and drops what does not match', () => {
    const ranked = fuzzyRank('nw tab', labels, (l) => l).map((r) => r.item);
    expect(ranked[0]).toBe('New Tab');
    expect(ranked).not.toContain('Zoom In');
    expect(fuzzyRank('new w', labels, (l) => l)[0]?.item).toBe('New Window');
  });

  it('keeps the given order for an empty query and for ties', () => {
    expect(fuzzyRank('', labels, (l) => l).map((r) => r.item)).toEqual(labels);
    expect(fuzzyRank('a', ['b a', 'c a'], (l) => l).map((r) => r.item)).toEqual(['b a', 'c a']);
  });
});
