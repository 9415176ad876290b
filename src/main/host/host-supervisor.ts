// Starts the session host, watches its heartbeat, restarts it with backoff when it dies and gives up
// after too many crashes in a row (DESIGN.md §1). A host that died leaves behind whatever its sessions
// started that outlives a hangup (nohup, setsid, HUP-ignoring jobs): the next host is asked to end every
// process still carrying the dead host's marker, and a quit with no host running starts one to do it. Replies are delivered synchronously, in channel order
// with the host's other messages: the hub's gap-free replay depends on that ordering.
import { type HostConfig, HostToHub, type HubToHost } from '../../shared/host-protocol';
import { Heartbeat } from '../../shared/limits';
import { describeIssues, type HostState } from '../../shared/protocol';
import type { HostExit, HostLauncher, HostProcessLink } from './host-link';
import { RestartPolicy } from './restart-policy';

type Reply<T extends HostToHub['type']> = Extract<HostToHub, { type: T }>;
type Request = Extract<HubToHost, { reqId: number }>;
type RequestBody<T extends Request['type']> = Omit<Extract<Request, { type: T }>, 'reqId'>;
type ReplyFor = {
  spawn: 'spawned' | 'spawn_failed';
  snapshot: 'snapshot';
  list: 'sessions';
  reap_orphans: 'orphans_reaped';
  shutdown: 'shutdown_done';
};

export interface SupervisorEvents {
  /** Host messages that are not replies: output, exit, status, error. */
  message(message: HostToHub): void;
  /** The host is up (first start or restart) and answered hello. */
  ready(pid: number): void;
  /** The host died: every session it held is gone. */
  lost(exit: HostExit): void;
  state(state: HostState, restarts: number, message: string | null): void;
}

export interface SupervisorOptions {
  launcher: HostLauncher;
  config: HostConfig;
  events: SupervisorEvents;
  heartbeat?: { intervalMs: number; unresponsiveAfterMs: number };
  policy?: RestartPolicy;
  log?: (line: string) => void;
}

export class HostSupervisor {
  private link: HostProcessLink | null = null;
  private ready = false;
  private stopping = false;
  private startedAt = 0;
  private nextReqId = 1;
  private readonly pending = new Map<number, (reply: HostToHub | null) => void>();
  private heartbeatTimer: NodeJS.Timeout | null = null;
  private restartTimer: NodeJS.Timeout | null = null;
  private lastPongAt = 0;
  /** The running host's id (from its hello). */
  private hostId: string | null = null;
  /** Hosts that died whose leftover processes no host has ended yet. */
  private readonly lostHostIds = new Set<string>();
  private pingSeq = 0;
  private unresponsive = false;
  private hostState: HostState = 'restarting';
  private readonly policy: RestartPolicy;
  private readonly heartbeat: { intervalMs: number; unresponsiveAfterMs: number };
  private readonly log: (line: string) => void;

  constructor(private readonly options: SupervisorOptions) {
    this.policy = options.policy ?? new RestartPolicy();
    this.heartbeat = options.heartbeat ?? Heartbeat;
    this.log = options.log ?? (() => {});
  }

  get isReady(): boolean {
    return this.ready;
  }

  get state(): HostState {
    return this.hostState;
  }

  get restarts(): number {
    return this.policy.attempts;
  }

  get pid(): number | undefined {
    return this.link?.pid;
  }

  /** Hosts that died and whose leftover processes have not been ended yet. */
  get orphanedHosts(): string[] {
    return [...this.lostHostIds];
  }

  /** Starts the host; resolves once it said hello (or rejects if it died first). */
  start(): Promise<number> {
    return new Promise((resolve, reject) => {
      this.launch(resolve, (exit) =>
        reject(new Error(`session host exited at start (${describeExit(exit)})`)),
      );
    });
  }

  /** After the supervisor gave up ("failed"), a user action tries again. */
  retry(): void {
    if (this.link || this.stopping) return;
    this.clearTimers();
    this.policy.reset();
    this.launch();
  }

  /** Fire-and-forget messages (write, resize, kill, pause, resume). False when there is no host. */
  send(message: Exclude<HubToHost, Request>): boolean {
    if (!this.link || !this.ready) return false;
    this.link.send(message);
    return true;
  }

  /** A request whose reply arrives in channel order; `null` if the host died first. */
  request<T extends Request['type']>(
    type: T,
    body: Omit<RequestBody<T>, 'type'>,
    onReply: (reply: Reply<ReplyFor[T]> | null) => void,
  ): boolean {
    if (!this.link || !this.ready) return false;
    const reqId = this.nextReqId++;
    this.pending.set(reqId, onReply as (reply: HostToHub | null) => void);
    this.link.send({ ...body, type, reqId } as unknown as HubToHost);
    return true;
  }

  /**
   * Ends every session (host-side timeout), then the host itself. With no host running but processes of a
   * dead one left, a host is started just to end them.
   */
  async shutdown(timeoutMs: number): Promise<Reply<'shutdown_done'> | null> {
    this.stopping = true;
    this.clearTimers();
    if (!this.ready && this.lostHostIds.size > 0) await this.startForSweep(timeoutMs);
    return new Promise((resolve) => {
      const link = this.link;
      if (!link || !this.ready) {
        link?.kill();
        resolve(null);
        return;
      }
      // The host answers within its own timeout; this margin covers a host too wedged to answer.
      const guard = setTimeout(() => finish(null), timeoutMs + 2_000);
      const finish = (reply: Reply<'shutdown_done'> | null) => {
        clearTimeout(guard);
        link.kill();
        resolve(reply);
      };
      this.request('shutdown', { timeoutMs }, finish);
    });
  }

  /** Starts a host (even while stopping) and waits, within `timeoutMs`, for its hello. */
  private startForSweep(timeoutMs: number): Promise<void> {
    this.link?.kill();
    return new Promise((resolve) => {
      const guard = setTimeout(resolve, timeoutMs);
      const done = () => {
        clearTimeout(guard);
        resolve();
      };
      this.launch(done);
      this.link?.onExit(done);
    });
  }

  private launch(onReady?: (pid: number) => void, onEarlyExit?: (exit: HostExit) => void): void {
    const link = this.options.launcher();
    this.link = link;
    this.ready = false;
    this.startedAt = Date.now();
    link.onMessage((raw) => this.dispatch(link, raw, onReady));
    link.onExit((exit) => {
      if (!this.ready && onEarlyExit && !this.stopping) onEarlyExit(exit);
      this.onExit(link, exit);
    });
    link.send({ type: 'configure', config: this.options.config });
  }

  private dispatch(link: HostProcessLink, raw: unknown, onReady?: (pid: number) => void): void {
    if (link !== this.link) return;
    const parsed = HostToHub.safeParse(raw);
    if (!parsed.success) {
      this.log(`session host sent an invalid message: ${describeIssues(parsed.error)}`);
      return;
    }
    const message = parsed.data;
    switch (message.type) {
      case 'hello':
        this.ready = true;
        this.hostId = message.hostId;
        this.lastPongAt = Date.now();
        if (!this.stopping) this.startHeartbeat();
        this.sweepOrphans();
        this.setState('running', null);
        this.options.events.ready(message.pid);
        onReady?.(message.pid);
        return;
      case 'pong':
        this.lastPongAt = Date.now();
        if (this.unresponsive) {
          this.unresponsive = false;
          this.setState('running', null);
        }
        return;
      case 'spawned':
      case 'spawn_failed':
      case 'snapshot':
      case 'sessions':
      case 'orphans_reaped':
      case 'shutdown_done': {
        const callback = this.pending.get(message.reqId);
        this.pending.delete(message.reqId);
        callback?.(message);
        return;
      }
      default:
        this.options.events.message(message);
    }
  }

  /** Asks the running host to end what the hosts that died left behind (channel order: before anything else). */
  private sweepOrphans(): void {
    const hostIds = [...this.lostHostIds];
    if (hostIds.length === 0) return;
    this.request('reap_orphans', { hostIds }, (reply) => {
      // No reply: this host died too; the next one is asked again.
      if (!reply) return;
      if (reply.survivors.length > 0) {
        this.log(`processes of a crashed session host survived: ${reply.survivors.join(' ')}`);
        return;
      }
      for (const hostId of hostIds) this.lostHostIds.delete(hostId);
    });
  }

  private onExit(link: HostProcessLink, exit: HostExit): void {
    if (link !== this.link) return;
    // Killed or crashed (not a clean shutdown): whatever its sessions left running is an orphan now.
    if (this.hostId !== null && !(exit.code === 0 && exit.signal === null)) this.lostHostIds.add(this.hostId);
    this.hostId = null;
    this.link = null;
    this.ready = false;
    this.clearTimers();
    const callbacks = [...this.pending.values()];
    this.pending.clear();
    for (const callback of callbacks) callback(null);
    if (this.stopping) return;
    this.log(`session host exited (${describeExit(exit)})`);
    this.options.events.lost(exit);
    const decision = this.policy.onCrash(Date.now() - this.startedAt);
    if (!decision.restart) {
      this.setState(
        'failed',
        `The session host crashed ${decision.attempt} times in a row (last: ${describeExit(exit)}).`,
      );
      return;
    }
    this.setState('restarting', `The session host stopped (${describeExit(exit)}); restarting.`);
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      if (!this.stopping) this.launch();
    }, decision.delayMs);
  }

  private startHeartbeat(): void {
    this.clearTimers();
    this.heartbeatTimer = setInterval(() => {
      const link = this.link;
      if (!link) return;
      link.send({ type: 'ping', seq: ++this.pingSeq });
      if (!this.unresponsive && Date.now() - this.lastPongAt > this.heartbeat.unresponsiveAfterMs) {
        this.unresponsive = true;
        this.setState('unresponsive', 'The session host is not answering; waiting for it.');
      }
    }, this.heartbeat.intervalMs);
    this.heartbeatTimer.unref();
  }

  private clearTimers(): void {
    if (this.heartbeatTimer) clearInterval(this.heartbeatTimer);
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.heartbeatTimer = null;
    this.restartTimer = null;
  }

  private setState(state: HostState, message: string | null): void {
    this.hostState = state;
    this.options.events.state(state, this.policy.attempts, message);
  }
}

function describeExit(exit: HostExit): string {
  return exit.signal ? `signal ${exit.signal}` : `exit code ${exit.code}`;
}
