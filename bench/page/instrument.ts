// Runs inside the page before the app loads (bundled to one script by lib/browser.ts). It defines the
// renderer's probe, wraps the page's WebSocket to see every frame (and the acks the renderer sends after
// xterm parsed output), and answers the bench's calls through `window.__bench.call`.
import { ChecksumCapture, PatternScanner } from '../lib/stream-scan';
import type { CaptureResult, MeasureMode, ReplayRecord, StartTrigger, WatchResult } from './bench-api';

interface Mark {
  offset: number;
  resolve(at: number): void;
}

interface Stream {
  received: number;
  probeParsed: number;
  acked: number;
  /** Position in the stream processors are fed from (probe data, or received data in ack mode). */
  fed: number;
  receivedTail: string;
  probeTail: string;
  lastDataAt: number;
  /** Offsets waiting for xterm to parse them (ack mode). */
  marks: Mark[];
  feeders: Array<(chunk: string, offset: number) => void>;
}

interface Watch {
  sessionId: string;
  trigger: StartTrigger;
  scanner: PatternScanner;
  start: number | null;
  /** The first terminal_input this page sent after the start. */
  inputAt: number | null;
  /** When the pattern was seen: on arrival (ack mode) or when parsed (probe mode). */
  matchedAt: number | null;
  end: number | null;
}

interface Capture {
  capture: ChecksumCapture;
  startAt: number | null;
  endAt: number | null;
}

const TAIL = 256;
const OUTPUT_PREFIX = '{"type":"terminal_output"';

const MODE_KEY = 'tabterm-bench-mode';
/** Kept across reloads (sessionStorage), so a reloaded page measures the same way from its first frame. */
let mode: MeasureMode = storedMode();
let probeCalls = 0;
const streams = new Map<string, Stream>();
const tabSessions = new Map<string, string>();
const watches: Watch[] = [];
const captures: Capture[] = [];
const attachSent = new Map<string, number>();
/** The terminal size this page last asked for, per tab (spawn, attach) and per session (attach, resize). */
const sizeByTab = new Map<string, { cols: number; rows: number }>();
const sizeBySession = new Map<string, { cols: number; rows: number }>();
const replays: ReplayRecord[] = [];
const switches: Array<{ tabId: string; start: number | null; end: number | null }> = [];

/** Main-thread time spent in this instrumentation (tap, probe, scanning, hashing), to report its cost. */
let overheadMs = 0;

function timed<A extends unknown[]>(work: (...args: A) => void): (...args: A) => void {
  return (...args: A) => {
    const started = performance.now();
    try {
      work(...args);
    } finally {
      overheadMs += performance.now() - started;
    }
  };
}

function storedMode(): MeasureMode {
  const stored = sessionStorage.getItem(MODE_KEY);
  return stored === 'probe' || stored === 'ack' ? stored : 'undecided';
}

function stream(sessionId: string): Stream {
  let found = streams.get(sessionId);
  if (!found) {
    found = {
      received: 0,
      probeParsed: 0,
      acked: 0,
      fed: 0,
      receivedTail: '',
      probeTail: '',
      lastDataAt: 0,
      marks: [],
      feeders: [],
    };
    streams.set(sessionId, found);
  }
  return found;
}

function tailOf(previous: string, data: string): string {
  return data.length >= TAIL ? data.slice(-TAIL) : (previous + data).slice(-TAIL);
}

/** Resolves `offset` once xterm has parsed up to it. */
function whenParsed(s: Stream, offset: number, resolve: (at: number) => void): void {
  const parsed = mode === 'probe' ? s.probeParsed : s.acked;
  if (parsed >= offset) resolve(performance.now());
  else s.marks.push({ offset, resolve });
}

function settleMarks(s: Stream): void {
  const parsed = mode === 'probe' ? s.probeParsed : s.acked;
  if (s.marks.length === 0) return;
  const now = performance.now();
  const due = s.marks.filter((m) => m.offset <= parsed);
  if (due.length === 0) return;
  s.marks = s.marks.filter((m) => m.offset > parsed);
  for (const mark of due) mark.resolve(now);
}

/** Feeds the processing stream (probe data in probe mode, received data in ack mode). */
function feed(s: Stream, data: string): void {
  const offset = s.fed;
  s.fed += data.length;
  for (const feeder of s.feeders) feeder(data, offset);
}

function onProbeParsed(sessionId: string, data: string): void {
  probeCalls++;
  const s = stream(sessionId);
  s.probeParsed += data.length;
  s.probeTail = tailOf(s.probeTail, data);
  s.lastDataAt = performance.now();
  if (mode === 'probe') feed(s, data);
  settleMarks(s);
}

function onReceived(sessionId: string, data: string, isReplay: boolean, screen = ''): void {
  const s = stream(sessionId);
  const arrivedAt = performance.now();
  const startOffset = mode === 'probe' ? s.probeParsed : s.received;
  // The renderer parses the screen first, then the replay (src/renderer/terminal/replay-pieces.ts).
  if (screen !== '') {
    s.received += screen.length;
    if (mode !== 'probe') feed(s, screen);
  }
  s.received += data.length;
  s.receivedTail = tailOf(s.receivedTail, data);
  s.lastDataAt = arrivedAt;
  if (isReplay) {
    const record: ReplayRecord = {
      sessionId,
      chars: data.length,
      attachSentAt: attachSent.get(sessionId) ?? null,
      screenChars: screen.length,
      arrivedAt,
      screenParsedAt: null,
      screenPaintedAt: null,
      parsedAt: null,
    };
    replays.push(record);
    // In probe mode this assumes nothing received earlier is still unparsed (true on a fresh attach).
    // xterm renders in the frame after a parse; this frame callback runs after its render.
    whenParsed(s, startOffset + (screen === '' ? data.length : screen.length), (at) => {
      record.screenParsedAt = at;
      requestAnimationFrame(() => {
        record.screenPaintedAt = performance.now();
      });
    });
    whenParsed(s, startOffset + screen.length + data.length, (at) => {
      record.parsedAt = at;
    });
  }
  if (mode !== 'probe') feed(s, data);
}

function onAck(sessionId: string, chars: number): void {
  const s = stream(sessionId);
  s.acked += chars;
  if (mode !== 'probe') settleMarks(s);
}

function onFrame(data: unknown): void {
  if (typeof data !== 'string') return;
  // Output frames are the bulk of the traffic: in probe mode they are not needed here.
  if (mode === 'probe' && data.startsWith(OUTPUT_PREFIX)) return;
  let message: unknown;
  try {
    message = JSON.parse(data);
  } catch {
    return;
  }
  if (typeof message !== 'object' || message === null) return;
  const m = message as Record<string, unknown>;
  const sessionId = typeof m.sessionId === 'string' ? m.sessionId : null;
  if (!sessionId) return;
  if ((m.type === 'terminal_output' || m.type === 'terminal_replay') && typeof m.data === 'string') {
    const screen = m.type === 'terminal_replay' && typeof m.screen === 'string' ? m.screen : '';
    onReceived(sessionId, m.data, m.type === 'terminal_replay', screen);
  } else if (m.type === 'terminal_ready' && typeof m.tabId === 'string') {
    tabSessions.set(m.tabId, sessionId);
    stream(sessionId);
  }
}

function onSend(data: string): void {
  if (data.startsWith('{"type":"terminal_input"')) {
    const now = performance.now();
    for (const watch of watches) if (watch.start !== null && watch.inputAt === null) watch.inputAt = now;
    return;
  }
  if (data.startsWith('{"type":"terminal_ack"')) {
    const m = JSON.parse(data) as { sessionId?: unknown; chars?: unknown };
    if (typeof m.sessionId === 'string' && typeof m.chars === 'number') onAck(m.sessionId, m.chars);
    return;
  }
  if (!/^\{"type":"terminal_(attach|spawn|resize)"/.test(data)) return;
  const m = JSON.parse(data) as {
    type: string;
    tabId?: unknown;
    sessionId?: unknown;
    cols?: unknown;
    rows?: unknown;
  };
  const size =
    typeof m.cols === 'number' && typeof m.rows === 'number' ? { cols: m.cols, rows: m.rows } : null;
  if (typeof m.sessionId === 'string') {
    if (m.type === 'terminal_attach') attachSent.set(m.sessionId, performance.now());
    if (size) sizeBySession.set(m.sessionId, size);
  }
  if (typeof m.tabId === 'string' && size) sizeByTab.set(m.tabId, size);
}

function terminalSize(tabId: string): { cols: number; rows: number } | null {
  const sessionId = tabSessions.get(tabId);
  return (sessionId ? sizeBySession.get(sessionId) : undefined) ?? sizeByTab.get(tabId) ?? null;
}

function screenBox(): { width: number; height: number } | null {
  const screen = document.querySelector('.terminal-view:not([hidden]) .xterm-screen');
  if (!screen) return null;
  const box = screen.getBoundingClientRect();
  return { width: box.width, height: box.height };
}

const tappedFrame = timed(onFrame);
const tappedSend = timed(onSend);

function installSocketTap(): void {
  const Native = window.WebSocket;
  class TappedWebSocket extends Native {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      // Registered before the app sets `onmessage`, so this sees each frame first.
      this.addEventListener('message', (event: MessageEvent) => tappedFrame(event.data));
    }
    override send(data: Parameters<WebSocket['send']>[0]): void {
      if (typeof data === 'string') tappedSend(data);
      super.send(data);
    }
  }
  window.WebSocket = TappedWebSocket;
}

function onKeydown(event: KeyboardEvent): void {
  for (const watch of watches) {
    if (watch.start !== null) continue;
    if (event.key.toLowerCase() === watch.trigger.key.toLowerCase()) watch.start = event.timeStamp;
  }
}

/** After a click on a tab: the first frame in which that tab's view is shown, then after its paint. */
function onClick(event: MouseEvent): void {
  const pending = switches.filter((s) => s.start === null);
  if (pending.length === 0) return;
  for (const s of pending) s.start = event.timeStamp;
  const deadline = performance.now() + 5_000;
  const check = () => {
    const open = switches.filter((s) => s.start !== null && s.end === null);
    if (open.length === 0 || performance.now() > deadline) return;
    const shown = open.filter((s) => {
      const view = document.querySelector(`.terminal-view[data-tab-id="${CSS.escape(s.tabId)}"]`);
      return view instanceof HTMLElement && !view.hidden;
    });
    if (shown.length > 0) {
      // A task queued from a frame callback runs after that frame was painted.
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        const at = performance.now();
        for (const s of shown) s.end = at;
      };
      channel.port2.postMessage(0);
    }
    if (shown.length < open.length) requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

function visibleTabId(): string | null {
  for (const view of document.querySelectorAll<HTMLElement>('.terminal-view')) {
    if (!view.hidden && view.dataset.tabId) return view.dataset.tabId;
  }
  return null;
}

function decide(): MeasureMode {
  if (mode === 'undecided') {
    mode = probeCalls > 0 ? 'probe' : 'ack';
    for (const s of streams.values()) s.fed = mode === 'probe' ? s.probeParsed : s.received;
    sessionStorage.setItem(MODE_KEY, mode);
  }
  return mode;
}

function addWatch(sessionId: string, pattern: string, trigger: StartTrigger): number {
  decide();
  const s = stream(sessionId);
  const watch: Watch = {
    sessionId,
    trigger,
    scanner: new PatternScanner(pattern),
    start: null,
    inputAt: null,
    matchedAt: null,
    end: null,
  };
  let done = false;
  s.feeders.push((chunk, offset) => {
    if (done) return;
    const end = watch.scanner.feed(chunk, offset);
    if (end === null) return;
    done = true;
    watch.matchedAt = performance.now();
    whenParsed(s, end, (at) => {
      watch.end = at;
    });
  });
  watches.push(watch);
  return watches.length - 1;
}

function addCapture(sessionId: string, marker: string, length: number): number {
  decide();
  const s = stream(sessionId);
  const entry: Capture = { capture: new ChecksumCapture(marker, length), startAt: null, endAt: null };
  let startSeen = false;
  let endSeen = false;
  s.feeders.push((chunk, offset) => {
    if (endSeen) return;
    entry.capture.feed(chunk, offset);
    const { startOffset, endOffset } = entry.capture.state;
    if (!startSeen && startOffset !== null) {
      startSeen = true;
      whenParsed(s, startOffset, (at) => {
        entry.startAt = at;
      });
    }
    if (endOffset !== null) {
      endSeen = true;
      whenParsed(s, endOffset, (at) => {
        entry.endAt = at;
      });
    }
  });
  captures.push(entry);
  return captures.length - 1;
}

function status() {
  return {
    mode,
    probeCalls,
    overheadMs,
    sessions: Object.fromEntries(tabSessions),
    visibleTabId: visibleTabId(),
    streams: Object.fromEntries(
      [...streams].map(([id, s]) => [
        id,
        {
          received: s.received,
          parsed: mode === 'probe' || (mode === 'undecided' && probeCalls > 0) ? s.probeParsed : s.acked,
          tail: mode === 'probe' || (mode === 'undecided' && probeCalls > 0) ? s.probeTail : s.receivedTail,
          lastDataAt: s.lastDataAt,
        },
      ]),
    ),
  };
}

function text(value: unknown): string {
  if (typeof value !== 'string') throw new Error(`expected a string, got ${typeof value}`);
  return value;
}

function num(value: unknown): number {
  if (typeof value !== 'number') throw new Error(`expected a number, got ${typeof value}`);
  return value;
}

function keyTrigger(value: unknown): StartTrigger {
  const key =
    typeof value === 'object' && value !== null ? (value as Record<string, unknown>).key : undefined;
  return { kind: 'keydown', key: text(key) };
}

function watchResult(id: number): WatchResult {
  const watch = watches[id];
  if (!watch) throw new Error(`no watch ${id}`);
  return { start: watch.start, inputAt: watch.inputAt, matchedAt: watch.matchedAt, end: watch.end };
}

function captureResult(id: number): CaptureResult {
  const entry = captures[id];
  if (!entry) throw new Error(`no capture ${id}`);
  const { captured, hash } = entry.capture.state;
  return { startAt: entry.startAt, endAt: entry.endAt, captured, hash };
}

const methods: Record<string, (args: readonly unknown[]) => unknown> = {
  status: () => status(),
  decide: () => decide(),
  watch: (args) => addWatch(text(args[0]), text(args[1]), keyTrigger(args[2])),
  watchResult: (args) => watchResult(num(args[0])),
  capture: (args) => addCapture(text(args[0]), text(args[1]), num(args[2])),
  captureResult: (args) => captureResult(num(args[0])),
  armSwitch: (args) => {
    switches.push({ tabId: text(args[0]), start: null, end: null });
    return switches.length - 1;
  },
  switchResult: (args) => {
    const s = switches[num(args[0])];
    if (!s) throw new Error('no such switch');
    return { start: s.start, inputAt: null, matchedAt: null, end: s.end };
  },
  replays: () => replays,
  terminalSize: (args) => terminalSize(text(args[0])),
  screenBox: () => screenBox(),
  now: () => performance.now(),
};

window.__tabtermProbe = {
  parsed: timed((sessionId: string, data: string) => onProbeParsed(sessionId, data)),
  attached: (tabId, sessionId) => {
    tabSessions.set(tabId, sessionId);
    stream(sessionId);
  },
};
window.__bench = {
  call(method, args) {
    const run = methods[method];
    if (!run) throw new Error(`no bench method "${method}"`);
    return run(args);
  },
};
installSocketTap();
window.addEventListener('keydown', onKeydown, { capture: true });
window.addEventListener('click', onClick, { capture: true });
