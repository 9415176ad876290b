// The hub (DESIGN.md §1-3): the one layout, the tab ↔ session map, and the routing between clients
// (windows, browser tabs) and the session host. Every inbound message is validated here; a bad one is
// answered with `terminal_error` and changes nothing. Beside it: the pure layout edits (layout-model),
// per-session flow control and sizes (live-session), saving history to disk (scrollback-saver) and
// what a shell starts with (shell-launch).

import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import type { HostSessionInfo, HostToHub } from '../../shared/host-protocol';
import { FlowControl, RingBufferDefaults, Shutdown, StatusUpdates } from '../../shared/limits';
import {
  type ClientMessage,
  type ErrorCode,
  type HostState,
  type Layout,
  type LayoutTab,
  parseClientMessage,
  type ServerMessage,
} from '../../shared/protocol';
import type { Settings } from '../../shared/settings';
import { HostSupervisor } from '../host/host-supervisor';
import type { HubClient, HubConnection } from './hub-client';
import type { AppNotice, HubOptions, ShutdownReport } from './hub-options';
import * as model from './layout-model';
import { LiveSession, type Size } from './live-session';
import { checkOpenPath, type PathFacts, statOnDisk } from './path-open';
import {
  defaultProfileName,
  existingProfile,
  type Launch,
  launchFor,
  type ProfileContext,
  profileList,
} from './profiles';
import { ScrollbackSaver } from './scrollback-saver';
import { isDirectory, shellEnv, shellName } from './shell-launch';
import { StatusCoalescer } from './status-coalescer';

interface PendingSpawn {
  sessionId: string;
  waiters: Map<string, Size>;
  /** Restored history the new session starts with; spawners get it as their replay. */
  preamble: string | null;
}

const DEFAULT_SIZE: Size = { cols: 80, rows: 24 };

export class Hub {
  private layout: Layout;
  private settings: Settings;
  private revision = 0;
  private savedRevision = 0;
  private readonly clients = new Map<string, HubClient>();
  private readonly sessions = new Map<string, LiveSession>();
  private readonly pendingSpawns = new Map<string, PendingSpawn>();
  private readonly supervisor: HostSupervisor;
  private readonly newId: () => string;
  private readonly log: (line: string) => void;
  private readonly notices: AppNotice[];
  private readonly scrollback: ScrollbackSaver;
  /** Session statuses to clients, at most one per session per interval (status-coalescer.ts). */
  private readonly statuses = new StatusCoalescer(
    (status) => this.broadcast({ type: 'session_status', ...status }),
    StatusUpdates.intervalMs,
  );
  /** What every shell starts with (shell-launch.ts: inherited, minus what must not or cannot pass). */
  private readonly baseEnv: Record<string, string>;
  private hostStatus: { state: HostState; restarts: number; message: string | null } = {
    state: 'restarting',
    restarts: 0,
    message: null,
  };

  private constructor(private readonly options: HubOptions) {
    this.newId = options.newId ?? (() => randomUUID());
    this.log = options.log ?? (() => {});
    this.settings = options.settings;
    this.notices = [...(options.notices ?? [])];
    const { env, dropped } = shellEnv(options.env);
    this.baseEnv = env;
    if (dropped.length > 0) {
      this.notices.push({
        level: 'warning',
        code: 'env_dropped',
        message: `Left out of new shells' environment (too long, or holding a NUL byte): ${dropped.join(', ')}.`,
      });
    }
    this.scrollback = new ScrollbackSaver({
      store: options.scrollback,
      snapshot: (sessionId, done) =>
        this.supervisor.request('snapshot', { sessionId, normal: true }, (reply) =>
          done(reply?.data ?? null),
        ),
      sessions: () =>
        [...this.sessions.values()].map((session) => ({
          id: session.id,
          tabId: session.tabId,
          lastOutputAt: session.status?.lastOutputAt ?? 0,
        })),
      tabExists: (tabId) => model.tabOf(this.layout, tabId) !== undefined,
    });
    const firstProfile = defaultProfileName(this.settings, this.profileContext());
    const start = model.startingLayout(options.persistence.load(), this.newId, {
      title: firstProfile ?? this.shellName(),
      cwd: options.homeDir,
      profile: firstProfile,
    });
    this.layout = start.layout;
    this.scrollback.restored(start.restoredTabIds);
    options.persistence.onSaved?.(() => {
      // Everything saved so far includes the current revision (saves are synchronous hand-offs).
      if (this.savedRevision === this.revision) return;
      this.savedRevision = this.revision;
      this.broadcast({ type: 'layout_saved', revision: this.revision });
    });
    this.supervisor = new HostSupervisor({
      launcher: options.launcher,
      config: { ringMaxLines: this.settings.ringLines, ringMaxBytes: RingBufferDefaults.maxBytes },
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
    hub.scrollback.start(new Set(Object.keys(hub.layout.tabs)));
    for (const workspace of hub.layout.workspaces) {
      if (workspace.activeTabId) hub.spawnForTab(workspace.activeTabId, DEFAULT_SIZE, null, null);
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
    client.send(this.settingsMessage());
    client.send(this.profilesMessage());
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
    if (notice.code.startsWith('settings_')) {
      // What the settings file holds now replaces what it held: a later client sees only the last word.
      const others = this.notices.filter((n) => !n.code.startsWith('settings_'));
      this.notices.splice(0, this.notices.length, ...others);
      if (notice.code !== 'settings_valid') this.notices.push(notice);
    } else if (sticky) this.notices.push(notice);
    this.broadcast({ type: 'app_notice', ...notice });
  }

  /** A save of settings.json: new tabs, limits and every window follow it from now on. */
  applySettings(settings: Settings): void {
    this.settings = settings;
    this.broadcast(this.settingsMessage());
    this.broadcast(this.profilesMessage());
  }

  private settingsMessage(): ServerMessage {
    const path = this.options.settingsPath;
    return { type: 'settings', settings: this.settings, ...(path !== undefined ? { path } : {}) };
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
    this.scrollback.stop();
    this.statuses.dispose();
    await this.scrollback.save(true);
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
        if (!session) return;
        this.applyFlow(session, session.flow.acked(client.id, message.chars));
        if (session.flow.caughtUp(client.id)) this.resync(client, session);
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
        this.scrollback.forgetTab(message.tabId);
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
        for (const tabId of tabIds) this.scrollback.forgetTab(tabId);
        return;
      }
      case 'workspace_activate':
        this.edit(client, model.activateWorkspace(this.layout, message.workspaceId));
        return;
      case 'workspace_move':
        this.edit(client, model.moveWorkspace(this.layout, message.workspaceId, message.index));
        return;
      case 'path_open':
        return this.openPath(client, message.tabId, message.path);
      case 'host_restart':
        this.supervisor.retry();
        return;
      case 'settings_update': {
        const update = this.options.updateSettings;
        if (!update) return this.fail(client, 'not_permitted', 'Settings cannot be written here.');
        // Success is the `settings` broadcast that follows the write (every window, this one too).
        const result = update(message.changes);
        if (!result.ok) this.fail(client, 'invalid_setting', `Settings not saved: ${result.error}`);
        return;
      }
      default:
        message satisfies never;
    }
  }

  /**
   * Its errors name no tab: they are about a path, not the tab's session, and a client reads a
   * terminal_error with a tabId as the answer to that tab's spawn or attach.
   */
  private openPath(client: HubClient, tabId: string, text: string): void {
    const tab = model.tabOf(this.layout, tabId);
    if (!tab) return this.fail(client, 'unknown_tab', 'That tab no longer exists.');
    const opener = this.options.openPath;
    if (!opener) return this.fail(client, 'not_permitted', 'This window cannot open files.');
    const context = {
      cwd: tab.cwd,
      homeDir: this.options.homeDir,
      platform: this.options.platform ?? process.platform,
    };
    const stat: (path: string) => PathFacts | null = this.options.statPath ?? statOnDisk;
    const check = checkOpenPath(text, context, stat);
    if (!check.ok) return this.fail(client, check.code, check.message);
    void opener(check.path).then(
      (error) => {
        if (error !== null) this.fail(client, 'internal', `Could not open "${check.path}": ${error}`);
      },
      (error: unknown) => this.fail(client, 'internal', `Could not open "${check.path}": ${String(error)}`),
    );
  }

  // ── sessions ─────────────────────────────────────────────────────────────────────────────────

  private onSpawn(client: HubClient, message: Extract<ClientMessage, { type: 'terminal_spawn' }>): void {
    const tab = model.tabOf(this.layout, message.tabId);
    if (!tab) return this.fail(client, 'unknown_tab', `There is no tab "${message.tabId}".`, message);
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
    if (message.profile !== undefined) {
      // The tab records the profile it was spawned with: every respawn starts the same program.
      const profile = existingProfile(this.settings, this.profileContext(), message.profile);
      if (profile === null) return this.failProfile(client, message.profile, message);
      if (tab.profile !== profile) this.setLayout(model.updateTab(this.layout, tab.id, { profile }));
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
    const limit = this.settings.maxSessions;
    if (this.sessions.size + this.pendingSpawns.size >= limit) {
      return this.fail(
        client,
        'session_limit',
        `Cannot start another session: ${limit} are open, the limit (maxSessions in settings). Close a tab first.`,
        { tabId },
      );
    }
    const launch = launchFor(this.settings, this.profileContext(), tab.profile);
    if (launch.missing !== null) this.profileMissing(launch.missing, tab.profile !== null ? tab : null);
    let cwd = requestedCwd ?? tab.cwd ?? launch.cwd ?? this.options.homeDir;
    if (!isDirectory(cwd)) {
      this.notifyAll(
        'warning',
        'cwd_missing',
        `"${cwd}" no longer exists; the tab starts in your home directory.`,
      );
      cwd = this.options.homeDir;
    }
    const sessionId = this.newId();
    const { shell, args } = launch;
    const preamble = this.scrollback.preambleFor(tabId, new Date());
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
      env: this.envFor(launch),
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
    this.scrollback.sessionStarted(tab.id);
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
        this.applyFlow(session, session.flow.sent(clientId, pending.preamble.length));
        client.send({ type: 'terminal_replay', sessionId: session.id, data: pending.preamble });
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
      this.applyFlow(current, current.flow.addClient(client.id));
      this.sendReplay(client, current, reply.data, reply.screen);
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
          const client = this.clients.get(clientId);
          // A connection that acks without reading: its socket queue, not its acks, tells.
          if ((client?.backlog?.() ?? 0) > FlowControl.maxBacklogBytes) {
            this.fallBehind(session, clientId, 'its connection is not reading');
            continue;
          }
          // Counted before it is sent: a client may ack within send (an in-process one does).
          this.applyFlow(session, session.flow.sent(clientId, message.data.length));
          client?.send(out);
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
    this.scrollback.sessionEnded(sessionId);
    if (session.status) {
      session.status = { ...session.status, status: 'exited', exitCode, command: null };
      this.statuses.pushNow(session.status);
    } else {
      this.statuses.forget(sessionId);
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
    this.statuses.push(status);
    const tab = model.tabOf(this.layout, session.tabId);
    if (tab && (tab.title !== status.title || (status.cwd !== null && tab.cwd !== status.cwd))) {
      // Clients learn titles and directories from session_status; the layout keeps them for later
      // clients and restarts without a full broadcast per change.
      this.keepQuietly(
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
    this.statuses.dispose();
    this.setLayout(next);
    if (staleTabIds.length > 0) this.broadcast({ type: 'terminal_stale', tabIds: staleTabIds });
  }

  private applyFlow(session: LiveSession, decision: 'pause' | 'resume' | null): void {
    if (!decision) return;
    this.supervisor.send({ type: decision, sessionId: session.id });
    if (decision === 'pause') this.watchStall(session);
  }

  /** While a session stays paused, viewers holding it while another is caught up fall behind. */
  private watchStall(session: LiveSession): void {
    const slowViewerMs = this.options.slowViewerMs ?? FlowControl.slowViewerMs;
    setTimeout(() => {
      if (this.sessions.get(session.id) !== session || !session.flow.isPaused) return;
      for (const clientId of session.flow.stalled(slowViewerMs)) {
        this.fallBehind(session, clientId, `it acknowledged nothing for ${slowViewerMs} ms`);
      }
      if (session.flow.isPaused) this.watchStall(session);
    }, slowViewerMs).unref?.();
  }

  private fallBehind(session: LiveSession, clientId: string, why: string): void {
    this.log(`client ${clientId} fell behind in session ${session.id} (${why}); it gets a fresh replay`);
    this.applyFlow(session, session.flow.fallBehind(clientId));
    const client = this.clients.get(clientId);
    if (client && session.flow.caughtUp(clientId)) this.resync(client, session);
  }

  /**
   * A client that fell behind and has since read what it was sent gets the screen as it is now, then
   * live output again. Like attach: the snapshot reply is ordered after the output it contains.
   */
  private resync(client: HubClient, session: LiveSession): void {
    if (session.resyncing.has(client.id)) return;
    if ((client.backlog?.() ?? 0) > FlowControl.maxBacklogBytes) return;
    session.resyncing.add(client.id);
    const sent = this.supervisor.request('snapshot', { sessionId: session.id }, (reply) => {
      session.resyncing.delete(client.id);
      if (this.sessions.get(session.id) !== session || !this.clients.has(client.id)) return;
      if (!session.flow.caughtUp(client.id) || !reply || reply.data === null) return;
      this.applyFlow(session, session.flow.addClient(client.id));
      this.sendReplay(client, session, reply.data, reply.screen);
    });
    if (!sent) session.resyncing.delete(client.id);
  }

  /** Both parts of a replay count against the client's flow-control window: it acks what it parses of each. */
  private sendReplay(
    client: HubClient,
    session: LiveSession,
    data: string,
    screen: string | undefined,
  ): void {
    this.applyFlow(session, session.flow.sent(client.id, data.length + (screen?.length ?? 0)));
    client.send({
      type: 'terminal_replay',
      sessionId: session.id,
      data,
      ...(screen === undefined ? {} : { screen }),
    });
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
    const context = this.profileContext();
    const chosen =
      profile === undefined
        ? defaultProfileName(this.settings, context)
        : existingProfile(this.settings, context, profile);
    if (profile !== undefined && chosen === null) return this.failProfile(client, profile);
    const launch = launchFor(this.settings, context, chosen);
    // A new tab opens where the profile says, else where the user is: the active tab's directory.
    const workspace = this.layout.workspaces.find((w) => w.id === workspaceId);
    const activeCwd = workspace?.activeTabId
      ? (model.tabOf(this.layout, workspace.activeTabId)?.cwd ?? null)
      : null;
    const profileCwd = launch.cwd !== null && isDirectory(launch.cwd) ? launch.cwd : null;
    const tab = model.newTab(this.newId(), this.titleFor(launch), cwd ?? profileCwd ?? activeCwd, chosen);
    this.edit(client, model.addTab(this.layout, workspaceId, tab, index));
  }

  private createWorkspace(client: HubClient, name: string | undefined): void {
    const workspaceId = this.newId();
    const added = model.addWorkspace(this.layout, workspaceId, name);
    if (!added.ok) return this.fail(client, added.code, added.message);
    const profile = defaultProfileName(this.settings, this.profileContext());
    const launch = launchFor(this.settings, this.profileContext(), profile);
    const tab = model.newTab(this.newId(), this.titleFor(launch), this.options.homeDir, profile);
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

  /** A change clients already have from session_status: kept and saved, not broadcast. */
  private keepQuietly(layout: Layout): void {
    this.layout = layout;
    this.options.persistence.save(layout);
  }

  private setLayout(layout: Layout): void {
    if (layout === this.layout) return;
    this.layout = layout;
    this.revision += 1;
    this.broadcast({ type: 'layout', layout, revision: this.revision });
    this.options.persistence.save(layout);
  }

  // ── helpers ──────────────────────────────────────────────────────────────────────────────────

  private shellName(): string {
    return shellName(this.settings, this.options.defaultShell);
  }

  private profileContext(): ProfileContext {
    return {
      detected: this.options.detectedProfiles ?? [],
      defaultShell: this.options.defaultShell,
      ssh: this.options.sshCommand ?? 'ssh',
      homeDir: this.options.homeDir,
    };
  }

  private profilesMessage(): ServerMessage {
    const context = this.profileContext();
    return {
      type: 'profiles',
      profiles: profileList(this.settings, context),
      defaultProfile: defaultProfileName(this.settings, context),
    };
  }

  /** A profile's tab is named after it until its shell reports a title; the default after its shell. */
  private titleFor(launch: Launch): string {
    return launch.profile ?? this.shellName();
  }

  /** The base environment with the profile's variables over it (those exec could not pass left out). */
  private envFor(launch: Launch): Record<string, string> {
    const names = Object.keys(launch.env);
    if (names.length === 0) return this.baseEnv;
    const { env, dropped } = shellEnv(launch.env);
    if (dropped.length > 0) {
      this.notifyAll(
        'warning',
        'profile_env_dropped',
        `Left out of profile "${launch.profile}"'s environment (too long, or holding a NUL byte): ${dropped.join(', ')}.`,
      );
    }
    return { ...this.baseEnv, ...env };
  }

  /** `tab`: the tab that recorded the missing profile; null when defaultProfile names it. */
  private profileMissing(name: string, tab: LayoutTab | null): void {
    // Tabs respawned at start have no one to tell yet: the first windows hear it when they connect.
    const sticky = this.clients.size === 0;
    this.notify(
      {
        level: 'warning',
        code: 'profile_missing',
        message: tab
          ? `The tab "${tab.customName ?? tab.title}" was opened with the profile "${name}", which no longer exists; it started the default shell instead.`
          : `defaultProfile names "${name}", which is not a profile; new tabs start the default shell.`,
      },
      sticky,
    );
  }

  private failProfile(client: HubClient, name: string, about: { tabId?: string } = {}): void {
    this.fail(
      client,
      'unknown_profile',
      `There is no profile "${name}" (see "profiles" in settings).`,
      about.tabId === undefined ? {} : { tabId: about.tabId },
    );
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
