// Pure edits of the one layout main holds (DESIGN.md §3). Each returns a new layout or a refusal with
// a message; a refused edit changes nothing, so nothing is ever half-created.
import { checkTabName, checkWorkspaceName, type NameCheck, nextWorkspaceName } from '../../shared/names';
import type { ErrorCode, Layout, LayoutTab, LayoutWorkspace } from '../../shared/protocol';

export type Edit = { ok: true; layout: Layout } | { ok: false; code: ErrorCode; message: string };

const refuse = (code: ErrorCode, message: string): Edit => ({ ok: false, code, message });
const refuseName = (check: Extract<NameCheck, { ok: false }>): Edit =>
  refuse(check.reason === 'duplicate' ? 'duplicate_name' : 'invalid_name', check.message);

export function emptyLayout(): Layout {
  return { workspaces: [], tabs: {}, activeWorkspaceId: null };
}

export function newTab(
  id: string,
  title: string,
  cwd: string | null,
  profile: string | null = null,
): LayoutTab {
  return { id, title, customName: null, cwd, profile, sessionId: null, state: 'stale', exitCode: null };
}

/**
 * The tab with this id, own properties only: "constructor" or "__proto__" are valid ids by the schema
 * and must not find Object.prototype's members (a rename of one used to add a bogus tab to the layout).
 */
export function tabOf(layout: Layout, tabId: string): LayoutTab | undefined {
  return Object.hasOwn(layout.tabs, tabId) ? layout.tabs[tabId] : undefined;
}

export function findWorkspaceOfTab(layout: Layout, tabId: string): LayoutWorkspace | undefined {
  return layout.workspaces.find((workspace) => workspace.tabIds.includes(tabId));
}

function clampIndex(index: number | undefined, length: number): number {
  return index === undefined ? length : Math.max(0, Math.min(index, length));
}

function replaceWorkspace(layout: Layout, next: LayoutWorkspace): Layout {
  return { ...layout, workspaces: layout.workspaces.map((w) => (w.id === next.id ? next : w)) };
}

/** The tab that becomes active when `tabId` leaves a workspace: its right neighbour, else its left. */
function neighbourAfterRemoval(workspace: LayoutWorkspace, tabId: string): string | null {
  if (workspace.activeTabId !== tabId) return workspace.activeTabId;
  const index = workspace.tabIds.indexOf(tabId);
  const rest = workspace.tabIds.filter((id) => id !== tabId);
  return rest[Math.min(index, rest.length - 1)] ?? null;
}

export function addWorkspace(layout: Layout, id: string, rawName: string | undefined): Edit {
  const names = layout.workspaces.map((w) => w.name);
  const check = checkWorkspaceName(rawName ?? nextWorkspaceName(names), names);
  if (!check.ok) return refuseName(check);
  const workspace: LayoutWorkspace = { id, name: check.name, tabIds: [], activeTabId: null };
  return {
    ok: true,
    layout: { ...layout, workspaces: [...layout.workspaces, workspace], activeWorkspaceId: id },
  };
}

export function renameWorkspace(layout: Layout, workspaceId: string, rawName: string): Edit {
  const workspace = layout.workspaces.find((w) => w.id === workspaceId);
  if (!workspace) return refuse('unknown_workspace', `There is no workspace "${workspaceId}".`);
  const others = layout.workspaces.filter((w) => w.id !== workspaceId).map((w) => w.name);
  const check = checkWorkspaceName(rawName, others);
  if (!check.ok) return refuseName(check);
  return { ok: true, layout: replaceWorkspace(layout, { ...workspace, name: check.name }) };
}

/** Removes a workspace and its tabs (the caller ends their sessions). The last workspace stays. */
export function removeWorkspace(layout: Layout, workspaceId: string): Edit {
  const index = layout.workspaces.findIndex((w) => w.id === workspaceId);
  const workspace = layout.workspaces[index];
  if (!workspace) return refuse('unknown_workspace', `There is no workspace "${workspaceId}".`);
  if (layout.workspaces.length === 1) return refuse('not_permitted', 'The last workspace cannot be deleted.');
  const workspaces = layout.workspaces.filter((w) => w.id !== workspaceId);
  const tabs = { ...layout.tabs };
  for (const tabId of workspace.tabIds) delete tabs[tabId];
  const activeWorkspaceId =
    layout.activeWorkspaceId === workspaceId
      ? (workspaces[Math.min(index, workspaces.length - 1)]?.id ?? null)
      : layout.activeWorkspaceId;
  return { ok: true, layout: { workspaces, tabs, activeWorkspaceId } };
}

export function moveWorkspace(layout: Layout, workspaceId: string, index: number): Edit {
  const workspace = layout.workspaces.find((w) => w.id === workspaceId);
  if (!workspace) return refuse('unknown_workspace', `There is no workspace "${workspaceId}".`);
  const rest = layout.workspaces.filter((w) => w.id !== workspaceId);
  rest.splice(clampIndex(index, rest.length), 0, workspace);
  return { ok: true, layout: { ...layout, workspaces: rest } };
}

export function activateWorkspace(layout: Layout, workspaceId: string): Edit {
  if (!layout.workspaces.some((w) => w.id === workspaceId)) {
    return refuse('unknown_workspace', `There is no workspace "${workspaceId}".`);
  }
  return { ok: true, layout: { ...layout, activeWorkspaceId: workspaceId } };
}

/** Adds a tab to a workspace and makes it the active tab there. */
export function addTab(layout: Layout, workspaceId: string, tab: LayoutTab, index?: number): Edit {
  const workspace = layout.workspaces.find((w) => w.id === workspaceId);
  if (!workspace) return refuse('unknown_workspace', `There is no workspace "${workspaceId}".`);
  const tabIds = [...workspace.tabIds];
  tabIds.splice(clampIndex(index, tabIds.length), 0, tab.id);
  const next = replaceWorkspace(layout, { ...workspace, tabIds, activeTabId: tab.id });
  return {
    ok: true,
    layout: { ...next, tabs: { ...next.tabs, [tab.id]: tab }, activeWorkspaceId: workspaceId },
  };
}

export function removeTab(layout: Layout, tabId: string): Edit {
  const workspace = findWorkspaceOfTab(layout, tabId);
  if (!workspace || !tabOf(layout, tabId)) return refuse('unknown_tab', `There is no tab "${tabId}".`);
  const next = replaceWorkspace(layout, {
    ...workspace,
    tabIds: workspace.tabIds.filter((id) => id !== tabId),
    activeTabId: neighbourAfterRemoval(workspace, tabId),
  });
  const tabs = { ...next.tabs };
  delete tabs[tabId];
  return { ok: true, layout: { ...next, tabs } };
}

/** Moves a tab within or across workspaces; it becomes the active tab of its destination. */
export function moveTab(layout: Layout, tabId: string, workspaceId: string, index?: number): Edit {
  const source = findWorkspaceOfTab(layout, tabId);
  if (!source || !tabOf(layout, tabId)) return refuse('unknown_tab', `There is no tab "${tabId}".`);
  if (!layout.workspaces.some((w) => w.id === workspaceId)) {
    return refuse('unknown_workspace', `There is no workspace "${workspaceId}".`);
  }
  const withoutTab = replaceWorkspace(layout, {
    ...source,
    tabIds: source.tabIds.filter((id) => id !== tabId),
    activeTabId: source.id === workspaceId ? source.activeTabId : neighbourAfterRemoval(source, tabId),
  });
  const destination = withoutTab.workspaces.find((w) => w.id === workspaceId)!;
  const tabIds = [...destination.tabIds];
  tabIds.splice(clampIndex(index, tabIds.length), 0, tabId);
  return { ok: true, layout: replaceWorkspace(withoutTab, { ...destination, tabIds, activeTabId: tabId }) };
}

export function activateTab(layout: Layout, tabId: string): Edit {
  const workspace = findWorkspaceOfTab(layout, tabId);
  if (!workspace) return refuse('unknown_tab', `There is no tab "${tabId}".`);
  const next = replaceWorkspace(layout, { ...workspace, activeTabId: tabId });
  return { ok: true, layout: { ...next, activeWorkspaceId: workspace.id } };
}

export function renameTab(layout: Layout, tabId: string, rawName: string | null): Edit {
  const tab = tabOf(layout, tabId);
  if (!tab) return refuse('unknown_tab', `There is no tab "${tabId}".`);
  if (rawName === null) return { ok: true, layout: updateTab(layout, tabId, { customName: null }) };
  const check = checkTabName(rawName);
  if (!check.ok) return refuse('invalid_name', check.message);
  return { ok: true, layout: updateTab(layout, tabId, { customName: check.name }) };
}

/** Runtime and automatic fields of a tab (session, state, title, cwd); unknown tabs are ignored. */
export function updateTab(layout: Layout, tabId: string, patch: Partial<Omit<LayoutTab, 'id'>>): Layout {
  const tab = tabOf(layout, tabId);
  if (!tab) return layout;
  return { ...layout, tabs: { ...layout.tabs, [tabId]: { ...tab, ...patch } } };
}

/** Every tab in display order: workspaces in order, tabs in strip order. */
export function tabsInOrder(layout: Layout): LayoutTab[] {
  return layout.workspaces.flatMap((w) =>
    w.tabIds.map((id) => tabOf(layout, id)).filter((t) => t !== undefined),
  );
}

/**
 * The layout a run starts with: the saved one, every tab stale (its session ended with the last run,
 * so it respawns when shown), or else a first workspace with one tab. `restoredTabIds` are the tabs
 * that came back from disk.
 */
export function startingLayout(
  saved: Layout | null,
  newId: () => string,
  firstTab: { title: string; cwd: string; profile?: string | null },
): { layout: Layout; restoredTabIds: string[] } {
  if (saved && saved.workspaces.length > 0) {
    const tabs = Object.fromEntries(
      Object.entries(saved.tabs).map(([id, tab]) => [
        id,
        { ...tab, sessionId: null, state: 'stale' as const, exitCode: null },
      ]),
    );
    return { layout: { ...saved, tabs }, restoredTabIds: Object.keys(tabs) };
  }
  const first = addWorkspace(emptyLayout(), newId(), undefined);
  if (!first.ok) throw new Error(first.message);
  const tab = newTab(newId(), firstTab.title, firstTab.cwd, firstTab.profile ?? null);
  const withTab = addTab(first.layout, first.layout.workspaces[0]!.id, tab);
  if (!withTab.ok) throw new Error(withTab.message);
  return { layout: withTab.layout, restoredTabIds: [] };
}
