// One headless xterm per session: the single parser of its output. It holds the screen and scrollback that a
// replay gives back (serialized, so a fresh xterm shows the same cells without the program redrawing), and its
// parser hooks read what status needs (title, cwd, bell) and the shell-integration marks (OSC 133).
// Chosen by measurement over the tracked-mode ring: docs/decisions/replay.md.
import serializePackage from '@xterm/addon-serialize';
import headlessPackage from '@xterm/headless';
import { openSequence } from './open-sequence';
import { parseOsc7 } from './osc7';
import { TrackedModes } from './tracked-modes';

// Both packages are CommonJS bundles whose named exports Node's ESM loader cannot see.
const { Terminal } = headlessPackage;
const { SerializeAddon } = serializePackage;

export interface MirrorOptions {
  cols: number;
  rows: number;
  /** Scrollback lines kept (the ring's line cap). */
  scrollback: number;
}

/** An OSC 133 mark (FinalTerm semantic prompts): A prompt start, B command start, C output start, D done. */
export interface PromptMark {
  kind: string;
  /** D's exit code, when the shell reported one. */
  exitCode: number | null;
}

/**
 * A faithful replay, and the visible screen alone (when there is scrollback before it): a fresh page paints
 * `screen` at once and parses `data` behind it (src/renderer/terminal/replay-writer.ts).
 */
export interface Replay {
  data: string;
  screen: string | null;
}

/** What the status tracker reads after each parse (src/session-host/status/status-tracker.ts). */
export interface ScannedStatus {
  readonly bells: number;
  readonly title: string | null;
  readonly reportedCwd: string | null;
  readonly cwdReports: number;
}

const ALT_SWITCH = '\x1b[?1049h\x1b[H';

/**
 * The serializer ends the normal screen with the live pen, and a switch to the alternate screen fills that screen
 * with the pen's background; the live alternate screen was cleared with the pen in force when the program
 * switched, which programs reset first. The serializer's own switch is the first in its output (cells hold no
 * escape sequences), so the pen is reset just before it.
 */
export function withPlainAltSwitch(serialized: string): string {
  const at = serialized.indexOf(ALT_SWITCH);
  return at < 0 ? serialized : `${serialized.slice(0, at)}\x1b[0m${serialized.slice(at)}`;
}

export class TerminalMirror implements ScannedStatus {
  bells = 0;
  title: string | null = null;
  reportedCwd: string | null = null;
  cwdReports = 0;
  lastMark: PromptMark | null = null;
  marks = 0;

  private readonly terminal: InstanceType<typeof Terminal>;
  private readonly serializer = new SerializeAddon();
  private readonly modes = new TrackedModes();
  /** The written output's unfinished end (open-sequence.ts), which the serializer cannot express. */
  private tail = '';

  constructor(options: MirrorOptions) {
    this.terminal = new Terminal({
      cols: options.cols,
      rows: options.rows,
      scrollback: options.scrollback,
      allowProposedApi: true,
    });
    this.terminal.loadAddon(this.serializer);
    this.hook();
  }

  /** Output in arrival order; `parsed` runs once it (and everything before it) is parsed. */
  write(data: string, parsed?: () => void): void {
    if (data.length > 0) this.tail = openSequence(this.tail === '' ? data : this.tail + data);
    this.terminal.write(data, parsed);
  }

  resize(cols: number, rows: number): void {
    if (cols === this.terminal.cols && rows === this.terminal.rows) return;
    this.terminal.resize(cols, rows);
    this.modes.resetRegion();
  }

  /**
   * What to write into a freshly reset xterm of the same size so it shows what this one shows: scrollback,
   * both screens, cursor, modes and pen. Resolves once all output written so far is parsed, and reflects
   * exactly that output.
   */
  snapshot(done: (replay: Replay) => void): void {
    // The tail is read now, with the output it ends; the parse catches up with exactly that output.
    const tail = this.tail;
    this.afterParse(done, () => {
      const buffer = this.terminal.buffer.active;
      const end = this.modes.restoreSequence({ x: buffer.cursorX, y: buffer.cursorY }) + tail;
      const data = withPlainAltSwitch(this.serializer.serialize()) + end;
      const hasScrollback = this.terminal.buffer.normal.baseY > 0;
      const screen = hasScrollback
        ? withPlainAltSwitch(this.serializer.serialize({ scrollback: 0 })) + end
        : null;
      return { data, screen };
    });
  }

  /**
   * For restoring after an app restart: the normal screen and its scrollback only (a full-screen program is
   * not restored as live), ending with colours and modes at their defaults.
   */
  normalSnapshot(done: (data: string) => void): void {
    this.afterParse(
      done,
      () => `${this.serializer.serialize({ excludeAltBuffer: true, excludeModes: true })}\x1b[0m`,
    );
  }

  get alternateScreen(): boolean {
    return this.terminal.buffer.active.type === 'alternate';
  }

  dispose(): void {
    this.terminal.dispose();
  }

  private afterParse<T>(done: (value: T) => void, read: () => T): void {
    this.terminal.write('', () => done(read()));
  }

  /** snapshot() as a promise, for tests and measurements. */
  snapshotText(): Promise<string> {
    return new Promise((resolve) => this.snapshot((replay) => resolve(replay.data)));
  }

  snapshotReplay(): Promise<Replay> {
    return new Promise((resolve) => this.snapshot(resolve));
  }

  normalSnapshotText(): Promise<string> {
    return new Promise((resolve) => this.normalSnapshot(resolve));
  }

  /** Hooks return false: xterm's own handling of the sequence still runs after them. */
  private hook(): void {
    const { parser } = this.terminal;
    const modes = this.modes;
    this.terminal.onBell(() => {
      this.bells++;
    });
    this.terminal.onTitleChange((title) => {
      this.title = title === '' ? null : title;
    });
    parser.registerOscHandler(7, (payload) => {
      const path = parseOsc7(payload);
      if (path !== null) {
        this.reportedCwd = path;
        this.cwdReports++;
      }
      return false;
    });
    parser.registerOscHandler(133, (payload) => {
      const [kind = '', code] = payload.split(';');
      const exitCode = code !== undefined && /^\d+$/.test(code) ? Number(code) : null;
      this.lastMark = { kind, exitCode };
      this.marks++;
      return false;
    });
    parser.registerCsiHandler({ prefix: '?', final: 'h' }, (params) => {
      modes.privateMode(params, true);
      if (params.some((p) => p === 1049 || p === 1047 || p === 47)) modes.resetRegion();
      return false;
    });
    parser.registerCsiHandler({ prefix: '?', final: 'l' }, (params) => {
      modes.privateMode(params, false);
      if (params.some((p) => p === 1049 || p === 1047 || p === 47)) modes.resetRegion();
      return false;
    });
    parser.registerCsiHandler({ final: 'm' }, (params) => {
      modes.sgr(params);
      return false;
    });
    parser.registerCsiHandler({ final: 'r' }, (params) => {
      modes.scrollRegion(params);
      return false;
    });
    parser.registerCsiHandler({ intermediates: ' ', final: 'q' }, (params) => {
      modes.cursorShape(params);
      return false;
    });
    parser.registerEscHandler({ final: 'c' }, () => {
      modes.reset();
      return false;
    });
  }
}
