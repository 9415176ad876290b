// Reading `ps` output (the ps backend, ps-source.ts). Pure, so the Linux (procps) and macOS/BSD formats
// are tested here on fixtures. Columns are asked for by keyword with empty headers, in this order:
// pid ppid pgid session tpgid stat lstart comm — lstart is always five words ("Thu Dec  3 17:26:03 2026",
// with LC_ALL=C), and comm, last, may hold spaces.
import type { SessionMarker } from '../session/session-env';
import { HOST_ID_VAR, SESSION_ID_VAR } from '../session/session-env';
import type { ProcStat } from './proc-stat';

export type PsFlavour = 'procps' | 'darwin' | 'bsd';

/** The `ps` arguments for every process's table row. */
export function tableArgs(flavour: PsFlavour): string[] {
  const session = flavour === 'bsd' ? 'sid' : 'sess';
  return [
    '-A',
    ...['pid', 'ppid', 'pgid', session, 'tpgid', 'stat', 'lstart', 'comm'].flatMap((k) => ['-o', `${k}=`]),
  ];
}

/** The `ps` arguments that print `pid command environment…` for these processes. */
export function environmentArgs(flavour: PsFlavour, pids: readonly number[]): string[] {
  const show = flavour === 'procps' ? ['e'] : flavour === 'darwin' ? ['-E'] : ['-e'];
  return [...show, '-o', 'pid=', '-o', 'command=', '-p', pids.join(',')];
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Seconds since the epoch (UTC reading of local time: only compared with itself) of an lstart value. */
function startSeconds(month: string, day: string, time: string, year: string): number | null {
  const m = MONTHS.indexOf(month);
  const [h, min, sec] = time.split(':').map(Number);
  const value = Date.UTC(Number(year), m, Number(day), h, min, sec) / 1000;
  return m < 0 || !Number.isFinite(value) ? null : value;
}

const basename = (path: string) => path.slice(path.lastIndexOf('/') + 1);

/** Table rows; unreadable lines are skipped. `comm` is cut to 15 characters, as Linux names processes. */
export function parseTable(output: string): ProcStat[] {
  const rows: ProcStat[] = [];
  for (const line of output.split('\n')) {
    const words = line.trim().split(/\s+/);
    if (words.length < 12) continue;
    const [pid, ppid, pgid, tpgid] = [0, 1, 2, 4].map((i) => Number(words[i]));
    // Decimal only: macOS may print a kernel address (0xffffff…) where a session id would be.
    const sess = /^\d{1,10}$/.test(words[3] ?? '') ? Number(words[3]) : 0;
    const state = words[5] ?? '';
    const [, month, day, time, year] = words.slice(6, 11);
    const startTime = startSeconds(month ?? '', day ?? '', time ?? '', year ?? '');
    const comm = basename(words.slice(11).join(' ')).slice(0, 15);
    const numbers = [pid, ppid, pgid, tpgid];
    if (!numbers.every(Number.isInteger) || startTime === null) continue;
    rows.push({
      pid: pid as number,
      ppid: ppid as number,
      pgid: pgid as number,
      // Where ps shows no usable session id (macOS may print a kernel address), the group stands in.
      sid: sess > 0 ? sess : (pgid as number),
      tpgid: tpgid as number,
      state: state.charAt(0),
      comm,
      startTime,
    });
  }
  return rows;
}

/** Markers found in `pid command environment…` lines (ids have no spaces, so words are enough). */
export function parseMarkers(output: string): Map<number, SessionMarker | null> {
  const markers = new Map<number, SessionMarker | null>();
  for (const line of output.split('\n')) {
    const words = line.trim().split(/\s+/);
    const pid = Number(words[0]);
    if (!Number.isInteger(pid) || pid <= 0) continue;
    let hostId: string | null = null;
    let sessionId: string | null = null;
    for (const word of words) {
      if (word.startsWith(`${HOST_ID_VAR}=`)) hostId = word.slice(HOST_ID_VAR.length + 1);
      else if (word.startsWith(`${SESSION_ID_VAR}=`)) sessionId = word.slice(SESSION_ID_VAR.length + 1);
    }
    markers.set(pid, hostId && sessionId ? { hostId, sessionId } : null);
  }
  return markers;
}

/** The working directory in `lsof -a -d cwd -p PID -Fn` output. */
export function parseLsofCwd(output: string): string | null {
  const line = output.split('\n').find((l) => l.startsWith('n'));
  return line ? line.slice(1) : null;
}
