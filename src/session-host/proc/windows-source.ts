// The Windows backend. Windows has no /proc, no process groups and no readable environment of other
// processes, so: the table comes from the OS's own tooling (PowerShell's Win32_Process, one call per read,
// no native module to build), a session's processes are its shell's descendants (found by parent id; a
// program that detached from the tree cannot be told apart), the terminal itself (node-pty's ConPTY kill,
// which ends every process attached to the console) does the rest, and "running" means the shell has a
// child other than the console host. Working directories cannot be read: they come from OSC 7 only.

import type { ProcStat } from './proc-stat';
import type { ProcessSource } from './process-source';
import { type RunProgram, runProgram } from './ps-source';
import { foregroundChild, parseWindowsTable, WINDOWS_TABLE_SCRIPT } from './windows-parse';

const TABLE_REUSE_MS = 1_000;

export function windowsSource(run: RunProgram = runProgram, now: () => number = Date.now): ProcessSource {
  let recent: { at: number; rows: Promise<ProcStat[] | null> } | null = null;
  const table = (): Promise<ProcStat[] | null> =>
    run('powershell.exe', ['-NoProfile', '-NonInteractive', '-Command', WINDOWS_TABLE_SCRIPT]).then(
      (output) => {
        const rows = parseWindowsTable(output);
        return rows.length > 0 ? rows : null;
      },
      () => null,
    );
  return {
    kind: 'windows',
    knowsForeground: true,
    groups: false,
    async list() {
      const rows = await table();
      return rows ? rows.map((row) => ({ ...row, marker: null })) : null;
    },
    async foreground(shellPid) {
      if (!recent || now() - recent.at > TABLE_REUSE_MS) recent = { at: now(), rows: table() };
      const rows = await recent.rows;
      if (!rows?.some((row) => row.pid === shellPid)) return null;
      const child = foregroundChild(rows, shellPid);
      return { running: child !== null, command: child, cwd: null, group: null };
    },
  };
}
