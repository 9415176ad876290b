// One live PTY session in the host: its output path (batching → mirror, the one parser of it → channel),
// flow control and status. The registry (host/session-host.ts) owns creation and killing.
import type { HostSessionInfo, HostToHub, SpawnRequest } from '../../shared/host-protocol';
import type { Replay, ScannedStatus } from '../mirror/terminal-mirror';
import type { Foreground, ProcessSource } from '../proc/process-source';
import type { PtyExit, PtyProcess } from '../pty/pty-process';
import type { ActivityPoller, Pollable } from '../status/activity-poller';
import { StatusTracker } from '../status/status-tracker';
import { OutputBatcher } from './output-batcher';

/** What the session needs from its mirror (src/session-host/mirror/terminal-mirror.ts). */
export interface ScreenMirror extends ScannedStatus {
  write(data: string, parsed?: () => void): void;
  resize(cols: number, rows: number): void;
  /** `done` runs once everything written so far is parsed (at once, for a mirror that parses synchronously). */
  snapshot(done: (replay: Replay) => void): void;
  normalSnapshot(done: (data: string) => void): void;
  dispose(): void;
}

export interface SessionDeps {
  send(message: HostToHub): void;
  poller: ActivityPoller;
  processes: ProcessSource;
  /** Wall-clock epoch ms, for lastOutputAt. */
  wallClock(): number;
  /** The shell has exited and every message about it has been sent. */
  onExit(session: Session, exit: PtyExit): void;
}

/** A program's file name, whichever separator its path uses (a login shell's "-zsh" counts as "zsh"). */
function programName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1).replace(/^-/, '');
}

/** comm is the executable's file name cut to 15 bytes (TASK_COMM_LEN - 1). */
function commOf(file: string): string {
  return programName(file).slice(0, 15);
}

export class Session implements Pollable {
  readonly sessionId: string;
  readonly tabId: string;
  readonly pid: number;
  private readonly shell: string;
  private readonly shellComm: string;
  private readonly shellName: string;
  /** A foreground lookup is under way (backends that start a program take a while). */
  private polling = false;
  private cwd: string;
  private cols: number;
  private rows: number;
  private readonly batcher: OutputBatcher;
  /**
   * While a snapshot is being read, this session's messages wait behind it, so each snapshot holds exactly what
   * was sent before it. A slot is a snapshot's reply, filled in when its read is done.
   */
  private readonly held: Array<{ message: HostToHub } | { reply: (() => void) | null }> = [];
  private readonly tracker: StatusTracker;
  private exited: PtyExit | null = null;
  private hubPaused = false;
  private channelPaused = false;
  private ptyPaused = false;

  constructor(
    request: SpawnRequest,
    file: string,
    private readonly pty: PtyProcess,
    private readonly mirror: ScreenMirror,
    private readonly deps: SessionDeps,
  ) {
    this.sessionId = request.sessionId;
    this.tabId = request.tabId;
    this.pid = pty.pid;
    this.shell = request.shell;
    this.shellComm = commOf(file);
    this.shellName = programName(file);
    this.cwd = request.cwd;
    this.cols = request.cols;
    this.rows = request.rows;
    this.tracker = new StatusTracker({
      sessionId: this.sessionId,
      tabId: this.tabId,
      shellName: this.shellName,
      cwd: request.cwd,
    });
    this.batcher = new OutputBatcher((data) => this.emitOutput(data));
    // History restored from disk starts the ring, so every attach replays it; it was never live output.
    if (request.preamble) mirror.write(request.preamble);
    pty.onData((data) => this.batcher.push(data));
    pty.onExit((exit) => this.onPtyExit(exit));
  }

  get info(): HostSessionInfo {
    return {
      sessionId: this.sessionId,
      tabId: this.tabId,
      pid: this.pid,
      shell: this.shell,
      cwd: this.cwd,
      cols: this.cols,
      rows: this.rows,
    };
  }

  get alive(): boolean {
    return this.exited === null;
  }

  /** Send the initial status; called right after `spawned`. */
  start(): void {
    this.sendStatusIfChanged();
  }

  write(data: string): void {
    this.pty.write(data);
    this.deps.poller.touch(this);
  }

  /** The session is being ended: input still queued for it, or sent from now on, goes nowhere. */
  endInput(): void {
    this.pty.dropPendingInput?.();
  }

  resize(cols: number, rows: number): void {
    this.cols = cols;
    this.rows = rows;
    // The mirror's size follows the PTY's, so its wrapping and the program's redraws agree.
    this.mirror.resize(cols, rows);
    try {
      this.pty.resize(cols, rows);
    } catch {
      // The terminal closed under us (the shell just died); its exit event is on its way.
    }
  }

  setHubPaused(paused: boolean): void {
    this.hubPaused = paused;
    this.applyPause();
  }

  setChannelPaused(paused: boolean): void {
    this.channelPaused = paused;
    this.applyPause();
  }

  /**
   * The replay of everything sent so far, handed to `reply` (which sends it). Pending output is flushed first
   * and the session's later messages wait until `reply` has run, so the snapshot contains exactly the `output`
   * messages sent before it (channel order does the rest). `normal`: the normal screen only, for saving.
   */
  snapshot(normal: boolean, reply: (replay: Replay) => void): void {
    this.batcher.flush();
    const slot: { reply: (() => void) | null } = { reply: null };
    this.held.push(slot);
    const done = (replay: Replay) => {
      slot.reply = () => reply(replay);
      this.releaseHeld();
    };
    if (normal) this.mirror.normalSnapshot((data) => done({ data, screen: null }));
    else this.mirror.snapshot(done);
  }

  private releaseHeld(): void {
    while (this.held.length > 0) {
      const front = this.held[0];
      if (front === undefined) return;
      if ('message' in front) this.deps.send(front.message);
      else if (front.reply) front.reply();
      else return;
      this.held.shift();
    }
  }

  /** The terminal ends the platform's own way (node-pty's kill): the reaper's help where it sees no table. */
  killTerminal(signal: NodeJS.Signals): void {
    if (this.alive) this.pty.kill(signal);
  }

  pollStatus(): void {
    if (!this.alive || this.polling) return;
    if (!this.deps.processes.knowsForeground) {
      // No process table: node-pty's foreground process name is what there is.
      const name = programName(this.pty.processName);
      const running = name !== '' && name !== this.shellName;
      this.applyForeground({ running, command: running ? name : null, cwd: null, group: null });
      return;
    }
    this.polling = true;
    void this.deps.processes.foreground(this.pid, this.shellComm).then(
      (foreground) => {
        this.polling = false;
        if (foreground && this.alive) this.applyForeground(foreground);
      },
      () => {
        this.polling = false;
      },
    );
  }

  private applyForeground(foreground: Foreground): void {
    if (foreground.cwd !== null && !foreground.running) this.cwd = foreground.cwd;
    this.tracker.applyForeground(foreground);
    this.sendStatusIfChanged();
  }

  private applyPause(): void {
    const paused = this.alive && (this.hubPaused || this.channelPaused);
    if (paused === this.ptyPaused) return;
    this.ptyPaused = paused;
    if (paused) this.pty.pause();
    else this.pty.resume();
  }

  private emitOutput(data: string): void {
    this.send({ type: 'output', sessionId: this.sessionId, data });
    this.tracker.noteOutput(this.deps.wallClock());
    // Status follows the parse: a title or bell counts once the mirror's parser has seen it.
    this.mirror.write(data, () => {
      this.tracker.applyScanner(this.mirror);
      this.sendStatusIfChanged();
    });
    if (this.alive) this.deps.poller.touch(this);
  }

  private send(message: HostToHub): void {
    if (this.held.length > 0) this.held.push({ message });
    else this.deps.send(message);
  }

  private sendStatusIfChanged(): void {
    const status = this.tracker.takeChange();
    if (status) this.send({ type: 'status', status });
  }

  private onPtyExit(exit: PtyExit): void {
    // node-pty delivers all output before exit; flush it so `exit` is the session's last word.
    this.batcher.flush();
    this.exited = exit;
    this.deps.poller.remove(this);
    // The last output's title and bells are read (parsed) before the exit is told.
    this.mirror.write('', () => {
      this.tracker.markExited(exit.exitCode);
      this.sendStatusIfChanged();
      this.send({ type: 'exit', sessionId: this.sessionId, exitCode: exit.exitCode, signal: exit.signal });
      this.deps.onExit(this, exit);
    });
  }
}
