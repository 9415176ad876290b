// Which processes belong to a session: everything its shell started, including what tried to get away.
// Kill (kill/process-reaper.ts) uses this because node-pty's kill() signals the shell alone.
//
// A process belongs to the session when it is
//   - the shell itself (while it lives),
//   - marked: its environment carries the host's TABTERM_HOST_ID and the session's TABTERM_SESSION_ID
//     (finds `setsid` and double-forked processes that were reparented away from the shell; and, with the
//     id of a host that died, every process its sessions left behind),
//   - a child of a process that belongs, or
//   - in a process group or session (setsid) of a process that belongs: a group or session can only be
//     joined from inside, so its other members were started by the session too.
// The host itself, its ancestors, init and kernel threads are never included, nor are their groups.
import { HOST_ID_VAR, SESSION_ID_VAR, type SessionMarker } from '../session/session-env';
import type { ProcFs } from './proc-fs';
import { isGone, type ProcStat, parseStat } from './proc-stat';

export interface ProcessInfo extends ProcStat {
  /** The Tabterm session marker in the process's environment (of any host), else null. */
  marker: SessionMarker | null;
}

export interface ProcessTable {
  /** Live processes (zombies left out: they have already ended). */
  processes: Map<number, ProcessInfo>;
  /** Pids that must never be signalled, and the groups/sessions they lead into. */
  protectedPids: Set<number>;
  protectedGroups: Set<number>;
}

/** The Tabterm marker in a NUL-separated environment (both variables, of whichever host), or null. */
export function markerOf(environ: string): SessionMarker | null {
  let hostId: string | null = null;
  let sessionId: string | null = null;
  for (const entry of environ.split('\0')) {
    if (entry.startsWith(`${HOST_ID_VAR}=`)) hostId = entry.slice(HOST_ID_VAR.length + 1);
    else if (entry.startsWith(`${SESSION_ID_VAR}=`)) sessionId = entry.slice(SESSION_ID_VAR.length + 1);
  }
  return hostId && sessionId ? { hostId, sessionId } : null;
}

/** The session id the environment marks for `hostId`, or null. */
export function markedSessionOf(environ: string, hostId: string): string | null {
  const marker = markerOf(environ);
  return marker?.hostId === hostId ? marker.sessionId : null;
}

export class ProcessScanner {
  /** Marker per pid+start time: the environment a process was started with does not change, so one read is enough. */
  private markerCache = new Map<string, SessionMarker | null>();

  constructor(
    private readonly procFs: ProcFs,
    private readonly selfPid: number,
  ) {}

  scan(): ProcessTable {
    const stats = new Map<number, ProcStat>();
    for (const pid of this.procFs.listPids()) {
      const text = this.procFs.readStat(pid);
      const stat = text === null ? null : parseStat(text);
      if (stat && !isGone(stat)) stats.set(pid, stat);
    }
    const protectedPids = this.protectedPids(stats);
    const protectedGroups = new Set<number>([0, 1]);
    for (const pid of protectedPids) {
      const stat = stats.get(pid);
      if (stat) protectedGroups.add(stat.pgid).add(stat.sid);
    }
    const processes = new Map<number, ProcessInfo>();
    const seen = new Map<string, SessionMarker | null>();
    for (const stat of stats.values()) {
      if (protectedPids.has(stat.pid)) continue;
      const key = `${stat.pid}:${stat.startTime}`;
      let marker = this.markerCache.get(key);
      if (marker === undefined) {
        const environ = this.procFs.readEnviron(stat.pid);
        marker = environ === null ? null : markerOf(environ);
      }
      seen.set(key, marker);
      processes.set(stat.pid, { ...stat, marker });
    }
    this.markerCache = seen;
    return { processes, protectedPids, protectedGroups };
  }

  private protectedPids(stats: Map<number, ProcStat>): Set<number> {
    const result = new Set<number>([1, 2]);
    for (let pid: number | undefined = this.selfPid; pid !== undefined && pid > 0 && !result.has(pid); ) {
      result.add(pid);
      pid = stats.get(pid)?.ppid;
    }
    for (const stat of stats.values()) {
      if (stat.ppid === 2) result.add(stat.pid);
    }
    return result;
  }
}

/** What identifies a session's processes beyond markers. Accumulated over successive scans. */
export interface SessionIdentity {
  /** The host whose marker the processes carry: this host, or one that died (its orphans). */
  hostId: string;
  /** One session of that host, or null for every session it had. */
  sessionId: string | null;
  /** The shell while it is known to be alive; null once it has exited (its pid may be reused later). */
  shellPid: number | null;
  /**
   * Process groups and sessions (setsid) known to be the session's. Linux does not reuse a pid while it
   * names a live group or session, so once seen they stay valid for as long as they have members, even
   * after their leader (the shell, say) has died and its children were reparented to init.
   */
  groups: Set<number>;
  sessions: Set<number>;
}

export function sessionIdentity(
  hostId: string,
  sessionId: string | null,
  shellPid: number | null,
): SessionIdentity {
  const ids = shellPid === null ? [] : [shellPid];
  return { hostId, sessionId, shellPid, groups: new Set(ids), sessions: new Set(ids) };
}

function markedFor(info: ProcessInfo, identity: SessionIdentity): boolean {
  const marker = info.marker;
  return (
    marker !== null &&
    marker.hostId === identity.hostId &&
    (identity.sessionId === null || marker.sessionId === identity.sessionId)
  );
}

/**
 * The pids of every live process of one session. Adds the groups and sessions it finds to `identity`, so
 * a later scan still finds their members after the processes that linked them have died.
 */
export function sessionProcesses(table: ProcessTable, identity: SessionIdentity): number[] {
  const members = new Set<number>();
  const { groups, sessions } = identity;
  const add = (info: ProcessInfo) => {
    members.add(info.pid);
    if (!table.protectedGroups.has(info.pgid)) groups.add(info.pgid);
    if (!table.protectedGroups.has(info.sid)) sessions.add(info.sid);
  };
  const belongs = (info: ProcessInfo) =>
    markedFor(info, identity) ||
    info.pid === identity.shellPid ||
    members.has(info.ppid) ||
    groups.has(info.pgid) ||
    sessions.has(info.sid);
  for (let changed = true; changed; ) {
    changed = false;
    for (const info of table.processes.values()) {
      if (!members.has(info.pid) && belongs(info)) {
        add(info);
        changed = true;
      }
    }
  }
  return [...members].sort((a, b) => a - b);
}
