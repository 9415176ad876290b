// Replay fidelity measured against the real renderer: the same output goes to a live @xterm/headless terminal
// (A) and to a session's TerminalMirror; the mirror's snapshot is written into a fresh terminal (B) of the same
// size, and B must show what A shows: screen text and colours, cursor, active screen, modes — and stay equal as
// live output continues, with no redraw by the program. Nothing here spawns processes.

import type { Terminal } from '@xterm/headless';
import { describe, expect, it } from 'vitest';
import { TerminalMirror } from '../../src/session-host/mirror/terminal-mirror';
import { RingBufferDefaults } from '../../src/shared/limits';
import {
  allLines,
  expectSamePen,
  expectSameTerminal,
  newTerminal as newSizedTerminal,
  reportedModes,
  screenText,
  write,
} from './helpers/terminal-compare';

const COLS = 120;
const ROWS = 30;

function newTerminal(scrollback = 20_000): Terminal {
  return newSizedTerminal(COLS, ROWS, scrollback);
}

function numbered(from: number, to: number): string {
  let out = '';
  for (let n = from; n <= to; n++) out += `line ${String(n).padStart(5, '0')} ${'.'.repeat(n % 50)}\r\n`;
  return out;
}

function newMirror(scrollback: number = RingBufferDefaults.maxLines): TerminalMirror {
  return new TerminalMirror({ cols: COLS, rows: ROWS, scrollback });
}

/** Feeds output to the live terminal and the mirror in the same (odd-sized) chunks. */
async function feed(live: Terminal, ring: TerminalMirror, output: string, chunkSize = 4093): Promise<void> {
  for (let at = 0; at < output.length; at += chunkSize) {
    const chunk = output.slice(at, at + chunkSize);
    ring.write(chunk);
    await write(live, chunk);
  }
}

async function replayInto(snapshot: string, scrollback = 20_000): Promise<Terminal> {
  const terminal = newTerminal(scrollback);
  await write(terminal, snapshot);
  return terminal;
}

describe('replay fidelity against @xterm/headless', () => {
  it('gives back exactly the last 2000 lines of scrollback and the screen of 10 000 lines, in order, with no gap and no duplicate', async () => {
    const live = newTerminal();
    const ring = newMirror();
    await feed(live, ring, `${numbered(1, 10_000)}$ `);

    const replayed = await replayInto(await ring.snapshotText());
    const kept = allLines(replayed).filter((line) => line.startsWith('line '));
    // 2000 lines of scrollback plus the screen, whose last row is the prompt.
    expect(kept).toEqual(
      allLines(live)
        .filter((line) => line.startsWith('line '))
        .slice(-(2000 + ROWS - 1)),
    );
    expect(kept[0]).toMatch(/^line 07972 /);
    expect(kept.at(-1)).toMatch(/^line 10000 /);
    expect(new Set(kept).size).toBe(kept.length);
    await expectSameTerminal(replayed, live);
  });

  it('replays colours, including a colour still in force where the kept text begins', async () => {
    const live = newTerminal();
    const ring = newMirror(500);
    let output = '';
    for (let n = 0; n < 3000; n++) {
      // Each block of 7 lines sets a colour once and only resets it after its last line, so the cut falls
      // inside a block. Backgrounds are reset before each line break, as programs do (see the report on
      // background-colour erase), foreground and attributes are not.
      if (n % 7 === 0) output += `\x1b[${31 + (n % 6)};1;3m`;
      output += `${n} \x1b[38;2;${n % 256};100;200mtrue\x1b[3${n % 8}m \x1b[4:3;58;5;9mcurly\x1b[24m \x1b[7minv\x1b[27m`;
      output += ` \x1b[48;5;${n % 256}mbg\x1b[49m ${'é😀'.repeat(n % 4)}\r\n`;
      if (n % 7 === 6) output += '\x1b[0m';
    }
    output += '\x1b[35;3m$ ';
    await feed(live, ring, output, 1021);
    const replayed = await replayInto(await ring.snapshotText());
    await expectSameTerminal(replayed, live);
    await expectSamePen(replayed, live);
  });

  it('replays a full-screen program whose setup was evicted, and stays equal as it keeps drawing', async () => {
    const live = newTerminal();
    const ring = newMirror(300);
    const bottom = ROWS - 1;
    // A pager-like session: prompt, then the program enters the alternate screen, sets its modes and a scroll
    // region above a status line, draws a screen with cursor moves, and then scrolls many lines through it.
    let session = '$ logview\r\n\x1b[?1049h\x1b[?1h\x1b=\x1b[?2004h\x1b[?1002h\x1b[?1006h\x1b[?25l';
    session += `\x1b[1;${bottom}r\x1b[H\x1b[2J`;
    for (let y = 1; y <= bottom; y++) session += `\x1b[${y};1H\x1b[2m~\x1b[0m initial row ${y}`;
    session += `\x1b[${ROWS};1H\x1b[7m status \x1b[27m`;
    for (let n = 0; n < 1000; n++) {
      session += `\x1b[${bottom};1H\n\x1b[3${n % 8}mentry ${n}\x1b[0m ${'-'.repeat(n % 60)}`;
      if (n % 50 === 0) session += `\x1b[${ROWS};1H\x1b[K\x1b[7m status ${n} \x1b[27m`;
    }
    session += `\x1b[12;40H`;
    await feed(live, ring, session, 997);

    const snapshot = await ring.snapshotText();
    expect(snapshot).not.toContain('initial row');
    const replayed = await replayInto(snapshot);
    await expectSameTerminal(replayed, live);

    // Live output continues on both: scrolling must stay inside the restored region, keys in their modes.
    let more = '';
    for (let n = 0; n < 40; n++) more += `\x1b[${bottom};1H\nmore ${n}\x1b[${ROWS};1H\x1b[K status more ${n}`;
    await write(live, more);
    await write(replayed, more);
    await expectSameTerminal(replayed, live);

    // Leaving the program: the screen switches back and every mode it set is reset on both.
    const exit = '\x1b[r\x1b[?1006l\x1b[?1002l\x1b[?2004l\x1b>\x1b[?1l\x1b[?25h\x1b[?1049l';
    await write(live, exit);
    await write(replayed, exit);
    expect(replayed.buffer.active.type).toBe('normal');
    expect(await reportedModes(replayed)).toBe(await reportedModes(live));
  });

  it('restores bracketed paste, application cursor and keypad modes after the lines setting them were evicted', async () => {
    const live = newTerminal();
    const ring = newMirror();
    await feed(live, ring, `\x1b[?2004h\x1b[?1h\x1b=\x1b[?1004h$ run\r\n${numbered(1, 2500)}$ `);
    const snapshot = await ring.snapshotText();
    expect(snapshot).not.toContain('$ run');
    const replayed = await replayInto(snapshot);
    expect(replayed.modes).toMatchObject({
      bracketedPasteMode: true,
      applicationCursorKeysMode: true,
      applicationKeypadMode: true,
      sendFocusMode: true,
    });
    await expectSameTerminal(replayed, live);
  });

  it('keeps a progress line redrawn in place for ever as the one line it shows', async () => {
    const live = newTerminal();
    const ring = newMirror();
    let output = '$ download\r\n';
    for (let n = 0; n <= 20_000; n++) {
      const done = Math.floor(n / 400);
      output += `\r\x1b[32m[${'#'.repeat(done)}${' '.repeat(50 - done)}]\x1b[0m ${(n / 200).toFixed(1)}%`;
    }
    await feed(live, ring, output);
    const snapshot = await ring.snapshotText();
    // The screen is kept, not the 20 000 redraws that made it.
    expect(snapshot.length).toBeLessThan(4096);
    const replayed = await replayInto(snapshot);
    await expectSameTerminal(replayed, live);
  });

  it('restores after an app restart only the normal screen, with modes back to default', async () => {
    const live = newTerminal();
    const ring = newMirror();
    let output = `$ ls\r\n${numbered(1, 40)}$ vim notes\r\n\x1b[?1049h\x1b[?1h\x1b=\x1b[H\x1b[2J`;
    for (let y = 1; y <= ROWS; y++) output += `\x1b[${y};1H~ vim row ${y}`;
    output +=
      '\x1b[?1l\x1b>\x1b[?1049l$ echo done\r\ndone\r\n$ htop\r\n\x1b[?1049h\x1b[?25l\x1b[?1000h\x1b[Hhtop screen';
    await feed(live, ring, output);

    const restored = await replayInto(await ring.normalSnapshotText());
    expect(restored.buffer.active.type).toBe('normal');
    const liveNormal = live.buffer.normal;
    const normalLines = Array.from({ length: liveNormal.length }, (_, y) =>
      liveNormal.getLine(y)?.translateToString(true),
    );
    expect(allLines(restored)).toEqual(normalLines);
    expect(allLines(restored).join('\n')).not.toContain('vim row');
    expect(await reportedModes(restored)).toBe(await reportedModes(newTerminal()));
  });

  it('keeps a vim-style message line drawn once, long before, without the program redrawing or being resized', async () => {
    const live = newTerminal();
    const ring = newMirror();
    const bottom = ROWS - 1;
    // vim -u NONE -N file: alternate screen, the file, the message line once, then scrolling in a region
    // (Ctrl-E held) for far more lines than the scrollback holds; the message line is never written again.
    let output = '$ vim -u NONE -N ~/fid.txt\r\n\x1b[?1049h\x1b[?1h\x1b=\x1b[?2004h\x1b[H\x1b[2J';
    for (let y = 1; y <= bottom; y++) output += `\x1b[${y};1Hfile line ${y}`;
    output += `\x1b[${ROWS};1H"~/fid.txt" 60L, 1011B\x1b[1;1H`;
    for (let n = 0; n < 5000; n++)
      output += `\x1b[1;${bottom}r\x1b[${bottom};1H\n\x1b[34mline ${n}\x1b[0m\x1b[r\x1b[1;1H`;
    await feed(live, ring, output, 997);
    const replayed = await replayInto(await ring.snapshotText());
    expect(screenText(replayed).at(-1)).toBe('"~/fid.txt" 60L, 1011B');
    await expectSameTerminal(replayed, live);
  });

  it('restores mouse modes and encoding, a hidden cursor, its style and the pen mid-draw', async () => {
    const live = newTerminal();
    const ring = newMirror();
    let output = `${numbered(1, 50)}\x1b[?1049h\x1b[?1003h\x1b[?1006h\x1b[?25l\x1b[5 q\x1b[H`;
    for (let y = 1; y <= ROWS; y++) output += `\x1b[${y};1H\x1b[K\x1b[${31 + (y % 6)}mrow ${y}`;
    output += '\x1b[5;10H\x1b[1;4;44mhalf-drawn';
    await feed(live, ring, output);
    const replayed = await replayInto(await ring.snapshotText());
    await expectSameTerminal(replayed, live);
    await expectSamePen(replayed, live);
  });

  it('replays a long wrapped line as wrapped, and an escape sequence cut by the snapshot completes after it', async () => {
    const live = newTerminal();
    const ring = newMirror();
    await feed(live, ring, `$ echo\r\n${'w'.repeat(COLS * 2 + 17)}\r\n$ \x1b[3`);
    const replayed = await replayInto(await ring.snapshotText());
    const rest = '1mred\x1b[0m';
    await write(live, rest);
    await write(replayed, rest);
    await expectSameTerminal(replayed, live);
  });
});
