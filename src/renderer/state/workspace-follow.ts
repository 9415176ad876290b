// Which workspace this window shows. Every window (an Electron window, a browser tab) shows its own;
// the hub keeps one `activeWorkspaceId`, the last workspace anyone chose, persisted for the next start.
// So a window never moves because another one switched: it follows only the answers to its own
// requests, and falls back when the workspace it shows is deleted. Pure.
import { WindowFollow } from '../../shared/limits';
import type { Layout } from '../../shared/protocol';
import { fallbackWorkspace } from './selectors';

/** A request of this window whose answer it will show once a layout carries it. */
export type PendingShow =
  /** It asked for a new workspace: show the first one that appears. */
  | { kind: 'workspace'; known: readonly string[]; since: number }
  /** It opened a tab in a workspace it does not show: show that workspace once the tab is there. */
  | { kind: 'tab'; workspaceId: string; known: readonly string[]; since: number };

export interface WorkspaceFollow {
  /** null until the first layout (or, before it, the `?workspace=` the page was opened with). */
  shownWorkspaceId: string | null;
  pending: PendingShow | null;
}

/** This window sent `workspace_create`. */
export function awaitWorkspace(layout: Layout | null, now: number): PendingShow {
  return { kind: 'workspace', known: layout?.workspaces.map((w) => w.id) ?? [], since: now };
}

/** This window sent `tab_create` for `workspaceId`; null when it shows that workspace already. */
export function awaitTab(
  layout: Layout | null,
  shownWorkspaceId: string | null,
  workspaceId: string,
  now: number,
): PendingShow | null {
  if (workspaceId === shownWorkspaceId) return null;
  const known = layout?.workspaces.find((w) => w.id === workspaceId)?.tabIds ?? [];
  return { kind: 'tab', workspaceId, known, since: now };
}

function answer(pending: PendingShow, layout: Layout): string | null {
  if (pending.kind === 'workspace') {
    const fresh = layout.workspaces.filter((w) => !pending.known.includes(w.id));
    // Two windows creating at once: the hub makes each new workspace the active one as it adds it.
    return (fresh.find((w) => w.id === layout.activeWorkspaceId) ?? fresh[0])?.id ?? null;
  }
  const workspace = layout.workspaces.find((w) => w.id === pending.workspaceId);
  return workspace?.tabIds.some((id) => !pending.known.includes(id)) ? workspace.id : null;
}

/** Where this window stands after a new layout from the hub. */
export function followLayout(current: WorkspaceFollow, layout: Layout, now: number): WorkspaceFollow {
  const live =
    current.pending !== null && now - current.pending.since <= WindowFollow.requestTimeoutMs
      ? current.pending
      : null;
  const answered = live ? answer(live, layout) : null;
  if (answered !== null) return { shownWorkspaceId: answered, pending: null };
  const shown = current.shownWorkspaceId;
  const exists = shown !== null && layout.workspaces.some((w) => w.id === shown);
  return { shownWorkspaceId: exists ? shown : (fallbackWorkspace(layout)?.id ?? null), pending: live };
}
