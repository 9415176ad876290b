// Questions the views and the session controller ask of the layout.
import type { ConnectionState } from '../../shared/bridge';
import type { Layout, LayoutTab, LayoutWorkspace, TabState } from '../../shared/protocol';

export function activeWorkspace(layout: Layout | null): LayoutWorkspace | null {
  if (!layout) return null;
  return layout.workspaces.find((w) => w.id === layout.activeWorkspaceId) ?? layout.workspaces[0] ?? null;
}

/** The one tab this window shows: the active tab of the active workspace. */
export function visibleTabId(layout: Layout | null): string | null {
  const workspace = activeWorkspace(layout);
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
