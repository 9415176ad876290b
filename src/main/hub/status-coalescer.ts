// Session statuses reach clients at most once per interval per session (DESIGN.md §3): a program that
// changes its title in a loop used to send a full layout and a status per output batch to every client,
// idle ones included (378 layouts, 5.6 MB in 5 s). The first change after a quiet spell goes at once, so
// running/idle still shows without delay; changes after it are merged and the latest goes at the end.
import type { SessionStatus } from '../../shared/protocol';

export interface CoalescerClock {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: CoalescerClock = {
  now: () => Date.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

interface Pending {
  status: SessionStatus | null;
  lastSentAt: number;
  timer: unknown;
}

export class StatusCoalescer {
  private readonly sessions = new Map<string, Pending>();

  constructor(
    private readonly emit: (status: SessionStatus) => void,
    private readonly intervalMs: number,
    private readonly clock: CoalescerClock = realTimers,
  ) {}

  push(status: SessionStatus): void {
    const entry = this.sessions.get(status.sessionId) ?? { status: null, lastSentAt: -Infinity, timer: null };
    this.sessions.set(status.sessionId, entry);
    const wait = entry.lastSentAt + this.intervalMs - this.clock.now();
    if (entry.timer === null && wait <= 0) {
      this.send(entry, status);
      return;
    }
    entry.status = status;
    entry.timer ??= this.clock.setTimeout(() => {
      entry.timer = null;
      if (entry.status) this.send(entry, entry.status);
    }, wait);
  }

  /** Sends `status` now, in place of anything still waiting (an exit must not be overtaken). */
  pushNow(status: SessionStatus): void {
    this.forget(status.sessionId);
    this.emit(status);
  }

  /** The session ended or left: what waits for it is dropped. */
  forget(sessionId: string): void {
    const entry = this.sessions.get(sessionId);
    if (entry?.timer) this.clock.clearTimeout(entry.timer);
    this.sessions.delete(sessionId);
  }

  dispose(): void {
    for (const id of [...this.sessions.keys()]) this.forget(id);
  }

  private send(entry: Pending, status: SessionStatus): void {
    entry.status = null;
    entry.lastSentAt = this.clock.now();
    this.emit(status);
  }
}
