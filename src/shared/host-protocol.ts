// The hub ⇄ session host channel (DESIGN.md §1). It is ordered: an `output` the host sends before a
// `snapshot` reply is contained in that snapshot, and every `output` after it is not. The hub relies
// on this for replay with no gap and no duplicate. Both ends validate what they receive.
import { z } from 'zod';
import { SessionLimits, SpawnLimits } from './limits';
import { Id, SessionStatus } from './protocol';

/** The same ids as the client protocol: the host reports on sessions in `status` with these. */
export const SessionId = Id;
/** A session host's own id (`<pid>-<random>`), part of every marker it puts on its sessions' processes. */
export const HostId = Id;
const ReqId = z.number().int().min(0);
const Size = { cols: z.number().int().min(1).max(1000), rows: z.number().int().min(1).max(500) };

// exec takes C strings: a NUL would silently cut an argument short.
const ExecString = z
  .string()
  .max(SpawnLimits.maxStringChars)
  .refine((text) => !text.includes('\0'), 'must not contain NUL');
const ExecPath = ExecString.min(1).max(SpawnLimits.maxPathChars);
const EnvName = ExecString.min(1).refine((name) => !name.includes('='), 'must not contain "="');

export const SpawnRequest = z
  .strictObject({
    sessionId: SessionId,
    tabId: Id,
    shell: ExecPath,
    args: z.array(ExecString).max(SpawnLimits.maxArgs),
    cwd: ExecPath,
    env: z.record(EnvName, ExecString).refine((env) => Object.keys(env).length <= SpawnLimits.maxEnvEntries, {
      message: `at most ${SpawnLimits.maxEnvEntries} environment entries`,
    }),
    ...Size,
    /** History restored from disk: kept at the start of the ring (so attach replays it), never sent as output. */
    preamble: z
      .string()
      .max(8 * 1024 * 1024)
      .optional(),
  })
  .refine((request) => execChars(request) <= SpawnLimits.maxTotalChars, {
    message: `shell, arguments and environment together exceed ${SpawnLimits.maxTotalChars} characters`,
  });
export type SpawnRequest = z.infer<typeof SpawnRequest>;

function execChars(request: { shell: string; args: string[]; env: Record<string, string> }): number {
  let total = request.shell.length;
  for (const arg of request.args) total += arg.length + 1;
  for (const [name, value] of Object.entries(request.env)) total += name.length + value.length + 2;
  return total;
}

export const HostConfig = z.strictObject({
  ringMaxLines: z.number().int().min(1).max(1_000_000),
  ringMaxBytes: z.number().int().min(1024),
});
export type HostConfig = z.infer<typeof HostConfig>;

export const HubToHost = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('configure'), config: HostConfig }),
  z.strictObject({ type: z.literal('spawn'), reqId: ReqId, request: SpawnRequest }),
  z.strictObject({
    type: z.literal('write'),
    sessionId: SessionId,
    data: z.string().max(SessionLimits.maxInputChars),
  }),
  z.strictObject({ type: z.literal('resize'), sessionId: SessionId, ...Size }),
  /** Ends the session's whole process group: SIGHUP, grace, SIGKILL. */
  z.strictObject({ type: z.literal('kill'), sessionId: SessionId }),
  /** Flow control: the hub's clients are behind (pause) or caught up (resume). */
  z.strictObject({ type: z.literal('pause'), sessionId: SessionId }),
  z.strictObject({ type: z.literal('resume'), sessionId: SessionId }),
  /** Ask for the replay of a session; the reply is ordered with the session's output. */
  z.strictObject({
    type: z.literal('snapshot'),
    reqId: ReqId,
    sessionId: SessionId,
    /** The normal screen's history only (for saving to disk), instead of the faithful replay. */
    normal: z.boolean().optional(),
  }),
  /**
   * End every process still marked by these hosts, which died (kill -9, a crash): their sessions are lost,
   * and what they left running (nohup, setsid, HUP-ignoring jobs) must not outlive them. Answered with
   * `orphans_reaped`.
   */
  z.strictObject({
    type: z.literal('reap_orphans'),
    reqId: ReqId,
    hostIds: z.array(HostId).max(64),
  }),
  /** Sessions the host holds (after the hub reconnects to a host that kept running). */
  z.strictObject({ type: z.literal('list'), reqId: ReqId }),
  z.strictObject({ type: z.literal('ping'), seq: z.number().int() }),
  /** Kill every session in parallel within timeoutMs, then answer `shutdown_done`. */
  z.strictObject({ type: z.literal('shutdown'), reqId: ReqId, timeoutMs: z.number().int().min(0) }),
]);
export type HubToHost = z.infer<typeof HubToHost>;

export const HostSessionInfo = z.object({
  sessionId: SessionId,
  tabId: z.string(),
  pid: z.number().int(),
  shell: z.string(),
  cwd: z.string(),
  cols: z.number().int(),
  rows: z.number().int(),
});
export type HostSessionInfo = z.infer<typeof HostSessionInfo>;

export const HostToHub = z.discriminatedUnion('type', [
  z.object({ type: z.literal('hello'), pid: z.number().int(), hostId: HostId }),
  z.object({ type: z.literal('spawned'), reqId: ReqId, session: HostSessionInfo }),
  z.object({
    type: z.literal('spawn_failed'),
    reqId: ReqId,
    sessionId: SessionId,
    message: z.string(),
  }),
  z.object({ type: z.literal('output'), sessionId: SessionId, data: z.string() }),
  z.object({
    type: z.literal('exit'),
    sessionId: SessionId,
    exitCode: z.number().int().nullable(),
    signal: z.number().int().nullable(),
  }),
  z.object({ type: z.literal('status'), status: SessionStatus }),
  z.object({
    type: z.literal('snapshot'),
    reqId: ReqId,
    sessionId: SessionId,
    /** null when the host has no such session. */
    data: z.string().nullable(),
    /** The visible screen alone, when `data` has scrollback before it: what a fresh page paints first. */
    screen: z.string().optional(),
  }),
  z.object({ type: z.literal('sessions'), reqId: ReqId, sessions: z.array(HostSessionInfo) }),
  z.object({
    type: z.literal('orphans_reaped'),
    reqId: ReqId,
    /** Processes still alive when the timeout ran out (should be empty). */
    survivors: z.array(z.number().int()),
  }),
  z.object({ type: z.literal('pong'), seq: z.number().int() }),
  z.object({
    type: z.literal('shutdown_done'),
    reqId: ReqId,
    /** Sessions whose processes had to be SIGKILLed after the grace period. */
    forced: z.array(SessionId),
    /** Processes still alive when the timeout ran out (should be empty). */
    survivors: z.array(z.number().int()),
  }),
  /** A request the host could not act on (unknown session, invalid message). */
  z.object({ type: z.literal('error'), sessionId: SessionId.nullable(), message: z.string() }),
]);
export type HostToHub = z.infer<typeof HostToHub>;
