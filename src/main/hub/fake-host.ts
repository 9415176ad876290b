// An in-memory session host that speaks the host protocol, for fast hub tests and fuzzing. It records
// what the hub asked and answers like the real one (which the integration tests cover).
import { type HostToHub, HubToHost } from '../../shared/host-protocol';
import { defaultSettings } from '../../shared/settings';
import type { HostExit, HostLauncher, HostProcessLink } from '../host/host-link';
import type { HubOptions } from './hub-options';

export class FakeHost {
  readonly received: HubToHost[] = [];
  /** Messages the real host would refuse (it validates with the same schema). */
  readonly invalid: unknown[] = [];
  readonly sessions = new Map<string, { tabId: string; cwd: string }>();
  private messageListeners: Array<(raw: unknown) => void> = [];
  private exitListeners: Array<(exit: HostExit) => void> = [];
  launches = 0;
  /** A frozen host (think SIGSTOP) answers nothing until thawed. */
  frozen = false;
  /** When set, spawns fail with this message. */
  failSpawnsWith: string | null = null;

  readonly launcher: HostLauncher = () => {
    this.launches += 1;
    this.messageListeners = [];
    this.exitListeners = [];
    const link: HostProcessLink = {
      pid: 1000 + this.launches,
      send: (message) => this.onMessage(message),
      onMessage: (listener) => this.messageListeners.push(listener),
      onExit: (listener) => this.exitListeners.push(listener),
      kill: () => this.crash({ code: null, signal: 'SIGKILL' }),
    };
    return link;
  };

  emit(message: HostToHub | Record<string, unknown>): void {
    for (const listener of this.messageListeners) listener(message);
  }

  crash(exit: HostExit = { code: null, signal: 'SIGKILL' }): void {
    this.sessions.clear();
    const listeners = this.exitListeners;
    this.exitListeners = [];
    for (const listener of listeners) listener(exit);
  }

  private onMessage(raw: HubToHost): void {
    const parsed = HubToHost.safeParse(raw);
    if (!parsed.success) {
      this.invalid.push(raw);
      return;
    }
    const message = parsed.data;
    this.received.push(message);
    switch (message.type) {
      case 'configure':
        queueMicrotask(() =>
          this.emit({ type: 'hello', pid: 1000 + this.launches, hostId: `fake-${this.launches}` }),
        );
        return;
      case 'ping':
        if (!this.frozen) this.emit({ type: 'pong', seq: message.seq });
        return;
      case 'spawn': {
        const { request, reqId } = message;
        if (this.failSpawnsWith) {
          this.emit({
            type: 'spawn_failed',
            reqId,
            sessionId: request.sessionId,
            message: this.failSpawnsWith,
          });
          return;
        }
        this.sessions.set(request.sessionId, { tabId: request.tabId, cwd: request.cwd });
        const { sessionId, tabId, shell, cwd, cols, rows } = request;
        this.emit({
          type: 'spawned',
          reqId,
          session: { sessionId, tabId, pid: 4242, shell, cwd, cols, rows },
        });
        return;
      }
      case 'snapshot':
        this.emit({
          type: 'snapshot',
          reqId: message.reqId,
          sessionId: message.sessionId,
          data: this.sessions.has(message.sessionId) ? 'replay' : null,
        });
        return;
      case 'kill':
        if (this.sessions.delete(message.sessionId)) {
          this.emit({ type: 'exit', sessionId: message.sessionId, exitCode: null, signal: 1 });
        }
        return;
      case 'list':
        this.emit({ type: 'sessions', reqId: message.reqId, sessions: [] });
        return;
      case 'reap_orphans':
        this.emit({ type: 'orphans_reaped', reqId: message.reqId, survivors: [] });
        return;
      case 'shutdown':
        this.emit({ type: 'shutdown_done', reqId: message.reqId, forced: [], survivors: [] });
        return;
      default:
        return;
    }
  }
}

/**
 * Options for a hub on `host` as most tests want it: bash, no layout saved, home `/`, an empty
 * environment, ids id1, id2, … in order; `overrides` on top.
 */
export function fakeHubOptions(host: FakeHost, overrides: Partial<HubOptions> = {}): HubOptions {
  let nextId = 0;
  return {
    launcher: host.launcher,
    settings: { ...defaultSettings(), shell: '/bin/bash' },
    persistence: { load: () => null, save: () => {}, flush: () => {} },
    homeDir: '/',
    defaultShell: { shell: '/bin/bash', args: [] },
    env: {},
    newId: () => `id${++nextId}`,
    ...overrides,
  };
}
