// The `ps` backend: macOS and the BSDs (no /proc), and Linux too, so it is tested here. One `ps` for the
// table, one for the markers of processes not seen before, `lsof` for a working directory. A table read
// for status is shared for a moment by every session polled in the same tick.
import { execFile } from 'node:child_process';
import { foregroundFrom } from '../status/foreground';
import type { ProcStat } from './proc-stat';
import type { ProcessSource } from './process-source';
import { MarkerCache } from './process-tree';
import {
  environmentArgs,
  type PsFlavour,
  parseLsofCwd,
  parseMarkers,
  parseTable,
  tableArgs,
} from './ps-parse';

/** Runs a program and gives its standard output (also when it exits non-zero: ps does for vanished pids). */
export type RunProgram = (file: string, args: string[]) => Promise<string>;

export const runProgram: RunProgram = (file, args) =>
  new Promise((resolve, reject) => {
    execFile(
      file,
      args,
      { env: { ...process.env, LC_ALL: 'C' }, timeout: 5_000, maxBuffer: 32 * 1024 * 1024 },
      (error, stdout) => {
        if (error && !stdout) reject(error);
        else resolve(stdout);
      },
    );
  });

/** A table read this recently serves a status poll too. */
const TABLE_REUSE_MS = 200;
/**
 * A running program's working directory is looked up again only after this long (lsof is slow, and a
 * flooding program keeps its session polled). An idle shell's is read at every poll: it is polled only
 * in the short window after a prompt, and a `cd` must show in that window or not until the next one.
 */
const RUNNING_CWD_REUSE_MS = 2_000;

export function flavourOf(platform: NodeJS.Platform): PsFlavour {
  return platform === 'linux' ? 'procps' : platform === 'darwin' ? 'darwin' : 'bsd';
}

export function psSource(
  flavour: PsFlavour,
  run: RunProgram = runProgram,
  now: () => number = Date.now,
): ProcessSource {
  const cache = new MarkerCache();
  let recent: { at: number; rows: Promise<ProcStat[] | null> } | null = null;
  const cwds = new Map<number, { at: number; cwd: string | null }>();

  const table = (): Promise<ProcStat[] | null> =>
    run('ps', tableArgs(flavour)).then(
      (output) => {
        const rows = parseTable(output);
        return rows.length > 0 ? rows : null;
      },
      () => null,
    );
  const recentTable = () => {
    if (!recent || now() - recent.at > TABLE_REUSE_MS) recent = { at: now(), rows: table() };
    return recent.rows;
  };
  const cwd = async (pid: number, reuseMs: number): Promise<string | null> => {
    const known = cwds.get(pid);
    if (known && now() - known.at < reuseMs) return known.cwd;
    const found = await run('lsof', ['-a', '-d', 'cwd', '-p', String(pid), '-Fn']).then(
      parseLsofCwd,
      () => null,
    );
    cwds.set(pid, { at: now(), cwd: found });
    if (cwds.size > 256)
      for (const [key, value] of cwds) if (now() - value.at >= RUNNING_CWD_REUSE_MS) cwds.delete(key);
    return found;
  };

  return {
    kind: 'ps',
    knowsForeground: true,
    groups: true,
    async list(markers) {
      const rows = await table();
      if (!rows) return null;
      if (!markers) return rows.map((row) => ({ ...row, marker: null }));
      return cache.markers(rows, (pids) =>
        run('ps', environmentArgs(flavour, pids)).then(parseMarkers, () => new Map()),
      );
    },
    async foreground(shellPid, shellComm) {
      const rows = await recentTable();
      if (!rows) return null;
      const seen = foregroundFrom(
        new Map(rows.map((row) => [row.pid, row])),
        shellPid,
        shellComm.slice(0, 15),
      );
      if (!seen) return null;
      const reuseMs = seen.running ? RUNNING_CWD_REUSE_MS : TABLE_REUSE_MS;
      return {
        running: seen.running,
        command: seen.command,
        group: seen.group,
        cwd: await cwd(seen.cwdOf, reuseMs),
      };
    },
  };
}
