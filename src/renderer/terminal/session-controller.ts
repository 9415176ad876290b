// Carries out the session rules (state/session-plan.ts) for this window: one terminal view per tab,
// attach / spawn when a tab is shown, replay, live output, acks, input, resize, exit and stale
// handling. Layout and indicators live in the store; this class holds what only this window has.
import type { Bridge, ConnectionState } from '../../shared/bridge';
import { ReplayFeed, SessionLimits } from '../../shared/limits';
import type { Layout, LayoutTab, ServerMessage, ServerMessageOf } from '../../shared/protocol';
import { type Attachment, planSession, type Trigger } from '../state/session-plan';
import { AckAccumulator } from './ack-accumulator';
import { type Feed, FeedPacer } from './feed-queue';
import { chunkInput } from './input-chunks';
import { exitedMarker, lostMarker, restartedMarker } from './markers';
import type { TabtermProbe } from './probe';
import { replayPieces } from './replay-pieces';
import type { TerminalSize } from './terminal-view';

/** What the controller needs of a tab's terminal (TerminalView; a fake in tests). */
export interface SessionView {
  readonly size: TerminalSize;
  /** Anything was ever written (old text worth keeping above a restart marker). */
  readonly hasContent: boolean;
  show(): void;
  hide(): void;
  write(data: string, onParsed: () => void): void;
  /** Tabterm's own notes (markers): not session output, never acked. */
  writeNote(text: string): void;
  reset(): void;
  /** Later writes wait until what came before is parsed and painted (terminal/paint-gate.ts). */
  paintBarrier(): void;
  dispose(): void;
}

interface SessionLink {
  attachment: Attachment;
  acks: AckAccumulator;
  /** An attach replaces the screen with the replay; a spawn keeps the old text above a marker. */
  replay: 'reset' | 'append';
  /** The size sent with the request; a different size by the time it is ready is sent then. */
  requestedSize: TerminalSize;
  /** Replay writes not yet parsed: terminal replies xterm makes to old queries in them are dropped. */
  replaying: number;
}

export interface SessionControllerDeps<V extends SessionView> {
  bridge: Pick<Bridge, 'send'>;
  /** Makes the view for a tab the first time it is shown (or receives output). */
  createView(tabId: string): V;
  /** Where views live in the page. */
  mountView(view: V): void;
  /** Live output reached a tab (the store marks hidden ones unseen). */
  onOutput(tabId: string): void;
  /** A tab's view was just shown. */
  onShown(tabId: string, view: V): void;
  now?: () => Date;
  /** Paces output into hidden tabs' terminals (feed-queue.ts); one per window. */
  pacer?: FeedPacer;
  /** The benchmark's probe (probe.ts), when the page has one. */
  probe?: TabtermProbe | null;
}

export class SessionController<V extends SessionView> {
  private readonly views = new Map<string, V>();
  /** Every write to a view goes through its feed, so paced output, notes and resets stay in order. */
  private readonly feeds = new Map<string, Feed>();
  private readonly pacer: FeedPacer;
  private readonly probe: TabtermProbe | null;
  private readonly links = new Map<string, SessionLink>();
  private readonly tabOfSession = new Map<string, string>();
  private readonly exitNoted = new Set<string>();
  /**
   * Sessions this window saw end (closed, or lost with the host). A layout may still name one for a
   * moment; following it would attach to a dead session and respawn a tab nobody asked to restart.
   */
  private readonly ended = new Set<string>();
  private layout: Layout | null = null;
  private connection: ConnectionState = 'connecting';
  /** After (re)connecting, plans wait for the hub's first layout: the one held may be outdated. */
  private awaitingLayout = true;
  private viewShown: string | null = null;
  /** The tab a session plan last ran for as `shown`; null forces `shown` again (reconnect). */
  private sessionShown: string | null = null;
  /** False while the session host restarts (or gave up): requests would only fail. */
  private hostReady = true;
  /** What the user asked for while the host was down, carried out once it is back. */
  private deferred: { tabId: string; trigger: Trigger } | null = null;

  constructor(private readonly deps: SessionControllerDeps<V>) {
    this.pacer = deps.pacer ?? new FeedPacer();
    this.probe = deps.probe ?? null;
  }

  visibleView(): V | null {
    return this.viewShown ? (this.views.get(this.viewShown) ?? null) : null;
  }

  allViews(): IterableIterator<V> {
    return this.views.values();
  }

  onConnection(state: ConnectionState): void {
    if (state === this.connection) return;
    this.connection = state;
    if (state === 'open') return;
    // The hub forgets a client whose link dropped: every attachment is gone with it.
    this.links.clear();
    this.tabOfSession.clear();
    this.awaitingLayout = true;
    this.sessionShown = null;
    this.deferred = null;
  }

  /** Terminal traffic; layout and indicators go to the store. */
  handleMessage(message: ServerMessage): void {
    switch (message.type) {
      case 'layout':
        this.awaitingLayout = false;
        if (this.connection === 'connecting') this.connection = 'open';
        return;
      case 'terminal_ready':
        return this.onReady(message);
      case 'terminal_replay':
        return this.onReplay(message);
      case 'terminal_output':
        return this.onData(message.sessionId, message.data, false);
      case 'terminal_closed':
        return this.onClosed(message);
      case 'terminal_error':
        return this.onError(message);
      case 'terminal_stale':
        return this.onStale(message.tabIds);
      case 'host_status':
        return this.onHostState(message.state !== 'restarting' && message.state !== 'failed');
      default:
        return;
    }
  }

  /**
   * Called after every store change: show `visible` (the active tab of the workspace this window
   * shows, state/selectors.ts visibleTabId) and run the session plan for it.
   */
  sync(layout: Layout | null, connection: ConnectionState, visible: string | null): void {
    this.layout = layout;
    if (connection !== this.connection) this.onConnection(connection);
    if (!layout) return;
    this.disposeRemoved(layout);
    this.pruneEnded(layout);
    if (visible !== this.viewShown) {
      if (this.viewShown) {
        this.views.get(this.viewShown)?.hide();
        this.feeds.get(this.viewShown)?.setPaced(true);
      }
      this.viewShown = visible;
      if (visible) {
        const view = this.ensureView(visible);
        this.feedOf(visible).setPaced(false);
        view.show();
        this.deps.onShown(visible, view);
      }
    }
    if (!visible || this.connection !== 'open' || this.awaitingLayout) return;
    const tab = layout.tabs[visible];
    if (!tab) return;
    const trigger: Trigger = visible === this.sessionShown ? 'layout' : 'shown';
    this.sessionShown = visible;
    this.noteExit(tab);
    this.run(tab, trigger);
  }

  /** The user clicked the shown tab (`retry`) or pressed Enter / clicked in its terminal (`restart`). */
  activate(tabId: string, trigger: 'retry' | 'restart'): void {
    const tab = this.layout?.tabs[tabId];
    if (!tab || tabId !== this.viewShown || this.connection !== 'open' || this.awaitingLayout) return;
    this.run(tab, trigger);
  }

  /** The visible view's fitted size changed. */
  resized(tabId: string, size: TerminalSize): void {
    const link = this.links.get(tabId);
    if (link?.attachment.phase !== 'attached') return;
    this.deps.bridge.send({ type: 'terminal_resize', sessionId: link.attachment.sessionId, ...size });
  }

  /** Keystrokes and pastes from a view. */
  /**
   * Whether the tab's terminal is still parsing a replay: what the replayed output asks for (a
   * clipboard write, say) was asked long ago and is not done again.
   */
  isReplaying(tabId: string): boolean {
    return (this.links.get(tabId)?.replaying ?? 0) > 0;
  }

  input(tabId: string, data: string): void {
    const link = this.links.get(tabId);
    if (link?.attachment.phase === 'attached') {
      // xterm answers queries it finds in replayed output (device attributes, cursor position);
      // those answers are for a program that asked long ago and must not reach today's shell.
      if (link.replaying > 0 && data.startsWith('\x1b')) return;
      const sessionId = link.attachment.sessionId;
      for (const chunk of chunkInput(data, SessionLimits.maxInputChars)) {
        this.deps.bridge.send({ type: 'terminal_input', sessionId, data: chunk });
      }
      return;
    }
    if (!link && data.includes('\r')) this.activate(tabId, 'restart');
  }

  dispose(): void {
    for (const feed of this.feeds.values()) feed.dispose();
    this.feeds.clear();
    this.pacer.dispose();
    for (const view of this.views.values()) view.dispose();
    this.views.clear();
    this.links.clear();
    this.tabOfSession.clear();
  }

  private onHostState(ready: boolean): void {
    this.hostReady = ready;
    const deferred = this.deferred;
    if (!ready || !deferred) return;
    this.deferred = null;
    const tab = this.layout?.tabs[deferred.tabId];
    if (tab && deferred.tabId === this.viewShown && this.connection === 'open')
      this.run(tab, deferred.trigger);
  }

  private run(tab: LayoutTab, trigger: Trigger): void {
    const action = planSession(tab, this.links.get(tab.id)?.attachment ?? null, trigger);
    if (trigger === 'layout' && action.kind === 'attach' && this.ended.has(action.sessionId)) return;
    if (action.kind !== 'none' && !this.hostReady) {
      // Keep the strongest wish: a restart the user asked for beats a passive layout update.
      if (this.deferred?.tabId !== tab.id || trigger !== 'layout') this.deferred = { tabId: tab.id, trigger };
      return;
    }
    if (action.kind === 'attach') this.attach(tab.id, action.sessionId);
    else if (action.kind === 'spawn') this.spawn(tab.id, action.cwd);
  }

  private attach(tabId: string, sessionId: string): void {
    const size = this.ensureView(tabId).size;
    this.setLink(tabId, { phase: 'attaching', sessionId }, 'reset', size);
    this.deps.bridge.send({ type: 'terminal_attach', tabId, sessionId, ...size });
  }

  private spawn(tabId: string, cwd: string | null): void {
    const view = this.ensureView(tabId);
    const feed = this.feedOf(tabId);
    if (view.hasContent || feed.queuedChars > 0) feed.writeNote(restartedMarker(this.now()));
    this.exitNoted.delete(tabId);
    const size = view.size;
    this.setLink(tabId, { phase: 'spawning', sessionId: null }, 'append', size);
    this.deps.bridge.send({ type: 'terminal_spawn', tabId, ...size, ...(cwd ? { cwd } : {}) });
  }

  private setLink(
    tabId: string,
    attachment: Attachment,
    replay: SessionLink['replay'],
    size: TerminalSize,
  ): void {
    this.dropLink(tabId);
    this.links.set(tabId, {
      attachment,
      acks: new AckAccumulator(),
      replay,
      requestedSize: size,
      replaying: 0,
    });
    if (attachment.sessionId) this.tabOfSession.set(attachment.sessionId, tabId);
  }

  private dropLink(tabId: string): void {
    const link = this.links.get(tabId);
    if (link?.attachment.sessionId) this.tabOfSession.delete(link.attachment.sessionId);
    this.links.delete(tabId);
  }

  private onReady(message: ServerMessageOf<'terminal_ready'>): void {
    const { tabId, sessionId } = message;
    if (!this.layout?.tabs[tabId]) return;
    const previous = this.links.get(tabId);
    const replay = previous?.replay ?? 'reset';
    const requested = previous?.requestedSize ?? this.ensureView(tabId).size;
    this.setLink(tabId, { phase: 'attached', sessionId }, replay, requested);
    this.probe?.attached(tabId, sessionId);
    if (replay === 'append') this.exitNoted.delete(tabId);
    const size = this.ensureView(tabId).size;
    if (size.cols !== requested.cols || size.rows !== requested.rows) this.resized(tabId, size);
  }

  private onReplay(message: ServerMessageOf<'terminal_replay'>): void {
    const { sessionId } = message;
    const tabId = this.tabOfSession.get(sessionId);
    const link = tabId ? this.links.get(tabId) : undefined;
    const feed = tabId ? this.feeds.get(tabId) : undefined;
    if (!tabId || !link || !feed || link.attachment.phase !== 'attached') return;
    if (link.replay === 'reset') feed.reset();
    // Only a spawn's first replay (the preamble) goes below the old text; a later one (the hub's fresh
    // replay for a viewer that fell behind) replaces the screen.
    link.replay = 'reset';
    for (const piece of replayPieces(message.data, message.screen, ReplayFeed.sliceChars)) {
      if (piece.kind === 'note') feed.writeNote(piece.text);
      else if (piece.kind === 'paint') feed.paintBarrier();
      else this.onData(sessionId, piece.text, true);
    }
  }

  private onData(sessionId: string, data: string, isReplay: boolean): void {
    const tabId = this.tabOfSession.get(sessionId);
    const link = tabId ? this.links.get(tabId) : undefined;
    const feed = tabId ? this.feeds.get(tabId) : undefined;
    if (!tabId || !link || !feed || link.attachment.phase !== 'attached') return;
    if (isReplay) link.replaying++;
    else this.deps.onOutput(tabId);
    link.acks.queued();
    const probe = this.probe;
    feed.write(data, (slice, last) => {
      probe?.parsed(sessionId, slice);
      if (isReplay && last) link.replaying--;
      const chars = link.acks.parsed(slice.length, last);
      // Acks belong to the session that sent the data; a replaced link has nothing to ack.
      if (chars > 0 && this.links.get(tabId) === link) {
        this.deps.bridge.send({ type: 'terminal_ack', sessionId, chars });
      }
    });
  }

  private onClosed(message: ServerMessageOf<'terminal_closed'>): void {
    const link = this.links.get(message.tabId);
    this.ended.add(message.sessionId);
    if (link?.attachment.sessionId !== message.sessionId) return;
    this.dropLink(message.tabId);
    this.feeds.get(message.tabId)?.writeNote(exitedMarker(message.exitCode, message.signal));
    this.exitNoted.add(message.tabId);
  }

  private onError(message: ServerMessageOf<'terminal_error'>): void {
    const tabId = message.tabId;
    if (tabId === undefined) return;
    const link = this.links.get(tabId);
    if (!link || link.attachment.phase === 'attached') return;
    this.dropLink(tabId);
    const tab = this.layout?.tabs[tabId];
    if (message.code === 'unknown_session' && link.attachment.phase === 'attaching') {
      // The session is gone (host restart, app restart): a fresh shell in the tab's last cwd,
      // below the old text. Only for the tab on screen; a hidden one respawns when shown.
      if (tab && tabId === this.viewShown) this.spawn(tabId, tab.cwd);
      return;
    }
    this.feeds.get(tabId)?.writeNote(`\r\n\x1b[2m[${message.message} — press Enter to try again]\x1b[0m\r\n`);
  }

  private onStale(tabIds: readonly string[]): void {
    for (const tabId of tabIds) {
      const link = this.links.get(tabId);
      const sessionId = link?.attachment.sessionId ?? this.layout?.tabs[tabId]?.sessionId;
      if (sessionId) this.ended.add(sessionId);
      if (!link) continue;
      this.dropLink(tabId);
      if (link.attachment.phase === 'attached') this.feeds.get(tabId)?.writeNote(lostMarker());
      // A request on its way (the user just clicked the tab) died with the host: its answer will find no
      // link. Carry it out once the next host is up, instead of leaving the tab stale.
      else if (tabId === this.viewShown) this.deferred = { tabId, trigger: 'retry' };
    }
  }

  /** An exited tab that exited while this window was not attached still says so when shown. */
  private noteExit(tab: LayoutTab): void {
    if (tab.state !== 'exited' || this.exitNoted.has(tab.id) || this.links.has(tab.id)) return;
    this.exitNoted.add(tab.id);
    this.ensureView(tab.id);
    this.feedOf(tab.id).writeNote(exitedMarker(tab.exitCode, null));
  }

  private ensureView(tabId: string): V {
    let view = this.views.get(tabId);
    if (!view) {
      view = this.deps.createView(tabId);
      this.views.set(tabId, view);
      this.feeds.set(tabId, this.pacer.create(view));
      this.deps.mountView(view);
    }
    return view;
  }

  private feedOf(tabId: string): Feed {
    const view = this.ensureView(tabId);
    let feed = this.feeds.get(tabId);
    if (!feed) {
      feed = this.pacer.create(view);
      this.feeds.set(tabId, feed);
    }
    return feed;
  }

  private pruneEnded(layout: Layout): void {
    if (this.ended.size === 0) return;
    const named = new Set(Object.values(layout.tabs).map((tab) => tab.sessionId));
    for (const sessionId of this.ended) if (!named.has(sessionId)) this.ended.delete(sessionId);
  }

  private disposeRemoved(layout: Layout): void {
    for (const [tabId, view] of this.views) {
      if (layout.tabs[tabId]) continue;
      this.feeds.get(tabId)?.dispose();
      this.feeds.delete(tabId);
      view.dispose();
      this.views.delete(tabId);
      this.dropLink(tabId);
      this.exitNoted.delete(tabId);
      if (this.viewShown === tabId) this.viewShown = null;
      if (this.sessionShown === tabId) this.sessionShown = null;
    }
  }

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }
}
