// The throughput ceiling (bundled to one script by lib/ceiling.ts): the same xterm build, options,
// font, theme and size as a Tabterm tab, fed the same PTY stream from memory in 64 KiB chunks, with no
// socket, no acks and nothing else on the page. What xterm does here is the most Tabterm could do.
import { Unicode11Addon } from '@xterm/addon-unicode11';
import { Terminal } from '@xterm/xterm';
import { resolveScheme, terminalTheme } from '../../src/renderer/terminal/themes';
import { defaultSettings } from '../../src/shared/settings';
import { FNV_OFFSET, fnv1aText } from '../lib/hash';

const CHUNK_CHARS = 64 * 1024;
/**
 * Writes kept queued in xterm: enough that it never waits for the next one, far below the 50 MB at
 * which xterm starts discarding writes.
 */
const IN_FLIGHT = 8;

export interface CeilingRun {
  seconds: number;
  chars: number;
  /** FNV-1a of what xterm reported parsed, in order. */
  hash: number;
}

declare global {
  interface Window {
    __ceiling?: {
      load(url: string, cols: number, rows: number): Promise<number>;
      run(): Promise<CeilingRun>;
    };
  }
}

let chunks: string[] = [];
let term: Terminal | null = null;

/** Fetches the source file and turns it into the stream a PTY delivers (onlcr: "\n" → "\r\n"). */
async function load(url: string, cols: number, rows: number): Promise<number> {
  const text = await (await fetch(url)).text();
  const stream = text.replace(/\n/g, '\r\n');
  chunks = [];
  for (let at = 0; at < stream.length; at += CHUNK_CHARS) chunks.push(stream.slice(at, at + CHUNK_CHARS));
  const settings = defaultSettings();
  term = new Terminal({
    cols,
    rows,
    allowProposedApi: true,
    fontFamily: settings.fontFamily,
    fontSize: settings.fontSize,
    scrollback: settings.scrollbackLines,
    theme: terminalTheme(resolveScheme(settings)),
    cursorBlink: true,
  });
  term.loadAddon(new Unicode11Addon());
  term.unicode.activeVersion = '11';
  const box = document.getElementById('terminal');
  if (!box) throw new Error('no #terminal');
  term.open(box);
  return stream.length;
}

function run(): Promise<CeilingRun> {
  const t = term;
  if (!t) return Promise.reject(new Error('load first'));
  return new Promise((resolve) => {
    let next = 0;
    let parsed = 0;
    let chars = 0;
    let hash = FNV_OFFSET;
    const started = performance.now();
    const writeNext = () => {
      const chunk = chunks[next++];
      if (chunk === undefined) return;
      t.write(chunk, () => {
        // Hashed as the Tabterm page's instrumentation hashes what it parsed: the same cost in both.
        hash = fnv1aText(hash, chunk);
        chars += chunk.length;
        parsed++;
        if (parsed === chunks.length) {
          resolve({ seconds: (performance.now() - started) / 1000, chars, hash });
        } else {
          writeNext();
        }
      });
    };
    for (let i = 0; i < IN_FLIGHT; i++) writeNext();
  });
}

window.__ceiling = { load, run };
