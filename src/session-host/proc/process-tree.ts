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
import { isGone, type ProcStat } from './proc-stat';

export interface ProcessInfo extends ProcStat {
  /** The Tabterm session marker in the process's environment (of any host), else null. */
  marker: SessionMarker | null;
}

export interface ProcessTable {
  /** Live processes (zombies left out: they have already ended). */
  processes: Map<number, ProcessInfo>;
  /** The platform has process groups and sessions (not Windows). */
  groups: boolean;
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

/**
 * Each process's Tabterm marker, read once per process: the environment a process was started with does
 * not change (pid and start time name one process across pid reuse). `read` gets the pids not seen before.
 */
export class MarkerCache {
  private known = new Map<string, SessionMarker | null>();

  async markers(
    stats: readonly ProcStat[],
    read: (pids: number[]) => Promise<Map<number, SessionMarker | null>>,
  ): Promise<ProcessInfo[]> {
    const key = (stat: ProcStat) => `${stat.pid}:${stat.startTime}`;
    const unknown = stats.filter((stat) => !this.known.has(key(stat))).map((stat) => stat.pid);
    const fresh = unknown.length > 0 ? await read(unknown) : new Map<number, SessionMarker | null>();
    const next = new Map<string, SessionMarker | null>();
    const result = stats.map((stat) => {
      const marker = this.known.get(key(stat)) ?? fresh.get(stat.pid) ?? null;
      next.set(key(stat), marker);
      return { ...stat, marker };
    });
    this.known = next;
    return result;
  }
}

/**
 * The table the reaper works on: `entries` (live processes) without what must never be signalled — the
 * host itself, its ancestors, init and kernel threads — and the groups and sessions those lead.
 * `groups` is false where the platform has no process groups (Windows): the reaper then also asks the
 * terminal to end its processes.
 */
export function tableOf(entries: readonly ProcessInfo[], selfPid: number, groups = true): ProcessTable {
  const byPid = new Map(entries.filter((entry) => !isGone(entry)).map((entry) => [entry.pid, entry]));
  const protectedPids = new Set<number>([0, 1, 2]);
  for (let pid: number | undefined = selfPid; pid !== undefined && pid > 0 && !protectedPids.has(pid); ) {
    protectedPids.add(pid);
    pid = byPid.get(pid)?.ppid;
  }
  for (const entry of byPid.values()) if (entry.ppid === 2) protectedPids.add(entry.pid);
  const protectedGroups = new Set<number>([0, 1]);
  for (const pid of protectedPids) {
    const entry = byPid.get(pid);
    if (entry) protectedGroups.add(entry.pgid).add(entry.sid);
  }
  const processes = new Map<number, ProcessInfo>();
  for (const [pid, entry] of byPid) if (!protectedPids.has(pid)) processes.set(pid, entry);
  return { processes, protectedPids, protectedGroups, groups };
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
