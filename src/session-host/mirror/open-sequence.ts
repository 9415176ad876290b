// The end of the output that a terminal has not finished parsing: an escape sequence or a UTF-16 pair cut by a
// chunk boundary. A snapshot serializes the screen, not the parser, so this tail goes after it: the next live
// output then completes it in the fresh terminal as it does in the live one. Found by searching back from the
// end, so nothing scans every byte a second time.

const ESC = '\x1b';
const BEL = '\x07';
/** Longer unfinished sequences are payloads no terminal keeps (xterm caps OSC data); they are dropped. */
const MAX_TAIL = 65_536;

/** Introducers of strings ended by ST (or BEL, for OSC): OSC, DCS, SOS, PM, APC. */
const STRING_STARTS = new Set([']', 'P', 'X', '^', '_']);

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** Whether the sequence starting with ESC at `at` is complete within `text`. */
function complete(text: string, at: number): boolean {
  const kind = text[at + 1];
  if (kind === undefined) return false;
  if (STRING_STARTS.has(kind)) {
    const bel = kind === ']' ? text.indexOf(BEL, at + 2) : -1;
    return bel >= 0 || text.indexOf(`${ESC}\\`, at + 2) >= 0;
  }
  if (kind === '[') {
    for (let i = at + 2; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code >= 0x40 && code <= 0x7e) return true;
      // CAN and SUB abort a sequence.
      if (code === 0x18 || code === 0x1a) return true;
    }
    return false;
  }
  // ESC, optional intermediates (0x20–0x2f), final.
  for (let i = at + 1; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code > 0x2f) return true;
  }
  return false;
}

/** The unfinished end of `text` (empty when it ends between sequences and characters). */
export function openSequence(text: string): string {
  let tail = '';
  let at = text.lastIndexOf(ESC);
  if (at >= 0 && at === text.length - 1) {
    // A lone ESC may be the first half of the ST closing a string begun earlier.
    const before = text.lastIndexOf(ESC, at - 1);
    if (before >= 0 && STRING_STARTS.has(text[before + 1] ?? '') && !complete(text.slice(0, at), before)) {
      at = before;
    }
  }
  if (at >= 0 && !complete(text, at)) tail = text.slice(at);
  else if (text.length > 0 && isHighSurrogate(text.charCodeAt(text.length - 1))) tail = text.slice(-1);
  return tail.length > MAX_TAIL ? '' : tail;
}
