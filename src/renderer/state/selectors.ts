// Questions the views and the session controller ask of the layout.
import type { ConnectionState } from '../../shared/bridge';
import type { Layout, LayoutTab, LayoutWorkspace, TabState } from '../../shared/protocol';

/** Where a window goes when it has no workspace of its own (yet): the hub's last active one, else the first. */
export function fallbackWorkspace(layout: Layout | null): LayoutWorkspace | null {
  if (!layout) return null;
  return layout.workspaces.find((w) => w.id === layout.activeWorkspaceId) ?? layout.workspaces[0] ?? null;
}

/** The workspace this window shows (each window has its own; see workspace-follow.ts). */
export function shownWorkspace(
  layout: Layout | null,
  shownWorkspaceId: string | null,
): LayoutWorkspace | null {
  return layout?.workspaces.find((w) => w.id === shownWorkspaceId) ?? fallbackWorkspace(layout);
}

/** The one tab this window shows: the active tab of the workspace it shows. */
export function visibleTabId(layout: Layout | null, shownWorkspaceId: string | null): string | null {
  const workspace = shownWorkspace(layout, shownWorkspaceId);
  if (!workspace?.activeTabId || !layout?.tabs[workspace.activeTabId]) return null;
  return workspace.activeTabId;
}

export function workspaceOfTab(layout: Layout, tabId: string): LayoutWorkspace | null {
  return layout.workspaces.find((w) => w.tabIds.includes(tabId)) ?? null;
}

export function tabsOf(layout: Layout, workspace: LayoutWorkspace): LayoutTab[] {
  return workspace.tabIds.map((id) => layout.tabs[id]).filter((tab) => tab !== undefined);
}

/** Without a connection nothing is live: every tab shows stale until the link is back. */
export function displayState(tab: LayoutTab, connection: ConnectionState): TabState {
  return connection === 'open' ? tab.state : 'stale';
}
