// The user's layout actions, shared by buttons, keys, menus and drag and drop: each checks what it
// can locally, asks before ending running programs, then sends one message to the hub.
import type { Bridge } from '../shared/bridge';
import type { Layout, LayoutWorkspace } from '../shared/protocol';
import { activeWorkspace, tabsOf, visibleTabId, workspaceOfTab } from './state/selectors';
import { tabTitle } from './state/tab-model';
import type { UiState } from './state/ui-state';
import { confirmDialog } from './views/confirm-dialog';
import { openMoveDialog } from './views/move-dialog';

export class LayoutActions {
  constructor(
    private readonly bridge: Pick<Bridge, 'send'>,
    private readonly state: () => UiState,
    private readonly afterDialog: () => void,
  ) {}

  private get layout(): Layout | null {
    return this.state().layout;
  }

  visibleWorkspace(): LayoutWorkspace | null {
    return activeWorkspace(this.layout);
  }

  visibleTab(): string | null {
    return visibleTabId(this.layout);
  }

  newTab(workspaceId?: string): void {
    const workspace = workspaceId ?? this.visibleWorkspace()?.id;
    if (workspace) this.bridge.send({ type: 'tab_create', workspaceId: workspace });
  }

  activateTab(tabId: string): void {
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

  createWorkspace(): void {
    this.bridge.send({ type: 'workspace_create' });
  }

  activateWorkspace(workspaceId: string): void {
    if (this.layout?.activeWorkspaceId !== workspaceId) {
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
