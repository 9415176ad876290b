// Stand-ins for node-pty and the hub channel, shared by the session host's unit and fuzz tests.
import type { HostToHub, SpawnRequest } from '../../shared/host-protocol';
import type { HostLink } from '../link/host-link';
import type { Replay } from '../mirror/terminal-mirror';
import type { PtyExit, PtyProcess, PtySpawnOptions } from '../pty/pty-process';
import type { ScreenMirror } from '../session/session';

/** A spawn request the host accepts: /bin/sh in /tmp at 80×24 for tab `t-<sessionId>`; `patch` changes any field. */
export function spawnRequestFor(sessionId: string, patch: Partial<SpawnRequest> = {}): SpawnRequest {
  return {
    sessionId,
    tabId: `t-${sessionId}`,
    shell: '/bin/sh',
    args: [],
    cwd: '/tmp',
    env: {},
    cols: 80,
    rows: 24,
    ...patch,
  };
}

/** Records what the host did to its PTY; a test drives its output and exit. Like a real PTY, an
 *  exited one emits nothing more. */
export class FakePty implements PtyProcess {
  readonly written: string[] = [];
  readonly calls: string[] = [];
  exited = false;
  private dataListener: (data: string) => void = () => {};
  private exitListener: (exit: PtyExit) => void = () => {};

  constructor(
    readonly pid: number,
    readonly options: PtySpawnOptions,
    public processName = 'bash',
  ) {}

  write(data: string): void {
    this.written.push(data);
  }
  resize(cols: number, rows: number): void {
    this.calls.push(`resize ${cols}x${rows}`);
  }
  pause(): void {
    this.calls.push('pause');
  }
  resume(): void {
    this.calls.push('resume');
  }
  kill(signal: string): void {
    this.calls.push(`kill ${signal}`);
  }
  onData(listener: (data: string) => void): void {
    this.dataListener = listener;
  }
  onExit(listener: (exit: PtyExit) => void): void {
    this.exitListener = listener;
  }
  emitData(data: string): void {
    if (!this.exited) this.dataListener(data);
  }
  emitExit(exit: PtyExit): void {
    if (this.exited) return;
    this.exited = true;
    this.exitListener(exit);
  }
}

/** The channel to the hub: keeps what the host sent; a test can hold it backlogged and drain it. */
export class FakeLink implements HostLink {
  readonly sent: HostToHub[] = [];
  backlogged = false;
  private drain: () => void = () => {};

  send(message: HostToHub): void {
    this.sent.push(message);
  }
  onDrain(listener: () => void): void {
    this.drain = listener;
  }
  onMessage(): void {}
  onDisconnect(): void {}
  drained(): void {
    this.backlogged = false;
    this.drain();
  }
  ofType<T extends HostToHub['type']>(type: T): Extract<HostToHub, { type: T }>[] {
    return this.sent.filter((m): m is Extract<HostToHub, { type: T }> => m.type === type);
  }
}

/** A mirror that parses nothing and answers at once: snapshots are `<modes>` or `<normal>` plus the text written. */
export class FakeMirror implements ScreenMirror {
  text = '';
  size: { cols: number; rows: number } | null = null;
  bells = 0;
  title: string | null = null;
  reportedCwd: string | null = null;
  cwdReports = 0;
  write(data: string, parsed?: () => void): void {
    this.text += data;
    parsed?.();
  }
  resize(cols: number, rows: number): void {
    this.size = { cols, rows };
  }
  snapshot(done: (replay: Replay) => void): void {
    done({ data: `<modes>${this.text}`, screen: null });
  }
  normalSnapshot(done: (data: string) => void): void {
    done(`<normal>${this.text}`);
  }
  dispose(): void {}
}
