// Where the byte cap may cut into a line: counting UTF-8 bytes the way the scanner does, and characters a kept
// text must not start with because they belong to the character before them.

/** UTF-8 size of one UTF-16 unit as the scanner counts it (a surrogate pair: 2 + 2). */
function unitBytes(code: number): number {
  if (code < 0x80) return 1;
  if (code < 0x800 || (code & 0xf800) === 0xd800) return 2;
  return 3;
}

/** The first index at or after `start` such that text[start, index) holds at least `bytes` UTF-8 bytes. */
export function indexAfterBytes(text: string, start: number, bytes: number): number {
  let i = start;
  let counted = 0;
  while (i < text.length && counted < bytes) counted += unitBytes(text.charCodeAt(i++));
  return i;
}

export function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Code units that extend the previous character: cutting before one would orphan it. */
export function continuesCharacter(code: number): boolean {
  return (
    isLowSurrogate(code) ||
    (code >= 0x0300 && code <= 0x036f) || // combining diacritical marks
    (code >= 0x1ab0 && code <= 0x1aff) ||
    (code >= 0x1dc0 && code <= 0x1dff) ||
    (code >= 0x20d0 && code <= 0x20ff) ||
    code === 0x200c || // zero-width non-joiner
    code === 0x200d || // zero-width joiner (emoji sequences)
    (code >= 0xfe00 && code <= 0xfe0f) || // variation selectors
    (code >= 0xfe20 && code <= 0xfe2f)
  );
}
