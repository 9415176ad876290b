import { describe, expect, it } from 'vitest';
import { openSequence } from './open-sequence';

describe('openSequence', () => {
  it('is empty between sequences and characters', () => {
    expect(openSequence('plain text')).toBe('');
    expect(openSequence('a\x1b[31mred\x1b[0m')).toBe('');
    expect(openSequence('\x1b]0;title\x07')).toBe('');
    expect(openSequence('\x1b]0;title\x1b\\')).toBe('');
    expect(openSequence('\x1b(B')).toBe('');
    expect(openSequence('\x1b7')).toBe('');
  });

  it('gives back a cut CSI, ESC or string sequence from its ESC', () => {
    expect(openSequence('text\x1b')).toBe('\x1b');
    expect(openSequence('text\x1b[')).toBe('\x1b[');
    expect(openSequence('text\x1b[38;5')).toBe('\x1b[38;5');
    expect(openSequence('text\x1b[?10')).toBe('\x1b[?10');
    expect(openSequence('text\x1b(')).toBe('\x1b(');
    expect(openSequence('\x1b[0mtext\x1b]0;half a ti')).toBe('\x1b]0;half a ti');
    expect(openSequence('\x1bPq#0;2;0;0;0')).toBe('\x1bPq#0;2;0;0;0');
  });

  it('keeps a string whose ST is cut after its ESC', () => {
    expect(openSequence('x\x1b]7;file:///tmp\x1b')).toBe('\x1b]7;file:///tmp\x1b');
    expect(openSequence('\x1b]0;done\x07\x1b')).toBe('\x1b');
  });

  it('gives back the first half of a cut UTF-16 pair', () => {
    expect(openSequence('smile \ud83d')).toBe('\ud83d');
    expect(openSequence('smile \ud83d\ude00')).toBe('');
  });
});
