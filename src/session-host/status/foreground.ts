// What the terminal's foreground process is, read from /proc: field tpgid of the shell's stat names the
// terminal's foreground process group; its leader's comm and cwd are what the user is running and where.
import type { ProcFs } from '../proc/proc-fs';
import { parseStat } from '../proc/proc-stat';

export interface Foreground {
  /** False when the shell itself is in the foreground, waiting at its prompt. */
  running: boolean;
  /** The foreground program's name (null if unknown: its group leader already exited). */
  command: string | null;
  /** The foreground process's working directory (the shell's when idle). */
  cwd: string | null;
}

/**
 * `shellComm` is the shell's own comm as first seen: if the shell pid now has another name it was
 * replaced by `exec`, and that program is what runs. Returns null when the shell is gone.
 */
export function readForeground(
  procFs: ProcFs,
  shellPid: number,
  shellComm: string | null,
): Foreground | null {
  const statText = procFs.readStat(shellPid);
  const stat = statText === null ? null : parseStat(statText);
  if (!stat) return null;
  const foreground = stat.tpgid > 0 ? stat.tpgid : stat.pgid;
  if (foreground === stat.pgid) {
    const replaced = shellComm !== null && stat.comm !== shellComm;
    return { running: replaced, command: replaced ? stat.comm : null, cwd: procFs.readCwd(shellPid) };
  }
  // The group leader may have exited while the rest of its pipeline runs; fall back to the shell's cwd.
  return {
    running: true,
    command: procFs.readComm(foreground),
    cwd: procFs.readCwd(foreground) ?? procFs.readCwd(shellPid),
  };
}
