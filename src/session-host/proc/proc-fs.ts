// The few /proc reads the session host makes, behind an interface so the process-tree and status logic can
// be tested on a fake /proc listing. Every read returns null when the process is gone or unreadable:
// processes vanish between listing and reading all the time, and that is not an error.
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

export interface ProcFs {
  listPids(): number[];
  /** /proc/<pid>/stat */
  readStat(pid: number): string | null;
  /** /proc/<pid>/environ (NUL-separated NAME=value entries) */
  readEnviron(pid: number): string | null;
  /** /proc/<pid>/comm without the trailing newline */
  readComm(pid: number): string | null;
  /** The target of /proc/<pid>/cwd */
  readCwd(pid: number): string | null;
}

function orNull<T>(read: () => T): T | null {
  try {
    return read();
  } catch {
    return null;
  }
}

export function createProcFs(root = '/proc'): ProcFs {
  return {
    listPids: () =>
      (orNull(() => readdirSync(root)) ?? []).flatMap((name) => (/^\d+$/.test(name) ? [Number(name)] : [])),
    readStat: (pid) => orNull(() => readFileSync(`${root}/${pid}/stat`, 'utf8')),
    readEnviron: (pid) => orNull(() => readFileSync(`${root}/${pid}/environ`, 'utf8')),
    readComm: (pid) => orNull(() => readFileSync(`${root}/${pid}/comm`, 'utf8').replace(/\n$/, '')),
    readCwd: (pid) => orNull(() => readlinkSync(`${root}/${pid}/cwd`)),
  };
}
