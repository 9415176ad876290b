// The session host's registry and message handler: every HubToHost message is parsed from `unknown`,
// dispatched, and answered on the same ordered channel. Nothing here touches node-pty or /proc directly;
// host-main.ts wires the real adapters, the unit tests fake them.
import {
  type HostConfig,
  type HostToHub,
  HubToHost,
  SessionId,
  type SpawnRequest,
} from '../../shared/host-protocol';
import { Reaping, RingBufferDefaults, Shutdown } from '../../shared/limits';
import { describeIssues } from '../../shared/protocol';
import type { Reaper, ReapOptions, ReapResult } from '../kill/process-reaper';
import type { HostLink } from '../link/host-link';
import type { ProcessSource } from '../proc/process-source';
import type { PtySpawner } from '../pty/pty-process';
import { type ScreenMirror, Session } from '../session/session';
import { buildSessionEnv } from '../session/session-env';
import { checkSpawn } from '../session/spawn-check';
import type { ActivityPoller } from '../status/activity-poller';

export interface SessionHostDeps {
  link: HostLink;
  spawnPty: PtySpawner;
  /** The session's mirror, at the PTY's starting size. */
  createMirror(config: HostConfig, size: { cols: number; rows: number }): ScreenMirror;
  reaper: Reaper;
  poller: ActivityPoller;
  processes: ProcessSource;
  /** Unique per host process; part of every session's environment marker. */
  hostId: string;
  hostEnv: Readonly<Record<string, string | undefined>>;
  wallClock(): number;
}

export interface ShutdownResult {
  forced: string[];
  survivors: number[];
}

type Message<T extends HubToHost['type']> = Extract<HubToHost, { type: T }>;

/** A session id from a message that failed validation, to give the error some context. */
function sessionIdOf(raw: unknown): string | null {
  if (typeof raw !== 'object' || raw === null || !('sessionId' in raw)) return null;
  const id = SessionId.safeParse(raw.sessionId);
  return id.success ? id.data : null;
}

/**
 * A spawn that failed validation but says which request and session it was: it is answered with
 * `spawn_failed`, so the hub's waiting request ends with the reason instead of timing out.
 */
function refusedSpawnOf(raw: unknown): { reqId: number; sessionId: string } | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { type, reqId, request } = raw as { type?: unknown; reqId?: unknown; request?: unknown };
  if (type !== 'spawn' || typeof reqId !== 'number' || !Number.isSafeInteger(reqId) || reqId < 0) return null;
  const sessionId = sessionIdOf(request);
  return sessionId === null ? null : { reqId, sessionId };
}

/** Shutdown gives SIGHUP at most this share of its timeout, so SIGKILL and verification fit in the rest. */
const GRACE_SHARE = 0.6;

export class SessionHost {
  private readonly sessions = new Map<string, Session>();
  /**
   * Sessions whose shell exited, with the shell's pid (it led the terminal's process group): stragglers
   * they left (`sleep 99 &; exit`) are still ended on shutdown.
   */
  private readonly exitedIds = new Map<string, number>();
  private exitedPruneAt: number = Reaping.exitedPruneFrom;
  private pruning = false;
  private readonly kills = new Map<string, Promise<ReapResult>>();
  /** Hosts that died, whose leftover processes are being ended (shutdown ends them too). */
  private readonly orphanHosts = new Set<string>();
  /** Sessions already reaped whose exit event may still be on its way. */
  private readonly reaped = new WeakSet<Session>();
  private config: HostConfig = {
    ringMaxLines: RingBufferDefaults.maxLines,
    ringMaxBytes: RingBufferDefaults.maxBytes,
  };
  private channelPaused = false;
  private shuttingDown = false;

  constructor(private readonly deps: SessionHostDeps) {
    deps.link.onDrain(() => this.setChannelPaused(false));
  }

  get sessionCount(): number {
    return this.sessions.size;
  }

  handle(raw: unknown): void {
    const parsed = HubToHost.safeParse(raw);
    if (!parsed.success) {
      const spawn = refusedSpawnOf(raw);
      if (spawn) {
        return this.spawnFailed(
          spawn.reqId,
          spawn.sessionId,
          `Invalid spawn request: ${describeIssues(parsed.error)}`,
        );
      }
      this.send({
        type: 'error',
        sessionId: sessionIdOf(raw),
        message: `Invalid message: ${describeIssues(parsed.error)}`,
      });
      return;
    }
    const message = parsed.data;
    switch (message.type) {
      case 'configure':
        this.config = message.config;
        return;
      case 'spawn':
        this.spawn(message.reqId, message.request);
        return;
      case 'write':
        this.withSession(message, (session) => session.write(message.data));
        return;
      case 'resize':
        this.withSession(message, (session) => session.resize(message.cols, message.rows));
        return;
      case 'pause':
      case 'resume':
        this.withSession(message, (session) => session.setHubPaused(message.type === 'pause'));
        return;
      case 'kill':
        this.kill(message.sessionId);
        return;
      case 'snapshot':
        this.snapshot(message);
        return;
      case 'reap_orphans':
        this.reapOrphans(message);
        return;
      case 'list':
        this.send({
          type: 'sessions',
          reqId: message.reqId,
          sessions: [...this.sessions.values()].map((s) => s.info),
        });
        return;
      case 'ping':
        this.send({ type: 'pong', seq: message.seq });
        return;
      case 'shutdown':
        void this.shutdown(message.timeoutMs).then((result) =>
          this.send({ type: 'shutdown_done', reqId: message.reqId, ...result }),
        );
        return;
      default: {
        const unhandled: never = message;
        throw new Error(`unhandled message ${JSON.stringify(unhandled)}`);
      }
    }
  }

  /** Ends every session in parallel under one timeout (also used when the hub goes away). */
  async shutdown(timeoutMs: number): Promise<ShutdownResult> {
    this.shuttingDown = true;
    try {
      const options = { graceMs: Math.min(Shutdown.graceMs, Math.floor(timeoutMs * GRACE_SHARE)), timeoutMs };
      const ids = new Set([...this.sessions.keys(), ...this.exitedIds.keys(), ...this.kills.keys()]);
      const [results, orphans] = await Promise.all([
        Promise.all([...ids].map(async (id) => ({ id, result: await this.reap(id, options, false) }))),
        Promise.all([...this.orphanHosts].map((hostId) => this.reapOrphansOf(hostId, options))),
      ]);
      const survivors = [...results.map(({ result }) => result), ...orphans].flatMap((r) => r.survivors);
      return {
        forced: results.filter(({ result }) => result.forced).map(({ id }) => id),
        survivors: [...new Set(survivors)].sort((a, b) => a - b),
      };
    } finally {
      this.shuttingDown = false;
    }
  }

  private send(message: HostToHub): void {
    this.deps.link.send(message);
    if (this.deps.link.backlogged && !this.channelPaused) this.setChannelPaused(true);
  }

  /** The channel to the hub is backed up: stop reading every PTY until it drains (nothing is dropped). */
  private setChannelPaused(paused: boolean): void {
    this.channelPaused = paused;
    for (const session of this.sessions.values()) session.setChannelPaused(paused);
  }

  private withSession(message: { sessionId: string; type: string }, act: (session: Session) => void): void {
    const session = this.sessions.get(message.sessionId);
    if (!session) {
      // Resizes and flow control racing a session's exit are expected; say nothing about those.
      if (message.type === 'write') {
        this.send({
          type: 'error',
          sessionId: message.sessionId,
          message: `No session "${message.sessionId}"`,
        });
      }
      return;
    }
    act(session);
  }

  private spawnFailed(reqId: number, sessionId: string, message: string): void {
    this.send({ type: 'spawn_failed', reqId, sessionId, message });
  }

  private spawn(reqId: number, request: SpawnRequest): void {
    const { sessionId } = request;
    if (this.shuttingDown) return this.spawnFailed(reqId, sessionId, 'The session host is shutting down');
    if (this.sessions.has(sessionId) || this.exitedIds.has(sessionId) || this.kills.has(sessionId)) {
      return this.spawnFailed(reqId, sessionId, `Session id "${sessionId}" is already in use`);
    }
    const env = buildSessionEnv(this.deps.hostEnv, request.env, { sessionId, hostId: this.deps.hostId });
    const check = checkSpawn(request.shell, request.cwd, env);
    if (!check.ok) return this.spawnFailed(reqId, sessionId, check.message);
    let pty: ReturnType<PtySpawner>;
    try {
      pty = this.deps.spawnPty({
        file: check.file,
        args: request.args,
        cwd: check.cwd,
        env,
        cols: request.cols,
        rows: request.rows,
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return this.spawnFailed(reqId, sessionId, `Cannot start "${request.shell}": ${reason}`);
    }
    const session = new Session(request, check.file, pty, this.deps.createMirror(this.config, request), {
      send: (message) => this.send(message),
      poller: this.deps.poller,
      processes: this.deps.processes,
      wallClock: this.deps.wallClock,
      onExit: (ended) => {
        if (this.sessions.get(ended.sessionId) !== ended) return;
        this.sessions.delete(ended.sessionId);
        if (!this.reaped.has(ended) && !this.kills.has(ended.sessionId))
          this.rememberExited(ended.sessionId, ended.pid);
      },
    });
    this.sessions.set(sessionId, session);
    if (this.channelPaused) session.setChannelPaused(true);
    this.send({ type: 'spawned', reqId, session: session.info });
    session.start();
  }

  /**
   * Keeps an exited session's id for shutdown, which ends what it left running (`sleep 99 &; exit`). When
   * the list has doubled, ids whose session left nothing behind are dropped: a long-running app sees
   * thousands of shells exit, and most leave nothing.
   */
  private rememberExited(sessionId: string, shellPid: number): void {
    this.exitedIds.set(sessionId, shellPid);
    if (this.exitedIds.size < this.exitedPruneAt || this.pruning) return;
    this.pruning = true;
    void this.deps.processes.list(true).then((processes) => {
      this.pruning = false;
      // Without a table nothing can be told: keep them all (shutdown signals their groups).
      if (!processes) return;
      const marked = new Set<string>();
      for (const info of processes) {
        if (info.marker?.hostId === this.deps.hostId) marked.add(info.marker.sessionId);
      }
      for (const id of this.exitedIds.keys()) if (!marked.has(id)) this.exitedIds.delete(id);
      this.exitedPruneAt = Math.max(Reaping.exitedPruneFrom, this.exitedIds.size * 2);
    });
  }

  private snapshot(message: Message<'snapshot'>): void {
    const session = this.sessions.get(message.sessionId);
    if (!session) {
      this.send({ type: 'snapshot', reqId: message.reqId, sessionId: message.sessionId, data: null });
      return;
    }
    session.snapshot(message.normal === true, ({ data, screen }) =>
      this.send({
        type: 'snapshot',
        reqId: message.reqId,
        sessionId: message.sessionId,
        data,
        ...(screen === null ? {} : { screen }),
      }),
    );
  }

  private reapOrphans(message: Message<'reap_orphans'>): void {
    const options = { graceMs: Shutdown.graceMs, timeoutMs: Shutdown.totalTimeoutMs };
    const hostIds = message.hostIds.filter((hostId) => hostId !== this.deps.hostId);
    void Promise.all(hostIds.map((hostId) => this.reapOrphansOf(hostId, options))).then((results) =>
      this.send({
        type: 'orphans_reaped',
        reqId: message.reqId,
        survivors: [...new Set(results.flatMap((result) => result.survivors))].sort((a, b) => a - b),
      }),
    );
  }

  private async reapOrphansOf(hostId: string, options: ReapOptions): Promise<ReapResult> {
    this.orphanHosts.add(hostId);
    const result = await this.deps.reaper.reap({ hostId, sessionId: null, shellPid: null }, options);
    if (result.survivors.length === 0) this.orphanHosts.delete(hostId);
    return result;
  }

  private kill(sessionId: string): void {
    if (!this.sessions.has(sessionId) && !this.exitedIds.has(sessionId) && !this.kills.has(sessionId)) {
      this.send({ type: 'error', sessionId, message: `No session "${sessionId}"` });
      return;
    }
    void this.reap(sessionId, { graceMs: Shutdown.graceMs, timeoutMs: Shutdown.totalTimeoutMs }, true);
  }

  /**
   * Ends a session's processes. Repeated kills share the running reap; a shutdown starts its own under its
   * own timeout (the reaper signals each process once per job, so two jobs only mean two lookups).
   */
  private reap(sessionId: string, options: ReapOptions, shareRunning: boolean): Promise<ReapResult> {
    const running = this.kills.get(sessionId);
    if (running && shareRunning) return running;
    const session = this.sessions.get(sessionId);
    const shellPid = session?.alive ? session.pid : null;
    // Before any signal: queued input must not outlive the PTY (see PtyProcess.dropPendingInput).
    session?.endInput();
    const target = {
      hostId: this.deps.hostId,
      sessionId,
      shellPid,
      group: session?.pid ?? this.exitedIds.get(sessionId) ?? null,
      ...(session?.alive ? { killTerminal: (signal: NodeJS.Signals) => session.killTerminal(signal) } : {}),
    };
    const promise = this.deps.reaper.reap(target, options).then((result) => {
      if (this.kills.get(sessionId) === promise) this.kills.delete(sessionId);
      this.exitedIds.delete(sessionId);
      const current = this.sessions.get(sessionId);
      if (current) {
        // Its exit event (node-pty reports it shortly after the shell died) still reaches the hub.
        this.reaped.add(current);
        if (!current.alive) this.sessions.delete(sessionId);
      }
      return result;
    });
    this.kills.set(sessionId, promise);
    return promise;
  }
}
