// Reading processes from /proc (Linux) for the tests, the soak and the benchmarks: liveness, children,
// open descriptors, memory, CPU time and environment markers (how processes of a session or of a run are
// found, and only those: other runs on the machine have other ids).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

/** Fields of /proc/<pid>/stat after the command name (which may contain spaces and parentheses). */
function statFields(pid: number): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/** Resident set size in bytes (VmRSS), or null when the process is gone. */
export function rssBytes(pid: number): number | null {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match?.[1] ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

let ticksPerSecond: number | null = null;

/** USER_HZ, the unit of utime/stime in /proc (almost always 100). */
export function clockTicksPerSecond(): number {
  if (ticksPerSecond === null) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** CPU seconds (user + system) the process has used so far. */
export function cpuSeconds(pid: number): number | null {
  const fields = statFields(pid);
  if (!fields) return null;
  // After the name: state(0) ppid(1) ... utime(11) stime(12).
  return (Number(fields[11]) + Number(fields[12])) / clockTicksPerSecond();
}

export function parentPid(pid: number): number | null {
  const fields = statFields(pid);
  return fields ? Number(fields[1]) : null;
}

export function isAlive(pid: number): boolean {
  const state = statFields(pid)?.[0];
  return state !== undefined && state !== 'Z' && state !== 'X';
}

function allPids(): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number);
}

/** Every live descendant of `pid` (children, their children, ...). */
export function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const candidate of allPids()) {
    const parent = parentPid(candidate);
    if (parent === null) continue;
    const list = children.get(parent);
    if (list) list.push(candidate);
    else children.set(parent, [candidate]);
  }
  const found: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    const next = children.get(queue.shift() as number) ?? [];
    found.push(...next);
    queue.push(...next);
  }
  return found.filter(isAlive);
}

/** Open file descriptors of a process (throws when it is gone: a figure of a dead process is a bug). */
export function openFds(pid: number): number {
  return readdirSync(`/proc/${pid}/fd`).length;
}

export function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
  } catch {
    return '';
  }
}

/** Live processes whose environment has a `NAME=value` entry for which `matches(value)` holds. */
export function pidsWithEnv(name: string, matches: (value: string) => boolean): number[] {
  const prefix = `${name}=`;
  return allPids().filter((pid) => {
    try {
      const entries = readFileSync(`/proc/${pid}/environ`, 'latin1').split('\0');
      return (
        entries.some((entry) => entry.startsWith(prefix) && matches(entry.slice(prefix.length))) &&
        isAlive(pid)
      );
    } catch {
      return false;
    }
  });
}

/** Live processes carrying TABTERM_SESSION_ID=<one of these> (the session host marks every process it starts). */
export function pidsOfSessions(sessionIds: readonly string[]): number[] {
  if (sessionIds.length === 0) return [];
  return pidsWithEnv('TABTERM_SESSION_ID', (value) => sessionIds.includes(value));
}

export function markedPids(sessionId: string): number[] {
  return pidsOfSessions([sessionId]);
}

export interface ProcEntry {
  pid: number;
  ppid: number;
  /** The state letter of /proc/<pid>/stat: R, S, D, Z (zombie), ... */
  state: string;
}

/** Every process, read once (to look at many at the same moment). */
export function processTable(): ProcEntry[] {
  return allPids().flatMap((pid) => {
    const fields = statFields(pid);
    return fields ? [{ pid, ppid: Number(fields[1]), state: fields[0] ?? '?' }] : [];
  });
}

/** Children of any of `parents`, split into live ones and zombies (ended, not yet reaped). */
export function childrenOf(table: ProcEntry[], parents: number[]): { live: number[]; zombies: number[] } {
  const children = table.filter((entry) => parents.includes(entry.ppid));
  return {
    live: children.filter((c) => c.state !== 'Z' && c.state !== 'X').map((c) => c.pid),
    zombies: children.filter((c) => c.state === 'Z').map((c) => c.pid),
  };
}

/** Command line and session marker of a process, for a message about one that should not be there. */
export function describeProcess(pid: number): string {
  try {
    const marker = readFileSync(`/proc/${pid}/environ`, 'utf8')
      .split('\0')
      .find((entry) => entry.startsWith('TABTERM_SESSION_ID='));
    return `${commandLine(pid)} (${marker ?? 'no marker'})`;
  } catch {
    return '(gone)';
  }
}

/** Where each open descriptor of a process points (`/dev/ptmx`, `/dev/pts/3`, `pipe:[…]`), by number. */
export function descriptorTargets(pid: number | 'self'): Map<number, string> {
  const targets = new Map<number, string>();
  for (const name of readdirSync(`/proc/${pid}/fd`)) {
    try {
      targets.set(Number(name), readlinkSync(`/proc/${pid}/fd/${name}`));
    } catch {
      // closed while we looked
    }
  }
  return targets;
}
