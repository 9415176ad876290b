// Main's own connection to the hub: it follows the layout (to know each workspace's active tab) and
// edits it for the window commands, through the same validated protocol as any window. Pure TS.
import type { ClientMessage, Layout, ServerMessage } from '../../shared/protocol';
import type { HubClient, HubConnection } from '../hub/hub-client';

/** How long main waits for the hub to answer a layout edit before giving up on a window command. */
const LAYOUT_WAIT_MS = 3_000;

interface Waiter {
  predicate(layout: Layout): boolean;
  resolve(layout: Layout | null): void;
  timer: ReturnType<typeof setTimeout>;
}

export class ShellClient implements HubClient {
  readonly id = 'electron-main';
  readonly #log: (line: string) => void;
  #connection: HubConnection | null = null;
  #layout: Layout | null = null;
  readonly #waiters = new Set<Waiter>();

  constructor(log: (line: string) => void) {
    this.#log = log;
  }

  connect(hub: { connect(client: HubClient): HubConnection }): void {
    this.#connection = hub.connect(this);
  }

  disconnect(): void {
    this.#connection?.disconnect();
    this.#connection = null;
    for (const waiter of this.#waiters) this.#settle(waiter, null);
  }

  get layout(): Layout | null {
    return this.#layout;
  }

  send(message: ServerMessage): void {
    if (message.type === 'layout') {
      this.#layout = message.layout;
      for (const waiter of this.#waiters)
        if (waiter.predicate(message.layout)) this.#settle(waiter, message.layout);
    } else if (message.type === 'terminal_error') {
      this.#log(`hub refused a window command: ${message.message}`);
    }
  }

  /** The active tab of a workspace (null: the layout's active workspace). */
  activeTabOf(workspaceId: string | null): string | null {
    const layout = this.#layout;
    if (!layout) return null;
    const id = workspaceId ?? layout.activeWorkspaceId;
    return layout.workspaces.find((workspace) => workspace.id === id)?.activeTabId ?? null;
  }

  workspaceIds(): Set<string> {
    return new Set(this.#layout?.workspaces.map((workspace) => workspace.id) ?? []);
  }

  /**
   * A new workspace for a new window; with `tabId`, that tab moves into it (its session keeps
   * running) and the fresh tab the hub gives every new workspace is closed again before it spawns.
   * Resolves to the workspace id, or null if the hub refused or did not answer.
   */
  async workspaceForNewWindow(tabId?: string): Promise<string | null> {
    const before = this.workspaceIds();
    const created = await this.#edit({ type: 'workspace_create' }, (layout) =>
      layout.workspaces.some((workspace) => !before.has(workspace.id)),
    );
    const workspace = created?.workspaces.find((candidate) => !before.has(candidate.id));
    if (!workspace) return null;
    if (tabId === undefined || !created?.tabs[tabId]) return workspace.id;
    const placeholders = workspace.tabIds.filter((id) => id !== tabId);
    const moved = await this.#edit({ type: 'tab_move', tabId, workspaceId: workspace.id }, (layout) =>
      Boolean(layout.workspaces.find((w) => w.id === workspace.id)?.tabIds.includes(tabId)),
    );
    if (!moved) return workspace.id;
    for (const placeholder of placeholders) this.#receive({ type: 'tab_close', tabId: placeholder });
    return workspace.id;
  }

  #edit(message: ClientMessage, done: (layout: Layout) => boolean): Promise<Layout | null> {
    const result = this.#waitFor(done);
    this.#receive(message);
    return result;
  }

  #receive(message: ClientMessage): void {
    if (!this.#connection) return this.#log(`not connected to the hub; dropped ${message.type}`);
    this.#connection.receive(message);
  }

  #waitFor(predicate: (layout: Layout) => boolean): Promise<Layout | null> {
    return new Promise((resolve) => {
      const waiter: Waiter = {
        predicate,
        resolve,
        timer: setTimeout(() => this.#settle(waiter, null), LAYOUT_WAIT_MS),
      };
      this.#waiters.add(waiter);
    });
  }

  #settle(waiter: Waiter, layout: Layout | null): void {
    clearTimeout(waiter.timer);
    this.#waiters.delete(waiter);
    waiter.resolve(layout);
  }
}
