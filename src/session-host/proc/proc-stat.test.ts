import { describe, expect, it } from 'vitest';
import { isGone, isStopped, parseStat } from './proc-stat';

const tail = '0 0 0 0 0 0 0 0 20 0 1 0 98765 0 0';

describe('parseStat', () => {
  it('reads the fields the session host uses', () => {
    expect(parseStat(`4242 (bash) S 100 4242 4242 34816 4300 4194560 ${tail}`)).toEqual({
      pid: 4242,
      comm: 'bash',
      state: 'S',
      ppid: 100,
      pgid: 4242,
      sid: 4242,
      tpgid: 4300,
      startTime: 98765,
    });
  });

  it('copes with spaces and parentheses inside the command name', () => {
    const stat = parseStat(`77 (my (odd) prog) ) T 1 77 70 0 -1 0 ${tail}`);
    expect(stat?.comm).toBe('my (odd) prog) ');
    expect(stat?.state).toBe('T');
    expect(stat?.tpgid).toBe(-1);
    expect(stat && isStopped(stat)).toBe(true);
  });

  it('refuses truncated or garbled text', () => {
    expect(parseStat('')).toBeNull();
    expect(parseStat('12 (x) S 1 2')).toBeNull();
    expect(parseStat(`12 (x) S one 2 3 4 5 6 ${tail}`)).toBeNull();
  });

  it('treats zombies as ended', () => {
    const zombie = parseStat(`9 (sleep) Z 1 9 9 0 -1 0 ${tail}`);
    expect(zombie && isGone(zombie)).toBe(true);
  });
});
