// How a replay is written into a terminal so that the screen shows at once. A full replay is the session's
// scrollback and screen, serialized: a fresh page needs 130–280 ms to parse a full ring (xterm's first parse
// is slow before the JIT has warmed up), and nothing shows until it is done. With a `screen` (the visible
// screen alone, a few kB), that is written first and painted (a paint barrier makes xterm draw a frame
// before it goes on). Then the whole replay is parsed inside a synchronized-output block (DEC mode 2026:
// xterm holds its rendering until the block ends) that starts with a full reset, so the page swaps from the
// first screen to the same screen with its scrollback in one frame. The replay goes in slices, so xterm
// yields to input and paint between them instead of parsing it in one long task.

/** Output is session data (acked, counted by the probe); a note is Tabterm's own (neither). */
export type ReplayPiece =
  | { kind: 'output'; text: string }
  | { kind: 'note'; text: string }
  | { kind: 'paint' };

/** RIS resets the sync mode too, so the block is opened again at once, in the same parse. */
export const SWAP_BEGIN = '\x1b[?2026h\x1bc\x1b[?2026h';
export const SWAP_END = '\x1b[?2026l';

/** Slices of `text`, none longer than `max`, never cutting a surrogate pair. */
export function slices(text: string, max: number): string[] {
  const out: string[] = [];
  let at = 0;
  while (at < text.length) {
    let end = Math.min(text.length, at + max);
    const code = text.charCodeAt(end - 1);
    if (end < text.length && end - at > 1 && code >= 0xd800 && code <= 0xdbff) end--;
    out.push(text.slice(at, end));
    at = end;
  }
  return out;
}

export function replayPieces(data: string, screen: string | undefined, sliceChars: number): ReplayPiece[] {
  if (screen === undefined || screen === '') return [{ kind: 'output', text: data }];
  return [
    { kind: 'output', text: screen },
    // xterm would otherwise parse on into the block in the same task and never draw the screen alone.
    { kind: 'paint' },
    { kind: 'note', text: SWAP_BEGIN },
    ...slices(data, sliceChars).map((text): ReplayPiece => ({ kind: 'output', text })),
    { kind: 'note', text: SWAP_END },
  ];
}
