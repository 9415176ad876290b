// Reading /proc from tests: processes carrying a session marker, open descriptors.
import { readdirSync, readFileSync } from 'node:fs';

/** Processes started for these sessions (and only these: other runs on the machine have other ids). */
export function pidsOfSessions(sessionIds: readonly string[]): number[] {
  if (sessionIds.length === 0) return [];
  return pidsWithEnv(new RegExp(`^TABTERM_SESSION_ID=(${sessionIds.map(escapeRegExp).join('|')})$`));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function pidsWithEnv(marker: RegExp): number[] {
  const pids: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const env = readFileSync(`/proc/${name}/environ`, 'latin1');
      if (env.split('\0').some((entry) => marker.test(entry))) pids.push(Number(name));
    } catch {
      // Gone already, or not ours to read.
    }
  }
  return pids;
}

export function isAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

export function openFds(pid: number): number {
  return readdirSync(`/proc/${pid}/fd`).length;
}
