// Lines Tabterm itself writes into a terminal, dim so they read as notes, not program output.
// Each first puts the terminal back into plain mode: a program that died in vim or less leaves the
// alternate screen, mouse tracking or bracketed paste on, and the next shell must not inherit them.
const PLAIN_MODE =
  '\x1b[?1047l' + // back to the normal screen (1049 would also restore an old cursor position)
  '\x1b[!p' + // soft reset (DECSTR): cursor visible, origin and insert modes off, attributes reset
  '\x1b[?1l' + // normal cursor keys
  '\x1b[?1000l\x1b[?1002l\x1b[?1003l\x1b[?1006l' + // mouse tracking off
  '\x1b[?2004l'; // bracketed paste off

const DIM = '\x1b[2m';
const RESET = '\x1b[0m';

function note(text: string): string {
  return `${PLAIN_MODE}\r\n${DIM}${text}${RESET}\r\n`;
}

export function clockTime(date: Date): string {
  return [date.getHours(), date.getMinutes(), date.getSeconds()]
    .map((n) => String(n).padStart(2, '0'))
    .join(':');
}

/** Above a respawned shell: the old text stays, this line says where the new session begins. */
export function restartedMarker(date: Date): string {
  return note(`── session restarted ${clockTime(date)} ──`);
}

/** Nothing reads input under these notes: no cursor inviting to type (a restart shows it again). */
const HIDE_CURSOR = '\x1b[?25l';

export function exitedMarker(exitCode: number | null, signal: number | null): string {
  const how =
    exitCode === null && signal !== null
      ? `was ended by signal ${signal}`
      : `exited with code ${exitCode ?? 0}`;
  return note(`[process ${how} — press Enter to restart]`) + HIDE_CURSOR;
}

export function lostMarker(): string {
  return (
    note('── session lost (the session host stopped) — press Enter or click to restart ──') + HIDE_CURSOR
  );
}
