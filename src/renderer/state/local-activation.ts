// Tab switching is local-first: a tab this window activates is shown at once, before the hub's round
// trip (`tab_activate` → broadcast `layout`). Until the hub's layout agrees, the choice is laid over
// every layout that arrives, so an older layout (or another window's racing one) does not flicker
// it back; once the hub agrees, or the tab left the workspace, or the hub ignored it for too long,
// the hub's layout rules again. Pure.
import { WindowFollow } from '../../shared/limits';
import type { Layout } from '../../shared/protocol';

/** A tab this window activated and the hub has not confirmed yet. */
export interface LocalActivation {
  workspaceId: string;
  tabId: string;
  since: number;
}

/** The activation to hold when this window activates `tabId` in `workspaceId`; null if it cannot. */
export function activateLocally(
  layout: Layout | null,
  workspaceId: string | null,
  tabId: string,
  now: number,
): LocalActivation | null {
  const workspace = layout?.workspaces.find((w) => w.id === workspaceId);
  if (!workspace || !layout?.tabs[tabId] || !workspace.tabIds.includes(tabId)) return null;
  return { workspaceId: workspace.id, tabId, since: now };
}

/** The hub sent `layout`: whether the activation still waits for it to agree. */
export function reconcileActivation(
  pending: LocalActivation | null,
  layout: Layout,
  now: number,
): LocalActivation | null {
  if (!pending) return null;
  if (now - pending.since > WindowFollow.requestTimeoutMs) return null;
  const workspace = layout.workspaces.find((w) => w.id === pending.workspaceId);
  if (!workspace || !layout.tabs[pending.tabId] || !workspace.tabIds.includes(pending.tabId)) return null;
  return workspace.activeTabId === pending.tabId ? null : pending;
}

/** `layout` as this window shows it: with its pending activation in place. */
export function withActivation(layout: Layout, pending: LocalActivation | null): Layout {
  if (!pending) return layout;
  let changed = false;
  const workspaces = layout.workspaces.map((w) => {
    if (w.id !== pending.workspaceId || w.activeTabId === pending.tabId) return w;
    if (!w.tabIds.includes(pending.tabId)) return w;
    changed = true;
    return { ...w, activeTabId: pending.tabId };
  });
  return changed ? { ...layout, workspaces } : layout;
}
