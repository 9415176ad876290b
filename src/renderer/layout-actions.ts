// The user's layout actions, shared by buttons, keys, menus and drag and drop: each checks what it
// can locally, asks before ending running programs, then sends one message to the hub. Which
// workspace this window shows is its own business (state/workspace-follow.ts): switching is local,
// and the hub only hears of it to remember the last active workspace for the next start.
import type { Bridge } from '../shared/bridge';
import type { Layout, LayoutWorkspace } from '../shared/protocol';
import { shownWorkspace, tabsOf, visibleTabId, workspaceOfTab } from './state/selectors';
import { tabTitle } from './state/tab-model';
import type { UiEvent, UiState } from './state/ui-state';
import { confirmDialog } from './views/confirm-dialog';
import { openMoveDialog } from './views/move-dialog';

export class LayoutActions {
  constructor(
    private readonly bridge: Pick<Bridge, 'send'>,
    private readonly state: () => UiState,
    private readonly afterDialog: () => void,
    private readonly dispatch: (event: UiEvent) => void,
    private readonly now: () => number = Date.now,
  ) {}

  private get layout(): Layout | null {
    return this.state().layout;
  }

  visibleWorkspace(): LayoutWorkspace | null {
    return shownWorkspace(this.layout, this.state().shownWorkspaceId);
  }

  visibleTab(): string | null {
    return visibleTabId(this.layout, this.state().shownWorkspaceId);
  }

  /**
   * A new tab in the shown workspace, or in `workspaceId` (this window then goes there to show it),
   * starting `profile` (a name from the hub's profiles), else the default.
   */
  newTab(workspaceId?: string, profile?: string): void {
    const workspace = workspaceId ?? this.visibleWorkspace()?.id;
    if (!workspace) return;
    this.dispatch({ kind: 'tab_requested', workspaceId: workspace, now: this.now() });
    this.bridge.send({
      type: 'tab_create',
      workspaceId: workspace,
      ...(profile === undefined ? {} : { profile }),
    });
  }

  /** Shows a tab of any workspace: this window goes to its workspace, then activates it. */
  showTab(tabId: string): void {
    const layout = this.layout;
    const workspace = layout ? workspaceOfTab(layout, tabId) : undefined;
    if (!workspace) return;
    if (workspace.id !== this.visibleWorkspace()?.id) this.activateWorkspace(workspace.id);
    this.activateTab(tabId);
  }

  /** Shows the tab in this window at once; the hub's layout confirms it (state/local-activation.ts). */
  activateTab(tabId: string): void {
    this.dispatch({ kind: 'activate_tab', tabId, now: this.now() });
    this.bridge.send({ type: 'tab_activate', tabId });
  }

  /** Closes a tab, asking first when a program other than the shell runs in it. */
  async closeTab(tabId: string): Promise<void> {
    const layout = this.layout;
    const tab = layout?.tabs[tabId];
    if (!tab) return;
    const status = this.state().tabs[tabId]?.status;
    if (tab.state === 'live' && status?.sessionId === tab.sessionId && status?.status === 'running') {
      const program = status.command ?? 'A program';
      const ok = await confirmDialog({
        title: `Close “${tabTitle(tab)}”?`,
        message: `${program} is still running in this tab. Closing the tab ends it.`,
        confirmLabel: 'Close tab',
      });
      this.afterDialog();
      if (!ok) return;
    }
    this.bridge.send({ type: 'tab_close', tabId });
  }

  /** Steps through the visible workspace's tabs, wrapping around. */
  cycleTab(delta: number): void {
    const workspace = this.visibleWorkspace();
    if (!workspace || workspace.tabIds.length < 2) return;
    const index = workspace.activeTabId ? workspace.tabIds.indexOf(workspace.activeTabId) : 0;
    const count = workspace.tabIds.length;
    const next = workspace.tabIds[(((index + delta) % count) + count) % count];
    if (next) this.activateTab(next);
  }

  /** 1-8 pick that tab; 9 is always the last (as in browsers). */
  gotoTab(position: number): void {
    const workspace = this.visibleWorkspace();
    if (!workspace || workspace.tabIds.length === 0) return;
    const index = position >= 9 ? workspace.tabIds.length - 1 : position - 1;
    const tabId = workspace.tabIds[index];
    if (tabId && tabId !== workspace.activeTabId) this.activateTab(tabId);
  }

  renameTab(tabId: string, name: string | null): void {
    this.bridge.send({ type: 'tab_rename', tabId, name });
  }

  moveTab(tabId: string, workspaceId: string, index?: number): void {
    const layout = this.layout;
    if (!layout?.tabs[tabId]) return;
    const from = workspaceOfTab(layout, tabId);
    // Dropping a tab on its own workspace without a position changes nothing.
    if (from?.id === workspaceId && index === undefined) return;
    this.bridge.send({ type: 'tab_move', tabId, workspaceId, ...(index !== undefined ? { index } : {}) });
  }

  /** The keyboard and menu way to move a tab: a picker of the other workspaces. */
  pickWorkspaceFor(tabId: string): void {
    const layout = this.layout;
    const tab = layout?.tabs[tabId];
    if (!layout || !tab) return;
    const from = workspaceOfTab(layout, tabId);
    openMoveDialog({
      tabTitle: tabTitle(tab),
      workspaces: layout.workspaces.filter((w) => w.id !== from?.id).map((w) => ({ id: w.id, name: w.name })),
      onPick: (workspaceId) => this.moveTab(tabId, workspaceId),
      onClose: () => this.afterDialog(),
    });
  }

  /** This window shows the new workspace once the hub has made it. */
  createWorkspace(): void {
    this.dispatch({ kind: 'workspace_requested', now: this.now() });
    this.bridge.send({ type: 'workspace_create' });
  }

  /** Shows a workspace in this window only; the hub remembers it as the last active one. */
  activateWorkspace(workspaceId: string): void {
    const layout = this.layout;
    if (!layout?.workspaces.some((w) => w.id === workspaceId)) return;
    this.dispatch({ kind: 'show_workspace', workspaceId, now: this.now() });
    if (layout.activeWorkspaceId !== workspaceId) {
      this.bridge.send({ type: 'workspace_activate', workspaceId });
    }
  }

  renameWorkspace(workspaceId: string, name: string): void {
    this.bridge.send({ type: 'workspace_rename', workspaceId, name });
  }

  moveWorkspace(workspaceId: string, index: number): void {
    this.bridge.send({ type: 'workspace_move', workspaceId, index });
  }

  /** Deletes a workspace, asking first when any of its tabs has a live session. */
  async deleteWorkspace(workspaceId: string): Promise<void> {
    const layout = this.layout;
    const workspace = layout?.workspaces.find((w) => w.id === workspaceId);
    if (!layout || !workspace) return;
    const tabs = tabsOf(layout, workspace);
    const live = tabs.filter((tab) => tab.state === 'live');
    if (live.length > 0) {
      const running = live.filter((tab) => this.state().tabs[tab.id]?.status?.status === 'running').length;
      const closing =
        tabs.length === 1
          ? 'Its tab will be closed and its shell ended.'
          : `Its ${tabs.length} tabs will be closed and their shells ended.`;
      const busy =
        running > 0 ? ` ${running} still ${running === 1 ? 'runs a program' : 'run programs'}.` : '';
      const ok = await confirmDialog({
        title: `Delete workspace “${workspace.name}”?`,
        message: `${closing}${busy}`,
        confirmLabel: 'Delete workspace',
      });
      this.afterDialog();
      if (!ok) return;
    }
    this.bridge.send({ type: 'workspace_delete', workspaceId });
  }

  restartHost(): void {
    this.bridge.send({ type: 'host_restart' });
  }
}
