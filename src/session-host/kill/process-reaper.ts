// Ends every process of a session (DESIGN.md §5): SIGHUP (plus SIGCONT to stopped ones, so they see the
// hangup), a grace period, SIGKILL for what is left, then verification. The process table is read again
// on every tick, so processes forked during the grace period (a loop that ignores HUP, say) are caught too.
// One loop and one table read per tick serve all sessions being reaped at once: `shutdown` reaps them in
// parallel and 100 simultaneous kills cost 100 set lookups per tick, not 100 reads.
//
// Where no process table can be read at all (proc-source.ts and friends found nothing), the reaper still
// never lets a session go unsignalled: it hangs up the terminal's process group and the shell, asks the
// terminal itself to end (node-pty's kill), SIGKILLs the group after the grace period, and is done once
// neither the shell nor any member of its group is left (signal 0 tells). On Windows (a table, but no
// process groups) the terminal's own kill is used beside the table.
import { isStopped } from '../proc/proc-stat';
import {
  type ProcessTable,
  type SessionIdentity,
  sessionIdentity,
  sessionProcesses,
} from '../proc/process-tree';

export interface ReapTarget {
  /** The host whose marker the processes carry: this one, or one that died. */
  hostId: string;
  /** One session, or null for every process marked by `hostId` (what a dead host left behind). */
  sessionId: string | null;
  /** The shell while it lives; null once it has exited. */
  shellPid: number | null;
  /** The terminal's process group (the shell's pid: it leads it), also after the shell exited; null if unknown. */
  group?: number | null;
  /** Ends the terminal the platform's own way (node-pty's kill); absent once it is gone. */
  killTerminal?: (signal: NodeJS.Signals) => void;
}

export interface ReapOptions {
  /** Time between SIGHUP and SIGKILL. */
  graceMs: number;
  /** Give up (and report survivors) this long after the start. */
  timeoutMs: number;
}

export interface ReapResult {
  /** Some process ignored SIGHUP and had to be SIGKILLed. */
  forced: boolean;
  /** Processes still alive when the timeout ran out. */
  survivors: number[];
}

export interface ReaperDeps {
  /** The process table now, or null when none can be read. */
  scan(): ProcessTable | null | Promise<ProcessTable | null>;
  /** Sends a signal (a negative pid: to that process group); false when nothing received it. */
  signal(pid: number, signal: NodeJS.Signals | 0): boolean;
  now(): number;
  schedule(callback: () => void, ms: number): void;
  scanIntervalMs: number;
}

interface Job {
  target: ReapTarget;
  identity: SessionIdentity;
  graceEnd: number;
  deadline: number;
  hungUp: Set<number>;
  /** Without a table: the group was hung up / killed already. */
  blindHangup: boolean;
  blindKill: boolean;
  forced: boolean;
  resolve(result: ReapResult): void;
}

export function sendSignal(pid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(pid, signal);
    return true;
  } catch {
    // ESRCH: gone already. EPERM: not ours to signal; it will show up as a survivor.
    return false;
  }
}

export interface Reaper {
  reap(target: ReapTarget, options: ReapOptions): Promise<ReapResult>;
}

export class ProcessReaper implements Reaper {
  private jobs: Job[] = [];
  private scheduled = false;
  private ticking = false;

  constructor(private readonly deps: ReaperDeps) {}

  reap(target: ReapTarget, options: ReapOptions): Promise<ReapResult> {
    const start = this.deps.now();
    return new Promise((resolve) => {
      this.jobs.push({
        target,
        identity: sessionIdentity(target.hostId, target.sessionId, target.shellPid),
        graceEnd: start + Math.min(options.graceMs, options.timeoutMs),
        deadline: start + options.timeoutMs,
        hungUp: new Set(),
        blindHangup: false,
        blindKill: false,
        forced: false,
        resolve,
      });
      // Reaps requested in the same turn (a shutdown) share the first read.
      this.scheduleTick(0);
    });
  }

  get pending(): number {
    return this.jobs.length;
  }

  private scheduleTick(ms: number): void {
    if (this.scheduled || this.ticking) return;
    this.scheduled = true;
    this.deps.schedule(() => {
      this.scheduled = false;
      void this.tick();
    }, ms);
  }

  private async tick(): Promise<void> {
    this.ticking = true;
    let table: ProcessTable | null;
    try {
      table = await this.deps.scan();
    } catch {
      table = null;
    }
    const now = this.deps.now();
    this.jobs = this.jobs.filter((job) => !this.advance(job, table, now));
    this.ticking = false;
    if (this.jobs.length === 0) return;
    const nextEvent = Math.min(...this.jobs.map((job) => (now < job.graceEnd ? job.graceEnd : job.deadline)));
    this.scheduleTick(Math.max(0, Math.min(this.deps.scanIntervalMs, nextEvent - now)));
  }

  /** One step for one session; true when the job is finished. */
  private advance(job: Job, table: ProcessTable | null, now: number): boolean {
    if (!table?.groups) this.signalTerminal(job, now, table === null);
    if (!table) return this.advanceBlind(job, now);
    const alive = sessionProcesses(table, job.identity);
    if (alive.length === 0) {
      job.resolve({ forced: job.forced, survivors: [] });
      return true;
    }
    if (now >= job.graceEnd) {
      job.forced = true;
      for (const pid of alive) this.deps.signal(pid, 'SIGKILL');
    } else {
      for (const pid of alive) {
        if (job.hungUp.has(pid)) continue;
        job.hungUp.add(pid);
        this.deps.signal(pid, 'SIGHUP');
        const info = table.processes.get(pid);
        if (info && isStopped(info)) this.deps.signal(pid, 'SIGCONT');
      }
    }
    if (now >= job.deadline) {
      job.resolve({ forced: job.forced, survivors: alive });
      return true;
    }
    return false;
  }

  /**
   * The terminal's own end (node-pty's kill, which on Windows ends every process on the console) and,
   * with no table, its process group: hangup first, SIGKILL after the grace period.
   */
  private signalTerminal(job: Job, now: number, withGroup: boolean): void {
    const { killTerminal, group, shellPid } = job.target;
    const hangupDue = !job.blindHangup;
    const killDue = now >= job.graceEnd && !job.blindKill;
    if (!hangupDue && !killDue) return;
    const signal: NodeJS.Signals = hangupDue ? 'SIGHUP' : 'SIGKILL';
    if (hangupDue) job.blindHangup = true;
    else job.blindKill = true;
    try {
      killTerminal?.(signal);
    } catch {
      // The terminal is gone already.
    }
    if (!withGroup) return;
    if (group) {
      this.deps.signal(-group, signal);
      if (signal === 'SIGHUP') this.deps.signal(-group, 'SIGCONT');
    }
    if (shellPid) this.deps.signal(shellPid, signal);
  }

  /** Without a table: done once neither the shell nor its group has a process left (signal 0). */
  private advanceBlind(job: Job, now: number): boolean {
    const { group, shellPid } = job.target;
    const left: number[] = [];
    if (shellPid && this.deps.signal(shellPid, 0)) left.push(shellPid);
    if (group && this.deps.signal(-group, 0)) left.push(-group);
    if (left.length === 0) {
      job.resolve({ forced: job.forced || job.blindKill, survivors: [] });
      return true;
    }
    if (now >= job.graceEnd) job.forced = true;
    if (now >= job.deadline) {
      job.resolve({ forced: true, survivors: left });
      return true;
    }
    return false;
  }
}
