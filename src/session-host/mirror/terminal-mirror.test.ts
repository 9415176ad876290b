import { describe, expect, it } from 'vitest';
import { TerminalMirror, withPlainAltSwitch } from './terminal-mirror';
import { TrackedModes } from './tracked-modes';

function mirror(): TerminalMirror {
  return new TerminalMirror({ cols: 40, rows: 10, scrollback: 100 });
}

function parsed(target: TerminalMirror, data: string): Promise<void> {
  return new Promise((resolve) => target.write(data, resolve));
}

describe('TerminalMirror status from its parser', () => {
  it('counts bells and keeps the last title (an empty title is none)', async () => {
    const m = mirror();
    await parsed(m, 'a\x07b\x1b]0;first\x07\x07\x1b]2;second\x1b\\');
    expect(m.bells).toBe(2);
    expect(m.title).toBe('second');
    await parsed(m, '\x1b]0;\x07');
    expect(m.title).toBeNull();
  });

  it('counts cwd reports, including a repeat of the same directory, and ignores bad ones', async () => {
    const m = mirror();
    await parsed(m, '\x1b]7;file://h/home/me\x07\x1b]7;file://h/home/me\x07\x1b]7;nonsense\x07');
    expect(m.reportedCwd).toBe('/home/me');
    expect(m.cwdReports).toBe(2);
  });

  it('reads OSC 133 marks with the exit code of D', async () => {
    const m = mirror();
    await parsed(m, '\x1b]133;A\x07$ \x1b]133;B\x07ls\r\n\x1b]133;C\x07out\r\n\x1b]133;D;2\x07');
    expect(m.marks).toBe(4);
    expect(m.lastMark).toEqual({ kind: 'D', exitCode: 2 });
    await parsed(m, '\x1b]133;D\x07');
    expect(m.lastMark).toEqual({ kind: 'D', exitCode: null });
  });
});

describe('TerminalMirror snapshots', () => {
  it('holds exactly the output written before it was asked for, not what follows', async () => {
    const m = mirror();
    m.write('before\r\n');
    const snapshot = m.snapshotText();
    m.write('after\r\n');
    const text = await snapshot;
    expect(text).toContain('before');
    expect(text).not.toContain('after');
  });

  it('ends with a sequence cut by the last chunk, so the next output completes it', async () => {
    const m = mirror();
    m.write('red: \x1b[3');
    expect((await m.snapshotText()).endsWith('\x1b[3')).toBe(true);
    m.write('1mX');
    expect((await m.snapshotText()).endsWith('\x1b[3')).toBe(false);
  });

  it('for saving, leaves out the alternate screen and ends with the pen reset', async () => {
    const m = mirror();
    await parsed(m, 'shell text\r\n\x1b[?1049h\x1b[31mprogram screen');
    expect(m.alternateScreen).toBe(true);
    const saved = await m.normalSnapshotText();
    expect(saved).toContain('shell text');
    expect(saved).not.toContain('program screen');
    expect(saved.endsWith('\x1b[0m')).toBe(true);
  });

  it('resets the pen right before its switch to the alternate screen, once', () => {
    expect(withPlainAltSwitch('a\x1b[31m\x1b[?1049h\x1b[Hb')).toBe('a\x1b[31m\x1b[0m\x1b[?1049h\x1b[Hb');
    expect(withPlainAltSwitch('plain')).toBe('plain');
  });
});

describe('TrackedModes', () => {
  it('writes only what differs from a fresh terminal, the scroll region first with the cursor put back', () => {
    const modes = new TrackedModes();
    // The pen is always written, as a fresh terminal's.
    expect(modes.restoreSequence({ x: 0, y: 0 })).toBe('\x1b[0m');
    modes.scrollRegion([2, 20]);
    modes.privateMode([25], false);
    modes.cursorShape([5]);
    expect(modes.restoreSequence({ x: 4, y: 9 })).toBe('\x1b[2;20r\x1b[10;5H\x1b[?25l\x1b[5 q\x1b[0m');
    modes.sgr([1, 31]);
    expect(modes.restoreSequence({ x: 4, y: 9 }).endsWith('\x1b[0;1;31m')).toBe(true);
  });

  it('keeps one mouse encoding: setting one replaces another, resetting goes back to none', () => {
    const modes = new TrackedModes();
    modes.privateMode([1005], true);
    modes.privateMode([1006], true);
    expect(modes.restoreSequence({ x: 0, y: 0 })).toBe('\x1b[?1006h\x1b[0m');
    modes.privateMode([1006], false);
    expect(modes.restoreSequence({ x: 0, y: 0 })).toBe('\x1b[0m');
  });

  it('forgets the scroll region on resize or screen switch, and everything on a full reset', () => {
    const modes = new TrackedModes();
    modes.scrollRegion([1, 5]);
    modes.resetRegion();
    expect(modes.restoreSequence({ x: 0, y: 0 })).toBe('\x1b[0m');
    modes.privateMode([12], true);
    modes.sgr([1, 31]);
    modes.reset();
    expect(modes.restoreSequence({ x: 0, y: 0 })).toBe(modes.restoreSequence({ x: 3, y: 3 }));
    expect(new TrackedModes().restoreSequence({ x: 0, y: 0 })).toBe(modes.restoreSequence({ x: 0, y: 0 }));
  });
});
