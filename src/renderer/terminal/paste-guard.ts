// Whether a paste must be confirmed first, and what the confirmation shows. A line break in pasted
// text runs everything before it as a command, so text with one is confirmed, and so is a very large
// text. That holds under bracketed paste too (VS Code skips the warning there, Windows Terminal does
// not): the program asking for bracketed paste may be a remote shell we know nothing about, and the
// text itself can carry the end-of-paste marker, after which the rest runs as typed (xterm does not
// remove it); we remove both markers as well, and still ask.
export interface PasteRules {
  confirmMultiline: boolean;
  /** 0: size alone never asks. */
  confirmOverChars: number;
}

export interface PasteReview {
  /** Lines the text holds (a final line break does not start another). */
  lines: number;
  chars: number;
  multiline: boolean;
  large: boolean;
  preview: string;
}

const LINE_BREAK = /\r\n|\r|\n/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the markers begin with ESC
const PASTE_MARKERS = /\x1b\[20[01]~/g;
const PREVIEW_LINES = 6;
const PREVIEW_CHARS = 400;

/** What is actually sent: the text without bracketed-paste markers that would end the bracket early. */
export function cleanPaste(text: string): string {
  return text.replace(PASTE_MARKERS, '');
}

export function lineCount(text: string): number {
  if (text === '') return 0;
  const lines = text.split(LINE_BREAK);
  return lines.at(-1) === '' ? lines.length - 1 : lines.length;
}

/** null: paste at once; otherwise ask, showing this. */
export function reviewPaste(text: string, rules: PasteRules): PasteReview | null {
  const multiline = rules.confirmMultiline && LINE_BREAK.test(text);
  const large = rules.confirmOverChars > 0 && text.length > rules.confirmOverChars;
  if (!multiline && !large) return null;
  return { lines: lineCount(text), chars: text.length, multiline, large, preview: previewOf(text) };
}

/** The start of the text, with control characters made visible (an escape must not hide in it). */
export function previewOf(text: string): string {
  const lines = text.split(LINE_BREAK);
  let shown = lines.slice(0, PREVIEW_LINES).join('\n');
  let cut = lines.length > PREVIEW_LINES && lines.slice(PREVIEW_LINES).some((line) => line !== '');
  if (shown.length > PREVIEW_CHARS) {
    shown = shown.slice(0, PREVIEW_CHARS);
    cut = true;
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is made visible
  const visible = shown.replace(/[\x00-\x08\x0b-\x1f\x7f]/g, (char) =>
    char === '\x1b' ? '␛' : String.fromCharCode(0x2400 + (char === '\x7f' ? 0x21 : char.charCodeAt(0))),
  );
  return cut ? `${visible}\n…` : visible;
}

export function pasteQuestion(review: PasteReview): string {
  const lines = review.lines === 1 ? '1 line' : `${review.lines} lines`;
  const size = `${review.chars.toLocaleString('en')} characters`;
  return review.multiline
    ? `This text has ${lines} (${size}); each line break runs what comes before it.`
    : `This text is large: ${size}.`;
}
