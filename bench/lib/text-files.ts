// The files the bench makes its shells print: a big plain-text file (throughput) and a coloured
// 120-column log (a full replay ring). Deterministic, so checksums are known in advance.
import { closeSync, openSync, writeSync } from 'node:fs';
import { FNV_OFFSET, fnv1aBytes } from './hash';

export interface BigFile {
  path: string;
  bytes: number;
  lines: number;
  /** What a PTY delivers for it: every "\n" becomes "\r\n" (onlcr). */
  ptyChars: number;
  /** FNV-1a of that PTY stream. */
  ptyHash: number;
}

/** Printable ASCII without "$" and "~", so prompts and the bench's markers never occur in the file. */
const ALPHABET = Buffer.from(
  Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i))
    .filter((c) => c !== '$' && c !== '~')
    .join(''),
);

const CR = 0x0d;
const LF = 0x0a;
const CHUNK = 1 << 20;

/** xorshift32: fast, deterministic, good enough to make text that does not repeat. */
function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state;
  };
}

/** Lines of 16-118 characters, exactly `bytes` long in total (the last line is cut to fit). */
export function writeBigFile(path: string, bytes: number): BigFile {
  const next = random(0x7ab7e57);
  const fd = openSync(path, 'w');
  const chunk = Buffer.alloc(CHUNK);
  const crlf = Buffer.from([CR, LF]);
  let hash = FNV_OFFSET;
  let written = 0;
  let lines = 0;
  let lineLeft = 16 + (next() % 103);
  try {
    while (written < bytes) {
      const size = Math.min(CHUNK, bytes - written);
      for (let i = 0; i < size; i++) {
        if (lineLeft === 0 || written + i === bytes - 1) {
          chunk[i] = LF;
          lines++;
          lineLeft = 16 + (next() % 103);
        } else {
          chunk[i] = ALPHABET[next() % ALPHABET.length] as number;
          lineLeft--;
        }
      }
      // The expected PTY stream: hash line by line, a CR before every LF.
      let from = 0;
      for (let i = 0; i < size; i++) {
        if (chunk[i] !== LF) continue;
        hash = fnv1aBytes(hash, chunk, from, i);
        hash = fnv1aBytes(hash, crlf);
        from = i + 1;
      }
      hash = fnv1aBytes(hash, chunk, from, size);
      writeSync(fd, chunk, 0, size);
      written += size;
    }
  } finally {
    closeSync(fd);
  }
  return { path, bytes, lines, ptyChars: bytes + lines, ptyHash: hash };
}

/** `lines` lines of 120 columns with a few SGR colours each, like a coloured build log. */
export function writeColouredLog(path: string, lines: number, cols = 120): void {
  const next = random(0xc0101);
  const out: string[] = [];
  for (let n = 0; n < lines; n++) {
    const prefix = `${String(n).padStart(5, '0')} `;
    let line = `\x1b[2m${prefix}\x1b[0m`;
    let width = prefix.length;
    while (width < cols) {
      const word = Math.min(cols - width, 3 + (next() % 12));
      const colour = 31 + (next() % 7);
      let text = '';
      for (let i = 0; i < word - 1; i++) text += String.fromCharCode(97 + (next() % 26));
      text += width + word >= cols ? String.fromCharCode(97 + (next() % 26)) : ' ';
      line += next() % 3 === 0 ? `\x1b[${colour}m${text}\x1b[0m` : text;
      width += word;
    }
    out.push(line);
  }
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, `${out.join('\n')}\n`);
  } finally {
    closeSync(fd);
  }
}
