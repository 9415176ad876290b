// The hub (DESIGN.md §1-3): the one layout, the tab ↔ session map, and the routing between clients
// (windows, browser tabs) and the session host. Every inbound message is validated here; a bad one is
// answered with `terminal_error` and changes nothing.
import { randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import type { HostSessionInfo, HostToHub } from '../../shared/host-protocol';
import { RingBufferDefaults, ScrollbackSaving, Shutdown } from '../../shared/limits';
import {
  type ClientMessage,
  type ErrorCode,
  type HostState,
  type Layout,
  parseClientMessage,
  type ServerMessage,
} from '../../shared/protocol';
import type { Settings } from '../../shared/settings';
import type { HostLauncher } from '../host/host-link';
import { HostSupervisor } from '../host/host-supervisor';
import type { HubClient, HubConnection } from './hub-client';
import * as model from './layout-model';
import { LiveSession, type Size } from './live-session';

/** Where the layout lives between runs (a DurableStore in the app, memory in tests). */
export interface LayoutPersistence {
  load(): Layout | null;
  save(layout: Layout): void;
  flush(): void;
  /** Called once the disk holds everything passed to `save` so far. */
  onSaved?(listener: () => void): void;
}

/** Each tab's recent output on disk, restored above a marker after a restart. */
export interface ScrollbackPersistence {
  load(tabId: string): string | null;
  save(tabId: string, text: string): void;
  remove(tabId: string): void;
  /** Deletes the history of tabs that no longer exist. */
  retain(tabIds: ReadonlySet<string>): void;
}

export interface AppNotice {
  level: 'info' | 'warning' | 'error';
  code: string;
  message: string;
}

export interface HubOptions {
  launcher: HostLauncher;
  settings: Settings;
  persistence: LayoutPersistence;
  scrollback?: ScrollbackPersistence;
  /** Things to tell every client on connect (e.g. a quarantined file). */
  notices?: AppNotice[];
  homeDir: string;
  /** Shell used when settings.shell is null. */
  defaultShell: string;
  /** Environment the shells start from. */
  env: Record<string, string | undefined>;
  newId?: () => string;
  log?: (line: string) => void;
}

export interface ShutdownReport {
  /** Sessions whose processes ignored SIGHUP and had to be killed. */
  forced: string[];
  /** Pids still alive after the timeout (should be none). */
  survivors: number[];
  /** False when the host did not answer in time and was killed outright. */
  clean: boolean;
}

interface PendingSpawn {
  sessionId: string;
  waiters: Map<string, Size>;
  /** Restored history the new session starts with; spawners get it as their replay. */
  preamble: string | null;
}

const DEFAULT_SIZE: Size = { cols: 80, rows: 24 };

export class Hub {
  private layout: Layout;
  private revision = 0;
  private savedRevision = 0;
  private readonly clients = new Map<string, HubClient>();
  private readonly sessions = new Map<string, LiveSession>();
  private readonly pendingSpawns = new Map<string, PendingSpawn>();
  private readonly supervisor: HostSupervisor;
  private readonly newId: () => string;
  private readonly log: (line: string) => void;
  private readonly notices: AppNotice[];
  /** Tabs loaded from disk whose history has not been shown in a new session yet. */
  private readonly restoredTabs = new Set<string>();
  /** When each session's history was last saved (epoch ms of the output it contained). */
  private readonly savedAt = new Map<string, number>();
  private saveTimer: NodeJS.Timeout | null = null;
  private hostStatus: { state: HostState; restarts: number; message: string | null } = {
    state: 'restarting',
    restarts: 0,
    message: null,
  };

  private constructor(private readonly options: HubOptions) {
    this.newId = options.newId ?? (() => randomUUID());
    this.log = options.log ?? (() => {});
    this.notices = [...(options.notices ?? [])];
    this.layout = this.restoreLayout(options.persistence.load());
    options.persistence.onSaved?.(() => {
      // Everything saved so far includes the current revision (saves are synchronous hand-offs).
      if (this.savedRevision === this.revision) return;
      this.savedRevision = this.revision;
      this.broadcast({ type: 'layout_saved', revision: this.revision });
    });
    this.supervisor = new HostSupervisor({
      launcher: options.launcher,
      config: { ringMaxLines: options.settings.ringLines, ringMaxBytes: RingBufferDefaults.maxBytes },
      log: this.log,
      events: {
        message: (message) => this.onHostMessage(message),
        ready: () => {},
        lost: () => this.onHostLost(),
        state: (state, restarts, message) => {
          this.hostStatus = { state, restarts, message };
          this.broadcast({ type: 'host_status', state, restarts, message });
        },
      },
    });
  }

  /** Starts the session host and spawns each workspace's active tab (the others wait until activated). */
  static async start(options: HubOptions): Promise<Hub> {
    const hub = new Hub(options);
    await hub.supervisor.start();
    options.scrollback?.retain(new Set(Object.keys(hub.layout.tabs)));
    for (const workspace of hub.layout.workspaces) {
      if (workspace.activeTabId) hub.spawnForTab(workspace.activeTabId, DEFAULT_SIZE, null, null);
    }
    if (options.scrollback) {
      hub.saveTimer = setInterval(() => hub.saveScrollback(false), ScrollbackSaving.intervalMs);
      hub.saveTimer.unref();
    }
    return hub;
  }

  get hostPid(): number | undefined {
    return this.supervisor.pid;
  }

  get currentLayout(): Layout {
    return this.layout;
  }

  connect(client: HubClient): HubConnection {
    this.clients.set(client.id, client);
    client.send({ type: 'layout', layout: this.layout, revision: this.revision });
    client.send({ type: 'layout_saved', revision: this.savedRevision });
    client.send({ type: 'settings', settings: this.options.settings });
    client.send({ type: 'host_status', ...this.hostStatus });
    for (const notice of this.notices) client.send({ type: 'app_notice', ...notice });
    for (const session of this.sessions.values()) {
      if (session.status) client.send({ type: 'session_status', ...session.status });
    }
    return {
      receive: (raw) => this.receive(client, raw),
      disconnect: () => this.disconnect(client),
    };
  }

  /** Tells every connected client; `sticky` notices are also told to every client that connects later. */
  notify(notice: AppNotice, sticky = false): void {
    if (sticky) this.notices.push(notice);
    this.broadcast({ type: 'app_notice', ...notice });
  }

  /** Tabs running something other than their shell, for the quit confirmation. */
  runningPrograms(): Array<{ tabId: string; title: string; command: string }> {
    return [...this.sessions.values()].flatMap((session) => {
      const status = session.status;
      if (status?.status !== 'running' || !status.command) return [];
      const tab = model.tabOf(this.layout, session.tabId);
      return [
        {
          tabId: session.tabId,
          title: tab?.customName ?? tab?.title ?? status.title,
          command: status.command,
        },
      ];
    });
  }

  /** Ends every session in parallel under one timeout, then the host. Call once, on quit. */
  async shutdown(timeoutMs: number = Shutdown.totalTimeoutMs): Promise<ShutdownReport> {
    if (this.saveTimer) clearInterval(this.saveTimer);
    await this.saveScrollback(true);
    this.options.persistence.flush();
    const reply = await this.supervisor.shutdown(timeoutMs);
    if (reply && reply.forced.length > 0) this.log(`had to kill sessions: ${reply.forced.join(', ')}`);
    return { forced: reply?.forced ?? [], survivors: reply?.survivors ?? [], clean: reply !== null };
  }

  private receive(client: HubClient, raw: unknown): void {
    if (!this.clients.has(client.id)) return;
    const parsed = parseClientMessage(raw);
    if (!parsed.ok) {
      this.fail(client, 'bad_message', `Invalid message: ${parsed.error}`);
      return;
    }
    try {
      this.handle(client, parsed.value);
    } catch (error) {
      this.log(
        `error handling ${parsed.value.type}: ${error instanceof Error ? error.stack : String(error)}`,
      );
      this.fail(client, 'internal', `Tabterm could not handle ${parsed.value.type}; nothing was changed.`);
    }
  }

  private handle(client: HubClient, message: ClientMessage): void {
    switch (message.type) {
      case 'terminal_spawn':
        return this.onSpawn(client, message);
      case 'terminal_attach':
        return this.attach(client, message.tabId, message.sessionId, message);
      case 'terminal_detach':
        return this.detach(client.id, message.sessionId);
      case 'terminal_input': {
        const session = this.attachedSession(client, message.sessionId);
        if (!session) return;
        this.resizeTo(session, session.touch(client.id));
        this.supervisor.send({ type: 'write', sessionId: session.id, data: message.data });
        return;
      }
      case 'terminal_resize': {
        const session = this.attachedSession(client, message.sessionId);
        if (session) this.resizeTo(session, session.resize(client.id, message));
        return;
      }
      case 'terminal_ack': {
        const session = this.sessions.get(message.sessionId);
        if (session) this.applyFlow(session, session.flow.acked(client.id, message.chars));
        return;
      }
      case 'terminal_kill': {
        const session = this.sessions.get(message.sessionId);
        if (!session || session.tabId !== message.tabId) {
          return this.fail(client, 'unknown_session', 'That session has already ended.', message);
        }
        this.supervisor.send({ type: 'kill', sessionId: session.id });
        return;
      }
      case 'tab_create':
        return this.createTab(client, message.workspaceId, message.cwd, message.profile, message.index);
      case 'tab_close': {
        const sessionId = model.tabOf(this.layout, message.tabId)?.sessionId;
        if (!this.edit(client, model.removeTab(this.layout, message.tabId))) return;
        this.endSession(sessionId ?? null);
        this.forgetTab(message.tabId);
        return;
      }
      case 'tab_rename':
        this.edit(client, model.renameTab(this.layout, message.tabId, message.name));
        return;
      case 'tab_move':
        this.edit(client, model.moveTab(this.layout, message.tabId, message.workspaceId, message.index));
        return;
      case 'tab_activate':
        this.edit(client, model.activateTab(this.layout, message.tabId));
        return;
      case 'workspace_create':
        return this.createWorkspace(client, message.name);
      case 'workspace_rename':
        this.edit(client, model.renameWorkspace(this.layout, message.workspaceId, message.name));
        return;
      case 'workspace_delete': {
        const workspace = this.layout.workspaces.find((w) => w.id === message.workspaceId);
        const tabIds = workspace?.tabIds ?? [];
        const sessionIds = tabIds.map((id) => model.tabOf(this.layout, id)?.sessionId ?? null);
        if (!this.edit(client, model.removeWorkspace(this.layout, message.workspaceId))) return;
        for (const sessionId of sessionIds) this.endSession(sessionId);
        for (const tabId of tabIds) this.forgetTab(tabId);
        return;
      }
      case 'workspace_activate':
        this.edit(client, model.activateWorkspace(this.layout, message.workspaceId));
        return;
      case 'workspace_move':
        this.edit(client, model.moveWorkspace(this.layout, message.workspaceId, message.index));
        return;
      case 'host_restart':
        this.supervisor.retry();
        return;
      default:
        message satisfies never;
    }
  }

  // ── sessions ─────────────────────────────────────────────────────────────────────────────────

  private onSpawn(client: HubClient, message: Extract<ClientMessage, { type: 'terminal_spawn' }>): void {
    const tab = model.tabOf(this.layout, message.tabId);
    if (!tab) return this.fail(client, 'unknown_tab', `No tab ${message.tabId}.`, message);
    const size = { cols: message.cols, rows: message.rows };
    // Two windows may race to spawn the same tab: the second one joins the first's session.
    const live = tab.sessionId ? this.sessions.get(tab.sessionId) : undefined;
    if (live) return this.attach(client, tab.id, live.id, size);
    const pending = this.pendingSpawns.get(tab.id);
    if (pending) {
      pending.waiters.set(client.id, size);
      return;
    }
    if (message.cwd !== undefined && !isDirectory(message.cwd)) {
      return this.fail(
        client,
        'no_such_directory',
        `Cannot start a shell in "${message.cwd}": no such directory.`,
        message,
      );
    }
    this.spawnForTab(tab.id, size, client, message.cwd ?? null);
  }

  private spawnForTab(
    tabId: string,
    size: Size,
    client: HubClient | null,
    requestedCwd: string | null,
  ): void {
    const tab = model.tabOf(this.layout, tabId);
    if (!tab) return;
    const limit = this.options.settings.maxSessions;
    if (this.sessions.size + this.pendingSpawns.size >= limit) {
      return this.fail(
        client,
        'session_limit',
        `Cannot start another session: ${limit} are open, the limit (maxSessions in settings). Close a tab first.`,
        { tabId },
      );
    }
    let cwd = requestedCwd ?? tab.cwd ?? this.options.homeDir;
    if (!isDirectory(cwd)) {
      this.notifyAll(
        'warning',
        'cwd_missing',
        `"${cwd}" no longer exists; the tab starts in your home directory.`,
      );
      cwd = this.options.homeDir;
    }
    const sessionId = this.newId();
    const { shell, args } = this.shellCommand();
    const history = this.restoredTabs.has(tabId) ? (this.options.scrollback?.load(tabId) ?? null) : null;
    const preamble = history ? `${history}${restoredMarker(new Date())}` : null;
    const pending: PendingSpawn = {
      sessionId,
      waiters: new Map(client ? [[client.id, size]] : []),
      preamble,
    };
    const request = {
      sessionId,
      tabId,
      shell,
      args,
      cwd,
      env: this.shellEnv(),
      ...size,
      ...(preamble ? { preamble } : {}),
    };
    // Pending before the request: a link may deliver the reply before `request` returns.
    this.pendingSpawns.set(tabId, pending);
    const sent = this.supervisor.request('spawn', { request }, (reply) => {
      this.pendingSpawns.delete(tabId);
      if (reply?.type === 'spawned') return this.onSpawned(reply.session, pending);
      const code: ErrorCode = reply ? 'spawn_failed' : 'host_unavailable';
      const text = reply ? reply.message : 'The session host stopped before the shell started.';
      for (const waiter of pending.waiters.keys())
        this.fail(this.clients.get(waiter) ?? null, code, text, { tabId });
    });
    if (!sent) {
      this.pendingSpawns.delete(tabId);
      return this.fail(client, 'host_unavailable', 'The session host is not running; try again shortly.', {
        tabId,
      });
    }
  }

  private onSpawned(info: HostSessionInfo, pending: PendingSpawn): void {
    const tab = model.tabOf(this.layout, info.tabId);
    if (!tab) {
      // The tab was closed while its shell was starting.
      this.supervisor.send({ type: 'kill', sessionId: info.sessionId });
      return;
    }
    const session = new LiveSession(info);
    this.sessions.set(session.id, session);
    this.restoredTabs.delete(tab.id);
    this.setLayout(
      model.updateTab(this.layout, tab.id, {
        sessionId: session.id,
        state: 'live',
        exitCode: null,
        cwd: info.cwd,
        title: tab.title || basename(info.shell),
      }),
    );
    for (const [clientId, size] of pending.waiters) {
      const client = this.clients.get(clientId);
      if (!client) continue;
      this.applyFlow(session, session.flow.addClient(clientId));
      this.resizeTo(session, session.touch(clientId, size));
      client.send(this.readyMessage(session));
      if (pending.preamble) {
        client.send({ type: 'terminal_replay', sessionId: session.id, data: pending.preamble });
        this.applyFlow(session, session.flow.sent(clientId, pending.preamble.length));
      }
    }
  }

  /** Replay then live output: the snapshot reply is ordered with the session's output messages, so
   *  output before it is inside the replay and output after it is forwarded. No gap, no duplicate. */
  private attach(client: HubClient, tabId: string, sessionId: string, size: Size): void {
    const session = this.sessions.get(sessionId);
    if (!session || session.tabId !== tabId) {
      return this.fail(client, 'unknown_session', 'That session no longer exists.', { tabId, sessionId });
    }
    if (session.flow.has(client.id)) this.detach(client.id, sessionId);
    const sent = this.supervisor.request('snapshot', { sessionId }, (reply) => {
      const current = this.sessions.get(sessionId);
      if (!this.clients.has(client.id)) return;
      if (!reply || reply.data === null || !current) {
        return this.fail(client, 'unknown_session', 'That session no longer exists.', { tabId, sessionId });
      }
      client.send(this.readyMessage(current));
      client.send({ type: 'terminal_replay', sessionId, data: reply.data });
      this.applyFlow(current, current.flow.addClient(client.id));
      this.applyFlow(current, current.flow.sent(client.id, reply.data.length));
      this.resizeTo(current, current.touch(client.id, size));
      if (current.status) client.send({ type: 'session_status', ...current.status });
    });
    if (!sent)
      this.fail(client, 'host_unavailable', 'The session host is not running; try again shortly.', { tabId });
  }

  private detach(clientId: string, sessionId: string): void {
    const session = this.sessions.get(sessionId);
    if (!session?.flow.has(clientId)) return;
    this.applyFlow(session, session.flow.removeClient(clientId));
    this.resizeTo(session, session.forget(clientId));
  }

  private disconnect(client: HubClient): void {
    this.clients.delete(client.id);
    for (const session of this.sessions.values()) this.detach(client.id, session.id);
    for (const pending of this.pendingSpawns.values()) pending.waiters.delete(client.id);
  }

  private attachedSession(client: HubClient, sessionId: string): LiveSession | null {
    const session = this.sessions.get(sessionId);
    if (!session) {
      this.fail(client, 'unknown_session', 'That session no longer exists.', { sessionId });
      return null;
    }
    if (!session.flow.has(client.id)) {
      this.fail(client, 'not_permitted', 'Attach to the session before sending to it.', { sessionId });
      return null;
    }
    return session;
  }

  /** A shell still starting for a closed tab is killed when it reports in (onSpawned finds no tab). */
  private endSession(sessionId: string | null): void {
    if (sessionId && this.sessions.has(sessionId)) this.supervisor.send({ type: 'kill', sessionId });
  }

  private onHostMessage(message: HostToHub): void {
    switch (message.type) {
      case 'output': {
        const session = this.sessions.get(message.sessionId);
        if (!session) return;
        const out: ServerMessage = { type: 'terminal_output', sessionId: session.id, data: message.data };
        for (const clientId of session.flow.clients()) {
          this.clients.get(clientId)?.send(out);
          this.applyFlow(session, session.flow.sent(clientId, message.data.length));
        }
        return;
      }
      case 'exit':
        return this.onExit(message.sessionId, message.exitCode, message.signal);
      case 'status':
        return this.onStatus(message.status);
      case 'error':
        this.log(`session host: ${message.message}`);
        return;
      default:
        return;
    }
  }

  private onExit(sessionId: string, exitCode: number | null, signal: number | null): void {
    const session = this.sessions.get(sessionId);
    if (!session) return;
    this.sessions.delete(sessionId);
    this.savedAt.delete(sessionId);
    if (session.status) {
      session.status = { ...session.status, status: 'exited', exitCode, command: null };
      this.broadcast({ type: 'session_status', ...session.status });
    }
    const tab = model.tabOf(this.layout, session.tabId);
    if (tab?.sessionId === sessionId) {
      this.setLayout(model.updateTab(this.layout, tab.id, { state: 'exited', exitCode, sessionId: null }));
    }
    this.broadcast({ type: 'terminal_closed', tabId: session.tabId, sessionId, exitCode, signal });
  }

  private onStatus(status: NonNullable<LiveSession['status']>): void {
    const session = this.sessions.get(status.sessionId);
    if (!session) return;
    session.status = status;
    this.broadcast({ type: 'session_status', ...status });
    const tab = model.tabOf(this.layout, session.tabId);
    if (tab && (tab.title !== status.title || (status.cwd !== null && tab.cwd !== status.cwd))) {
      this.setLayout(
        model.updateTab(this.layout, tab.id, { title: status.title, cwd: status.cwd ?? tab.cwd }),
      );
    }
  }

  /** The host died: its sessions are gone. Tabs keep their session id so a client's attach attempt
   *  is answered `unknown_session` and it respawns in the tab's last cwd (DESIGN.md §3). */
  private onHostLost(): void {
    const staleTabIds: string[] = [];
    let next = this.layout;
    for (const session of this.sessions.values()) {
      if (model.tabOf(next, session.tabId)?.sessionId === session.id) {
        next = model.updateTab(next, session.tabId, { state: 'stale' });
        staleTabIds.push(session.tabId);
      }
    }
    this.sessions.clear();
    this.setLayout(next);
    if (staleTabIds.length > 0) this.broadcast({ type: 'terminal_stale', tabIds: staleTabIds });
  }

  private applyFlow(session: LiveSession, decision: 'pause' | 'resume' | null): void {
    if (decision) this.supervisor.send({ type: decision, sessionId: session.id });
  }

  private resizeTo(session: LiveSession, size: Size | null): void {
    if (size)
      this.supervisor.send({ type: 'resize', sessionId: session.id, cols: size.cols, rows: size.rows });
  }

  private readyMessage(session: LiveSession): ServerMessage {
    const { sessionId, tabId, pid, shell, cwd } = session.info;
    return { type: 'terminal_ready', tabId, sessionId, pid, shell, cwd };
  }

  // ── layout ───────────────────────────────────────────────────────────────────────────────────

  private createTab(
    client: HubClient,
    workspaceId: string,
    cwd: string | undefined,
    profile: string | undefined,
    index: number | undefined,
  ): void {
    if (cwd !== undefined && !isDirectory(cwd)) {
      return this.fail(client, 'no_such_directory', `Cannot open a tab in "${cwd}": no such directory.`);
    }
    // A new tab opens where the user is: the active tab's directory in that workspace.
    const workspace = this.layout.workspaces.find((w) => w.id === workspaceId);
    const activeCwd = workspace?.activeTabId
      ? (model.tabOf(this.layout, workspace.activeTabId)?.cwd ?? null)
      : null;
    const tab = model.newTab(this.newId(), this.shellName(), cwd ?? activeCwd, profile ?? null);
    this.edit(client, model.addTab(this.layout, workspaceId, tab, index));
  }

  private createWorkspace(client: HubClient, name: string | undefined): void {
    const workspaceId = this.newId();
    const added = model.addWorkspace(this.layout, workspaceId, name);
    if (!added.ok) return this.fail(client, added.code, added.message);
    const tab = model.newTab(this.newId(), this.shellName(), this.options.homeDir);
    this.edit(client, model.addTab(added.layout, workspaceId, tab));
  }

  private edit(client: HubClient, result: model.Edit): boolean {
    if (!result.ok) {
      this.fail(client, result.code, result.message);
      return false;
    }
    this.setLayout(result.layout);
    return true;
  }

  private setLayout(layout: Layout): void {
    if (layout === this.layout) return;
    this.layout = layout;
    this.revision += 1;
    this.broadcast({ type: 'layout', layout, revision: this.revision });
    this.options.persistence.save(layout);
  }

  /** Loaded tabs have no session yet: stale, to be respawned when activated. */
  private restoreLayout(saved: Layout | null): Layout {
    if (saved && saved.workspaces.length > 0) {
      for (const tabId of Object.keys(saved.tabs)) this.restoredTabs.add(tabId);
      const tabs = Object.fromEntries(
        Object.entries(saved.tabs).map(([id, tab]) => [
          id,
          { ...tab, sessionId: null, state: 'stale' as const, exitCode: null },
        ]),
      );
      return { ...saved, tabs };
    }
    const first = model.addWorkspace(model.emptyLayout(), this.newId(), undefined);
    if (!first.ok) throw new Error(first.message);
    const tab = model.newTab(this.newId(), this.shellName(), this.options.homeDir);
    const withTab = model.addTab(first.layout, first.layout.workspaces[0]!.id, tab);
    if (!withTab.ok) throw new Error(withTab.message);
    return withTab.layout;
  }

  // ── scrollback on disk ───────────────────────────────────────────────────────────────────────

  /** Saves the normal-screen history of sessions with new output (all of them when quitting). */
  private saveScrollback(all: boolean): Promise<void> {
    const store = this.options.scrollback;
    if (!store) return Promise.resolve();
    const requests = [...this.sessions.values()].flatMap((session) => {
      const outputAt = session.status?.lastOutputAt ?? 0;
      if (!all && outputAt <= (this.savedAt.get(session.id) ?? 0)) return [];
      return [
        new Promise<void>((resolve) => {
          const sent = this.supervisor.request(
            'snapshot',
            { sessionId: session.id, normal: true },
            (reply) => {
              if (reply?.data != null && model.tabOf(this.layout, session.tabId)) {
                store.save(session.tabId, reply.data);
                this.savedAt.set(session.id, outputAt);
              }
              resolve();
            },
          );
          if (!sent) resolve();
        }),
      ];
    });
    const timeout = new Promise<void>((resolve) =>
      setTimeout(resolve, ScrollbackSaving.quitTimeoutMs).unref(),
    );
    return Promise.race([Promise.all(requests).then(() => {}), timeout]);
  }

  private forgetTab(tabId: string): void {
    this.restoredTabs.delete(tabId);
    this.options.scrollback?.remove(tabId);
  }

  // ── helpers ──────────────────────────────────────────────────────────────────────────────────

  private shellCommand(): { shell: string; args: string[] } {
    return {
      shell: this.options.settings.shell ?? this.options.defaultShell,
      args: this.options.settings.shellArgs,
    };
  }

  private shellName(): string {
    return basename(this.shellCommand().shell);
  }

  private shellEnv(): Record<string, string> {
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(this.options.env)) {
      // Our own and npm's/Electron's variables would confuse programs started in the shell.
      if (value === undefined || /^(npm_|TABTERM_|ELECTRON_RUN_AS_NODE$|NODE_OPTIONS$)/.test(key)) continue;
      env[key] = value;
    }
    return env;
  }

  private broadcast(message: ServerMessage): void {
    for (const client of this.clients.values()) client.send(message);
  }

  private notifyAll(level: AppNotice['level'], code: string, message: string): void {
    this.notify({ level, code, message });
  }

  private fail(
    client: HubClient | null,
    code: ErrorCode,
    message: string,
    about: { tabId?: string; sessionId?: string } = {},
  ): void {
    const { tabId, sessionId } = about;
    client?.send({
      type: 'terminal_error',
      code,
      message,
      ...(tabId !== undefined ? { tabId } : {}),
      ...(sessionId !== undefined ? { sessionId } : {}),
    });
  }
}

/** Shown between restored history and the new shell (dim, on its own line). */
export function restoredMarker(when: Date): string {
  const stamp = when.toISOString().replace('T', ' ').slice(0, 16);
  return `\r\n\x1b[0m\x1b[2m── restored ${stamp} UTC ──\x1b[0m\r\n`;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
