// Two terminals compared the way a user would see them: screen text and cell colours, scrollback, cursor,
// active screen and every mode an application can query. The oracle for replay fidelity (@xterm/headless is the
// same parser and buffer the renderer's xterm uses).
import { type IBufferCell, Terminal } from '@xterm/headless';
import { expect } from 'vitest';

export function newTerminal(cols: number, rows: number, scrollback = 20_000): Terminal {
  return new Terminal({ cols, rows, scrollback, allowProposedApi: true });
}

export function write(terminal: Terminal, data: string): Promise<void> {
  return new Promise((resolve) => terminal.write(data, resolve));
}

/**
 * A cell's look. Palette colours count as one mode: the serializer writes palette colour 0–15 chosen with
 * 38;5;n/48;5;n as 30–37/40–47/90–97, which xterm paints the same (it records the two forms apart).
 */
export function cellStyle(cell: IBufferCell): string {
  const mode = (palette: boolean, raw: number) => (palette ? 'palette' : raw);
  return [
    mode(cell.isFgPalette(), cell.getFgColorMode()),
    cell.getFgColor(),
    mode(cell.isBgPalette(), cell.getBgColorMode()),
    cell.getBgColor(),
    cell.isBold(),
    cell.isDim(),
    cell.isItalic(),
    cell.isUnderline(),
    cell.isBlink(),
    cell.isInverse(),
    cell.isInvisible(),
    cell.isStrikethrough(),
    cell.isOverline(),
  ].join(',');
}

/** Rows `from`…`to` (exclusive) of the active buffer, every cell with its character and style. */
export function cells(terminal: Terminal, from: number, to: number): string[] {
  const buffer = terminal.buffer.active;
  const cell = buffer.getNullCell();
  const rows: string[] = [];
  for (let y = from; y < to; y++) {
    const line = buffer.getLine(y);
    const row: string[] = [];
    for (let x = 0; x < terminal.cols; x++) {
      line?.getCell(x, cell);
      row.push(`${cell.getChars() || ' '}|${cellStyle(cell)}`);
    }
    rows.push(`${line?.isWrapped ? 'wrapped ' : ''}${row.join(' ')}`);
  }
  return rows;
}

/** The visible screen, cell by cell. */
export function screenCells(terminal: Terminal): string[] {
  const { baseY } = terminal.buffer.active;
  return cells(terminal, baseY, baseY + terminal.rows);
}

export function screenText(terminal: Terminal): string[] {
  const buffer = terminal.buffer.active;
  return Array.from(
    { length: terminal.rows },
    (_, y) => buffer.getLine(buffer.baseY + y)?.translateToString(true) ?? '',
  );
}

export function allLines(terminal: Terminal): string[] {
  const buffer = terminal.buffer.active;
  return Array.from({ length: buffer.length }, (_, y) => buffer.getLine(y)?.translateToString(true) ?? '');
}

const PRIVATE_MODES = [
  1, 6, 7, 9, 12, 25, 45, 66, 1000, 1002, 1003, 1004, 1005, 1006, 1015, 1016, 1049, 2004,
];
const ANSI_MODES = [4, 20];

/** Every mode xterm.js reports through DECRQM, asked the way an application would. */
export async function reportedModes(terminal: Terminal): Promise<string> {
  let replies = '';
  const listener = terminal.onData((data) => {
    replies += data;
  });
  for (const mode of PRIVATE_MODES) await write(terminal, `\x1b[?${mode}$p`);
  for (const mode of ANSI_MODES) await write(terminal, `\x1b[${mode}$p`);
  listener.dispose();
  return replies;
}

export async function expectSameTerminal(replayed: Terminal, live: Terminal): Promise<void> {
  expect(replayed.buffer.active.type).toBe(live.buffer.active.type);
  expect(screenText(replayed)).toEqual(screenText(live));
  expect(screenCells(replayed)).toEqual(screenCells(live));
  if (live.buffer.active.type === 'normal') {
    // All the replayed scrollback, colours included, equals the newest part of the live one.
    const kept = replayed.buffer.active.length;
    const liveLength = live.buffer.active.length;
    expect(cells(replayed, 0, kept)).toEqual(cells(live, liveLength - kept, liveLength));
  }
  expect([replayed.buffer.active.cursorX, replayed.buffer.active.cursorY]).toEqual([
    live.buffer.active.cursorX,
    live.buffer.active.cursorY,
  ]);
  expect(replayed.modes).toEqual(live.modes);
  expect(await reportedModes(replayed)).toBe(await reportedModes(live));
}

/** Writes the same probe to both terminals (a character in the current colours) and compares again. */
export async function expectSamePen(replayed: Terminal, live: Terminal): Promise<void> {
  await write(live, '@');
  await write(replayed, '@');
  expect(screenCells(replayed)).toEqual(screenCells(live));
}
