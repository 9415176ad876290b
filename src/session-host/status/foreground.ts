// What the terminal's foreground is, from a process table: field tpgid of the shell names the terminal's
// foreground process group; its leader's name is what the user runs. `readForeground` reads it straight
// from /proc (a few files, no listing); `foregroundFrom` works on any backend's list.

import type { ProcFs } from '../proc/proc-fs';
import { type ProcStat, parseStat } from '../proc/proc-stat';
import type { Foreground } from '../proc/process-source';

export type { Foreground } from '../proc/process-source';

/** Where the foreground is, from the shell's stat and a way to look up its group's leader. */
function decide(
  shell: ProcStat,
  shellComm: string | null,
  leaderComm: (group: number) => string | null,
): { running: boolean; command: string | null; group: number; cwdOf: number } {
  const group = shell.tpgid > 0 ? shell.tpgid : shell.pgid;
  if (group === shell.pgid) {
    const replaced = shellComm !== null && shell.comm !== shellComm;
    return { running: replaced, command: replaced ? shell.comm : null, group, cwdOf: shell.pid };
  }
  return { running: true, command: leaderComm(group), group, cwdOf: group };
}

/**
 * From /proc. `shellComm` is the shell's own comm as first seen: if the shell pid now has another name it
 * was replaced by `exec`, and that program is what runs. Returns null when the shell is gone.
 */
export function readForeground(
  procFs: ProcFs,
  shellPid: number,
  shellComm: string | null,
): Foreground | null {
  const statText = procFs.readStat(shellPid);
  const stat = statText === null ? null : parseStat(statText);
  if (!stat) return null;
  const seen = decide(stat, shellComm, (group) => procFs.readComm(group));
  // The group leader may have exited while the rest of its pipeline runs; fall back to the shell's cwd.
  const cwd = procFs.readCwd(seen.cwdOf) ?? (seen.cwdOf === shellPid ? null : procFs.readCwd(shellPid));
  return { running: seen.running, command: seen.command, cwd, group: seen.group };
}

/** From a listed table (ps, Windows); `cwd` is looked up by the caller's backend. */
export function foregroundFrom(
  table: ReadonlyMap<number, ProcStat>,
  shellPid: number,
  shellComm: string | null,
): (Omit<Foreground, 'cwd'> & { cwdOf: number }) | null {
  const shell = table.get(shellPid);
  if (!shell) return null;
  const seen = decide(shell, shellComm, (group) => {
    const leader = table.get(group);
    if (leader) return leader.comm;
    // The leader exited while the rest of its pipeline runs: any member names it.
    for (const entry of table.values()) if (entry.pgid === group) return entry.comm;
    return null;
  });
  return {
    running: seen.running,
    command: seen.command,
    group: seen.group,
    cwdOf: table.has(seen.cwdOf) ? seen.cwdOf : shellPid,
  };
}
