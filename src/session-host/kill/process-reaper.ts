// Ends every process of a session (DESIGN.md §5): SIGHUP (plus SIGCONT to stopped ones, so they see the
// hangup), a grace period, SIGKILL for what is left, then verification. /proc is rescanned on every tick,
// so processes forked during the grace period (a loop that ignores HUP, say) are caught too. One loop and
// one scan per tick serve all sessions being reaped at once: `shutdown` reaps them in parallel and 100
// simultaneous kills cost 100 set lookups per tick, not 100 scans.
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
  scan(): ProcessTable;
  /** Sends a signal; a process that is already gone is not an error. */
  signal(pid: number, signal: NodeJS.Signals): void;
  now(): number;
  schedule(callback: () => void, ms: number): void;
  scanIntervalMs: number;
}

interface Job {
  identity: SessionIdentity;
  graceEnd: number;
  deadline: number;
  hungUp: Set<number>;
  forced: boolean;
  resolve(result: ReapResult): void;
}

export function sendSignal(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // ESRCH: gone already. EPERM: not ours to signal; it will show up as a survivor.
  }
}

export interface Reaper {
  reap(target: ReapTarget, options: ReapOptions): Promise<ReapResult>;
}

export class ProcessReaper implements Reaper {
  private jobs: Job[] = [];
  private scheduled = false;

  constructor(private readonly deps: ReaperDeps) {}

  reap(target: ReapTarget, options: ReapOptions): Promise<ReapResult> {
    const start = this.deps.now();
    return new Promise((resolve) => {
      this.jobs.push({
        identity: sessionIdentity(target.hostId, target.sessionId, target.shellPid),
        graceEnd: start + Math.min(options.graceMs, options.timeoutMs),
        deadline: start + options.timeoutMs,
        hungUp: new Set(),
        forced: false,
        resolve,
      });
      // Reaps requested in the same turn (a shutdown) share the first scan.
      this.scheduleTick(0);
    });
  }

  get pending(): number {
    return this.jobs.length;
  }

  private scheduleTick(ms: number): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.deps.schedule(() => {
      this.scheduled = false;
      this.tick();
    }, ms);
  }

  private tick(): void {
    const table = this.deps.scan();
    const now = this.deps.now();
    this.jobs = this.jobs.filter((job) => !this.advance(job, table, now));
    if (this.jobs.length === 0) return;
    const nextEvent = Math.min(...this.jobs.map((job) => (now < job.graceEnd ? job.graceEnd : job.deadline)));
    this.scheduleTick(Math.max(0, Math.min(this.deps.scanIntervalMs, nextEvent - now)));
  }

  /** One step for one session; true when the job is finished. */
  private advance(job: Job, table: ProcessTable, now: number): boolean {
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
}
