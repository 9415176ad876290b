// The environment a session's shell starts with. Two marker variables are forced in: every process the
// session starts inherits them, so kill/process-killer.ts can find processes that escaped the process group
// (setsid, double fork) by reading /proc/<pid>/environ. The host id makes the marker unique to this host, so
// two hosts (two app instances, parallel tests) with the same session id never touch each other's processes.

export const SESSION_ID_VAR = 'TABTERM_SESSION_ID';
export const HOST_ID_VAR = 'TABTERM_HOST_ID';

export interface SessionMarker {
  sessionId: string;
  hostId: string;
}

/** Variables of the host's own environment that would mislead programs inside a new terminal. */
const DROPPED_FROM_HOST = new Set([
  'TMUX',
  'TMUX_PANE',
  'STY',
  'WINDOW',
  'WINDOWID',
  'TERMCAP',
  'COLUMNS',
  'LINES',
  'ELECTRON_RUN_AS_NODE',
  'NODE_CHANNEL_FD',
  'NODE_CHANNEL_SERIALIZATION_MODE',
]);

/** The `NAME=value` entries that mark a process as belonging to this session of this host. */
export function markerEntries(marker: SessionMarker): [string, string] {
  return [`${SESSION_ID_VAR}=${marker.sessionId}`, `${HOST_ID_VAR}=${marker.hostId}`];
}

/**
 * The host's environment (minus terminal-specific leftovers and any Tabterm marker it inherited), then the
 * variables the hub asked for, then the terminal identity and the markers, which nothing may override.
 */
export function buildSessionEnv(
  hostEnv: Readonly<Record<string, string | undefined>>,
  requested: Readonly<Record<string, string>>,
  marker: SessionMarker,
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(hostEnv)) {
    if (value === undefined || DROPPED_FROM_HOST.has(name) || name.startsWith('TABTERM_')) continue;
    env[name] = value;
  }
  Object.assign(env, requested);
  env.TERM = 'xterm-256color';
  env.COLORTERM = 'truecolor';
  env[SESSION_ID_VAR] = marker.sessionId;
  env[HOST_ID_VAR] = marker.hostId;
  return env;
}
