// File paths in terminal output that a modifier-click opens (the main side resolves and checks
// them: hub/path-open.ts). Absolute POSIX paths, ~/ and ./ or ../ paths, Windows drive, UNC and .\
// paths, each with an optional :line or :line:col (which the OS opener cannot use, so it is kept
// apart). A path must start at the start of a word, so URLs (`https://host/x`) and words with a slash
// inside (`and/or`) are not taken for paths. Paths with spaces are not found: output does not say
// where they end.

export interface FoundPath {
  /** Offsets in the line of the whole match, :line:col included (end exclusive). */
  start: number;
  end: number;
  path: string;
  line: number | null;
  column: number | null;
}

const BEFORE = String.raw`(?<=^|[\s'"\x60(\[{<=,])`;
const POSIX_START = String.raw`(?:~|\.{1,2})?/`;
const WINDOWS_START = String.raw`(?:[A-Za-z]:[\\/]|\.{1,2}\\|~\\|\\\\[^\s\\/]+\\)`;
const BODY = String.raw`[^\s'"\x60<>|(){}\[\]]*`;
const PATH = new RegExp(`${BEFORE}(?:${WINDOWS_START}|${POSIX_START})${BODY}`, 'g');
const POSITION = /:(\d+)(?::(\d+))?$/;
const TRAILING = /[.,;:!?]$/;

export function findPaths(text: string): FoundPath[] {
  const found: FoundPath[] = [];
  for (const match of text.matchAll(PATH)) {
    const start = match.index;
    const token = withoutTrailingPunctuation(match[0]);
    let path = token;
    let line: number | null = null;
    let column: number | null = null;
    const position = POSITION.exec(token);
    if (position) {
      path = token.slice(0, position.index);
      line = Number(position[1]);
      column = position[2] === undefined ? null : Number(position[2]);
    }
    if (!isWorthALink(path)) continue;
    found.push({ start, end: start + token.length, path, line, column });
  }
  return found;
}

/** Sentence punctuation after a path is not part of it; a path ending in "/.." or "/." keeps its dots. */
function withoutTrailingPunctuation(token: string): string {
  let text = token;
  while (TRAILING.test(text) && !/(?:^|[\\/])\.\.?$/.test(text)) text = text.slice(0, -1);
  return text;
}

/** A lone "/" or "./", or "//" (a protocol-relative URL, a comment), is not worth a link. */
function isWorthALink(path: string): boolean {
  if (path === '~/' || path === '~\\') return true;
  if (/^(?:\.{0,2}[\\/])$/.test(path)) return false;
  if (path.startsWith('//')) return false;
  return !/^[A-Za-z]:[\\/]$/.test(path) || path.length > 3;
}
