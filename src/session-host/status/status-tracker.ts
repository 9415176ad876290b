// The status of one session (SessionStatus, src/shared/protocol.ts), assembled from the foreground
// process (polled from /proc) and the output stream (title, bells, OSC 7). It only says something when
// the status changed, and moves lastOutputAt at most once per StatusPolling.lastOutputThrottleMs, so a
// flooding session costs at most one status message a second.
import { StatusPolling } from '../../shared/limits';
import type { SessionStatus } from '../../shared/protocol';
import type { ScannedStatus } from '../mirror/terminal-mirror';
import type { Foreground } from './foreground';

export interface StatusTrackerInit {
  sessionId: string;
  tabId: string;
  /** Shown as the title when nothing better is known (e.g. "bash"). */
  shellName: string;
  cwd: string;
}

function sameStatus(a: SessionStatus, b: SessionStatus): boolean {
  return (
    a.status === b.status &&
    a.exitCode === b.exitCode &&
    a.command === b.command &&
    a.title === b.title &&
    a.cwd === b.cwd &&
    a.bells === b.bells &&
    a.lastOutputAt === b.lastOutputAt
  );
}

export class StatusTracker {
  private readonly current: SessionStatus;
  private lastSent: SessionStatus | null = null;
  private readonly shellName: string;
  private oscTitle: string | null = null;
  /** The /proc cwd at the previous poll: only a change overrides a directory reported by OSC 7. */
  private lastProcCwd: string | null = null;
  private cwdReportsSeen = 0;

  constructor(
    init: StatusTrackerInit,
    private readonly throttleMs: number = StatusPolling.lastOutputThrottleMs,
  ) {
    this.shellName = init.shellName;
    this.current = {
      sessionId: init.sessionId,
      tabId: init.tabId,
      status: 'idle',
      exitCode: null,
      command: null,
      title: init.shellName,
      cwd: init.cwd,
      bells: 0,
      lastOutputAt: 0,
    };
  }

  applyForeground(foreground: Pick<Foreground, 'running' | 'command' | 'cwd'>): void {
    if (this.current.status === 'exited') return;
    this.current.status = foreground.running ? 'running' : 'idle';
    this.current.command = foreground.running ? foreground.command : null;
    if (foreground.cwd !== null && foreground.cwd !== this.lastProcCwd) {
      this.lastProcCwd = foreground.cwd;
      this.current.cwd = foreground.cwd;
    }
    this.updateTitle();
  }

  applyScanner(scanner: ScannedStatus): void {
    this.current.bells = scanner.bells;
    this.oscTitle = scanner.title;
    if (scanner.cwdReports !== this.cwdReportsSeen) {
      this.cwdReportsSeen = scanner.cwdReports;
      this.current.cwd = scanner.reportedCwd;
    }
    this.updateTitle();
  }

  noteOutput(now: number): void {
    if (now - this.current.lastOutputAt >= this.throttleMs) this.current.lastOutputAt = now;
  }

  markExited(exitCode: number | null): void {
    this.current.status = 'exited';
    this.current.exitCode = exitCode;
    this.current.command = null;
    this.updateTitle();
  }

  get status(): Readonly<SessionStatus> {
    return this.current;
  }

  /** The status to send if it differs from the last one sent, else null. */
  takeChange(): SessionStatus | null {
    if (this.lastSent && sameStatus(this.lastSent, this.current)) return null;
    this.lastSent = { ...this.current };
    return { ...this.current };
  }

  private updateTitle(): void {
    this.current.title = this.oscTitle ?? this.current.command ?? this.shellName;
  }
}
