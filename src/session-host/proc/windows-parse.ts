// Reading the Windows process table (windows-source.ts). Pure, tested on fixtures here.
import type { ProcStat } from './proc-stat';

/** One line per process: pid, parent pid, creation time (FILETIME, UTC), image name — tab-separated. */
export const WINDOWS_TABLE_SCRIPT = [
  'Get-CimInstance -ClassName Win32_Process | ForEach-Object {',
  '$t = if ($_.CreationDate) { $_.CreationDate.ToFileTimeUtc() } else { 0 };',
  '"{0}`t{1}`t{2}`t{3}" -f $_.ProcessId, $_.ParentProcessId, $t, $_.Name }',
].join(' ');

/** Console hosts that sit beside every console program: not what the user runs. */
const CONSOLE_HOSTS = new Set(['conhost.exe', 'openconsole.exe']);

export function parseWindowsTable(output: string): ProcStat[] {
  const rows: ProcStat[] = [];
  for (const line of output.split(/\r?\n/)) {
    const [pid, ppid, created, ...name] = line.split('\t');
    if (!/^\d{1,20}$/.test(created ?? '')) continue;
    // FILETIME counts 100 ns steps: in milliseconds it fits a number exactly.
    const numbers = [Number(pid), Number(ppid), Number(BigInt(created as string) / 10_000n)];
    if (!numbers.every(Number.isSafeInteger) || name.length === 0) continue;
    rows.push({
      pid: numbers[0] as number,
      ppid: numbers[1] as number,
      // No process groups or sessions: 0 is never expanded into a group (process-tree.ts).
      pgid: 0,
      sid: 0,
      tpgid: -1,
      state: 'R',
      comm: name.join('\t').trim(),
      startTime: numbers[2] as number,
    });
  }
  return rows;
}

/**
 * The newest process under the shell that is not a console host, by name without ".exe"; null when the
 * shell waits at its prompt. A parent id can outlive its process and be reused, so a child must be
 * younger than its parent to count.
 */
export function foregroundChild(rows: readonly ProcStat[], shellPid: number): string | null {
  const byPid = new Map(rows.map((row) => [row.pid, row]));
  const under = new Set([shellPid]);
  let newest: ProcStat | null = null;
  for (let grew = true; grew; ) {
    grew = false;
    for (const row of rows) {
      const parent = byPid.get(row.ppid);
      if (under.has(row.pid) || !under.has(row.ppid) || !parent || row.startTime < parent.startTime) continue;
      under.add(row.pid);
      grew = true;
      if (!CONSOLE_HOSTS.has(row.comm.toLowerCase()) && (!newest || row.startTime > newest.startTime))
        newest = row;
    }
  }
  return newest ? newest.comm.replace(/\.exe$/i, '') : null;
}
