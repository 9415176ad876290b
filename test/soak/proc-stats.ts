// What the soak watches in /proc: open descriptors, resident memory, children and zombies of a process.
import { readdirSync, readFileSync } from 'node:fs';

export interface ProcEntry {
  pid: number;
  ppid: number;
  state: string;
}

export function openFds(pid: number): number {
  return readdirSync(`/proc/${pid}/fd`).length;
}

/** Resident set size in bytes (VmRSS). */
export function rssBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = Number(/^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1] ?? Number.NaN);
  return kib * 1024;
}

export function processTable(): ProcEntry[] {
  return readdirSync('/proc').flatMap((name) => {
    if (!/^\d+$/.test(name)) return [];
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return [{ pid: Number(name), ppid: Number(fields[1]), state: fields[0] ?? '?' }];
    } catch {
      return [];
    }
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
    const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
    const marker = readFileSync(`/proc/${pid}/environ`, 'utf8')
      .split('\0')
      .find((entry) => entry.startsWith('TABTERM_SESSION_ID='));
    return `${command} (${marker ?? 'no marker'})`;
  } catch {
    return '(gone)';
  }
}
