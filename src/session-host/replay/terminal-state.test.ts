import { describe, expect, it } from 'vitest';
import { ModeTracker } from './mode-tracker';
import type { TerminalModes } from './terminal-state';

function track(output: string): ModeTracker {
  const tracker = new ModeTracker();
  tracker.feed(output);
  return tracker;
}

function modesAfter(output: string): TerminalModes {
  return track(output).state.modes;
}

/** The restore sequence applied to a fresh tracker reproduces the modes it was made from. */
function roundTrip(output: string): { restore: string; same: boolean } {
  const original = track(output).state;
  const restore = original.restoreSequence();
  const rebuilt = track(restore).state;
  return { restore, same: JSON.stringify(rebuilt.modes) === JSON.stringify(original.modes) };
}

describe('TerminalState', () => {
  it('starts with the power-on defaults and restores nothing', () => {
    const state = track('').state;
    expect(state.modes).toEqual({
      alternateScreen: false,
      cursorVisible: true,
      bracketedPaste: false,
      applicationCursorKeys: false,
      applicationKeypad: false,
      mouseTracking: 'none',
      mouseEncoding: 'default',
      focusEvents: false,
      originMode: false,
      autoWrap: true,
      reverseWraparound: false,
      insertMode: false,
      newLineMode: false,
      scrollRegion: null,
      cursorStyle: 0,
      sgr: '',
    });
    expect(state.restoreSequence()).toBe('');
  });

  it.each([
    ['alternate screen', '\x1b[?1049h', { alternateScreen: true }],
    ['hidden cursor', '\x1b[?25l', { cursorVisible: false }],
    ['bracketed paste', '\x1b[?2004h', { bracketedPaste: true }],
    ['application cursor keys', '\x1b[?1h', { applicationCursorKeys: true }],
    ['application keypad (ESC =)', '\x1b=', { applicationKeypad: true }],
    ['application keypad (DECNKM)', '\x1b[?66h', { applicationKeypad: true }],
    ['X10 mouse', '\x1b[?9h', { mouseTracking: 'x10' }],
    ['button-event mouse', '\x1b[?1000h\x1b[?1002h', { mouseTracking: 'drag' }],
    ['any-event mouse + SGR encoding', '\x1b[?1003;1006h', { mouseTracking: 'any', mouseEncoding: 'sgr' }],
    ['SGR-pixels encoding', '\x1b[?1016h', { mouseEncoding: 'sgr-pixels' }],
    ['focus events', '\x1b[?1004h', { focusEvents: true }],
    ['origin mode', '\x1b[?6h', { originMode: true }],
    ['no auto-wrap', '\x1b[?7l', { autoWrap: false }],
    ['reverse wraparound', '\x1b[?45h', { reverseWraparound: true }],
    ['insert mode', '\x1b[4h', { insertMode: true }],
    ['new-line mode', '\x1b[20h', { newLineMode: true }],
    ['scroll region', '\x1b[2;20r', { scrollRegion: { top: 2, bottom: 20 } }],
    ['scroll region to the last row', '\x1b[5r', { scrollRegion: { top: 5, bottom: 0 } }],
    ['cursor style', '\x1b[5 q', { cursorStyle: 5 }],
    ['colours', '\x1b[1;38;5;208m', { sgr: '1;38;5;208' }],
  ] as const)('tracks %s and restores it from scratch', (_name, output, expected) => {
    expect(modesAfter(output)).toMatchObject(expected);
    const { restore, same } = roundTrip(output);
    expect(restore).not.toBe('');
    expect(same).toBe(true);
  });

  it('turns modes off again', () => {
    const modes = modesAfter(
      '\x1b[?1049h\x1b[?25l\x1b[?2004h\x1b[?1h\x1b=\x1b[?1002h\x1b[?1006h\x1b[?1004h\x1b[?7l\x1b[4h' +
        '\x1b[?1049l\x1b[?25h\x1b[?2004l\x1b[?1l\x1b>\x1b[?1000l\x1b[?1006l\x1b[?1004l\x1b[?7h\x1b[4l',
    );
    expect(modes).toEqual(modesAfter(''));
  });

  it('resets every mouse tracking mode with the reset of any of them, as xterm.js does', () => {
    expect(modesAfter('\x1b[?1003h\x1b[?9l').mouseTracking).toBe('none');
  });

  it('keeps a scroll region per screen and forgets the alternate one when leaving it', () => {
    expect(modesAfter('\x1b[3;10r\x1b[?1049h').scrollRegion).toBeNull();
    expect(modesAfter('\x1b[3;10r\x1b[?1049h\x1b[2;5r').scrollRegion).toEqual({ top: 2, bottom: 5 });
    expect(modesAfter('\x1b[3;10r\x1b[?1049h\x1b[2;5r\x1b[?1049l').scrollRegion).toEqual({
      top: 3,
      bottom: 10,
    });
    expect(modesAfter('\x1b[?1049h\x1b[2;5r\x1b[?1049l\x1b[?1049h').scrollRegion).toBeNull();
    const { restore, same } = roundTrip('\x1b[3;10r\x1b[?1049h\x1b[2;5r');
    expect(restore.indexOf('\x1b[3;10r')).toBeLessThan(restore.indexOf('\x1b[?1049h'));
    expect(same).toBe(true);
  });

  it('ignores scroll regions no terminal size can accept and treats the full screen as none', () => {
    expect(modesAfter('\x1b[2;9r\x1b[9;3r').scrollRegion).toEqual({ top: 2, bottom: 9 });
    expect(modesAfter('\x1b[2;9r\x1b[r').scrollRegion).toBeNull();
    expect(modesAfter('\x1b[2;9r\x1b[1;0r').scrollRegion).toBeNull();
  });

  it('restores the colours saved by DECSC on DECRC, per screen, and by leaving a 1049 alternate screen', () => {
    expect(modesAfter('\x1b[31m\x1b7\x1b[32m\x1b8').sgr).toBe('31');
    expect(modesAfter('\x1b[31m\x1b[s\x1b[32m\x1b[u').sgr).toBe('31');
    expect(modesAfter('\x1b[32m\x1b8').sgr).toBe('');
    expect(modesAfter('\x1b[31m\x1b[?1049h\x1b[33;44m\x1b[?1049l').sgr).toBe('31');
    expect(modesAfter('\x1b[31m\x1b[?47h\x1b[33m\x1b[?47l').sgr).toBe('33');
  });

  it('restores the colours a later DECRC or 1049 exit will bring back', () => {
    const state = track('\x1b[35m\x1b[?1049h\x1b[0m').state;
    const rebuilt = track(`${state.restoreSequence()}\x1b[?1049l`).state;
    expect(rebuilt.modes.sgr).toBe('35');
    const saved = track('\x1b[36m\x1b7\x1b[0m').state;
    expect(track(`${saved.restoreSequence()}\x1b8`).state.modes.sgr).toBe('36');
  });

  it('soft reset (DECSTR) resets modes but keeps mouse tracking and the active screen, like xterm.js', () => {
    const modes = modesAfter(
      '\x1b[?1049h\x1b[?1000h\x1b[?25l\x1b[?2004h\x1b[?1h\x1b[?6h\x1b[?7l\x1b[2;5r\x1b[1m\x1b[!p',
    );
    expect(modes).toMatchObject({
      alternateScreen: true,
      mouseTracking: 'vt200',
      cursorVisible: true,
      bracketedPaste: false,
      applicationCursorKeys: false,
      originMode: false,
      autoWrap: true,
      scrollRegion: null,
      sgr: '',
    });
  });

  it('full reset (RIS) returns to defaults on the normal screen, keeping what xterm.js keeps', () => {
    const all =
      '\x1b[2;9r\x1b[?1049h\x1b[?1003h\x1b[?1006h\x1b[?2004h\x1b[?1h\x1b=\x1b[?1004h\x1b[4h\x1b[20h\x1b[?25l\x1b[3 q\x1b[1m';
    expect(modesAfter(`${all}\x1bc`)).toEqual({ ...modesAfter(''), cursorVisible: false, newLineMode: true });
  });

  it('tracks character set designations and shifts, and restores them', () => {
    const state = track('\x1b(0\x1b)A\x0e').state;
    expect(state.charsets).toEqual(['(0', ')A', '', '']);
    expect(state.glLevel).toBe(1);
    expect(state.restoreSequence()).toBe('\x1b(0\x1b)A\x0e');
    expect(track('\x1b(0\x1b(B').state.charsets[0]).toBe('');
    expect(track('\x1b(0\x1b(X').state.charsets[0]).toBe('(0');
    expect(track('\x1b(0\x0e\x1b%G').state).toMatchObject({ glLevel: 0, charsets: ['', '', '', ''] });
  });

  it('resetSequence turns every mode off without moving the cursor', () => {
    const state = track(
      '\x1b[2;9r\x1b[?6h\x1b[?1002h\x1b[?1006h\x1b[?2004h\x1b[?25l\x1b=\x1b(0\x0e\x1b[31m',
    ).state;
    const reset = state.resetSequence();
    expect(reset.startsWith('\x1b7\x1b[r\x1b[?6l\x1b8')).toBe(true);
    const after = track(
      `\x1b[2;9r\x1b[?6h\x1b[?1002h\x1b[?1006h\x1b[?2004h\x1b[?25l\x1b=\x1b(0\x0e\x1b[31m${reset}`,
    ).state;
    expect(after.modes).toEqual(modesAfter(''));
    expect(after.charsets).toEqual(['', '', '', '']);
    expect(after.glLevel).toBe(0);
  });

  it('clones independently', () => {
    const tracker = track('\x1b[?2004h\x1b[31m');
    const copy = tracker.clone();
    tracker.feed('\x1b[?2004l\x1b[0m');
    expect(copy.state.modes).toMatchObject({ bracketedPaste: true, sgr: '31' });
    expect(tracker.state.modes).toMatchObject({ bracketedPaste: false, sgr: '' });
  });
});
