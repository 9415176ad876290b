// The persisted layout (DESIGN.md §3): workspaces and tabs as plain recovery data. Runtime fields
// (sessionId, state, exitCode) are not stored: after a restart every tab is stale until activated.
import { z } from 'zod';
import { Id, type Layout, LayoutTab, LayoutWorkspace } from '../../shared/protocol';
import { DurableStore } from './durable-store';
import type { StoreBackendFactory } from './store-backend';
import type { Migrations } from './store-document';

export const PersistedTab = LayoutTab.pick({
  id: true,
  title: true,
  customName: true,
  cwd: true,
  profile: true,
});
export type PersistedTab = z.infer<typeof PersistedTab>;

export const PersistedLayout = z
  .object({
    workspaces: z.array(LayoutWorkspace),
    tabs: z.record(Id, PersistedTab),
    activeWorkspaceId: Id.nullable(),
  })
  .superRefine((layout, context) => {
    for (const problem of layoutProblems(layout)) context.addIssue({ code: 'custom', message: problem });
  });
export type PersistedLayout = z.infer<typeof PersistedLayout>;

export const LAYOUT_VERSION = 1;

/**
 * Version 0, the shape of the first prototype: tabs nested in their workspace as an array, the
 * user's name in `name`, no profile, the active tab as an index, the active workspace as `activeWorkspace`.
 */
export const LayoutV0 = z.object({
  workspaces: z.array(
    z.object({
      id: Id,
      name: z.string(),
      tabs: z.array(
        z.object({
          id: Id,
          title: z.string(),
          name: z.string().nullable().optional(),
          cwd: z.string().optional(),
        }),
      ),
      activeTab: z.number().int().min(0).nullable(),
    }),
  ),
  activeWorkspace: Id.nullable(),
});
export type LayoutV0 = z.infer<typeof LayoutV0>;

export const layoutMigrations: Migrations = {
  0: (old) => {
    const v0 = LayoutV0.parse(old);
    const tabs: Record<string, PersistedTab> = {};
    const workspaces = v0.workspaces.map((workspace) => {
      for (const tab of workspace.tabs) {
        tabs[tab.id] = {
          id: tab.id,
          title: tab.title,
          customName: tab.name ?? null,
          cwd: tab.cwd ?? null,
          profile: null,
        };
      }
      const active = workspace.activeTab === null ? undefined : workspace.tabs[workspace.activeTab];
      return {
        id: workspace.id,
        name: workspace.name,
        tabIds: workspace.tabs.map((tab) => tab.id),
        activeTabId: active?.id ?? null,
      };
    });
    return { workspaces, tabs, activeWorkspaceId: v0.activeWorkspace };
  },
};

/** No workspaces: the hub seeds the first one ("Workspace 1" with one tab) itself. */
export function emptyLayout(): PersistedLayout {
  return { workspaces: [], tabs: {}, activeWorkspaceId: null };
}

/**
 * References that would leave the hub with a tab in nowhere or two places. A tab listed in no
 * workspace is tolerated (the hub drops it on load); a dangling or duplicated reference is not.
 */
export function layoutProblems(layout: {
  workspaces: readonly LayoutWorkspace[];
  tabs: Readonly<Record<string, { id: string }>>;
  activeWorkspaceId: string | null;
}): string[] {
  const problems: string[] = [];
  const workspaceIds = new Set<string>();
  const placed = new Set<string>();
  for (const [key, tab] of Object.entries(layout.tabs)) {
    if (key !== tab.id) problems.push(`tab "${tab.id}" is stored under the key "${key}"`);
  }
  for (const workspace of layout.workspaces) {
    if (workspaceIds.has(workspace.id)) problems.push(`workspace "${workspace.id}" appears twice`);
    workspaceIds.add(workspace.id);
    for (const tabId of workspace.tabIds) {
      if (!Object.hasOwn(layout.tabs, tabId))
        problems.push(`workspace "${workspace.id}" lists unknown tab "${tabId}"`);
      if (placed.has(tabId)) problems.push(`tab "${tabId}" is in more than one place`);
      placed.add(tabId);
    }
    if (workspace.activeTabId !== null && !workspace.tabIds.includes(workspace.activeTabId)) {
      problems.push(
        `workspace "${workspace.id}" has active tab "${workspace.activeTabId}" that it does not hold`,
      );
    }
  }
  if (layout.activeWorkspaceId !== null && !workspaceIds.has(layout.activeWorkspaceId)) {
    problems.push(`the active workspace "${layout.activeWorkspaceId}" does not exist`);
  }
  return problems;
}

/** The part of a live layout worth keeping across restarts; tabs in no workspace are dropped. */
export function toPersistedLayout(layout: Layout): PersistedLayout {
  const tabs: Record<string, PersistedTab> = {};
  for (const workspace of layout.workspaces) {
    for (const tabId of workspace.tabIds) {
      const tab = layout.tabs[tabId];
      if (tab)
        tabs[tabId] = {
          id: tab.id,
          title: tab.title,
          customName: tab.customName,
          cwd: tab.cwd,
          profile: tab.profile,
        };
    }
  }
  return {
    workspaces: layout.workspaces.map((workspace) => ({ ...workspace, tabIds: [...workspace.tabIds] })),
    tabs,
    activeWorkspaceId: layout.activeWorkspaceId,
  };
}

/** A layout restored after a restart: every tab stale, no session, no exit code. */
export function restoreLayout(persisted: PersistedLayout): Layout {
  const tabs: Layout['tabs'] = {};
  const workspaces = persisted.workspaces.map((workspace) => ({
    ...workspace,
    tabIds: [...workspace.tabIds],
  }));
  for (const workspace of workspaces) {
    for (const tabId of workspace.tabIds) {
      const tab = persisted.tabs[tabId];
      if (tab) tabs[tabId] = { ...tab, sessionId: null, state: 'stale', exitCode: null };
    }
  }
  return { workspaces, tabs, activeWorkspaceId: persisted.activeWorkspaceId };
}

export interface OpenStoreOptions {
  dataDir: string;
  backend?: StoreBackendFactory;
}

export function openLayoutStore({ dataDir, backend }: OpenStoreOptions): DurableStore<PersistedLayout> {
  return DurableStore.open({
    dir: dataDir,
    name: 'layout',
    label: 'Layout',
    schema: PersistedLayout,
    version: LAYOUT_VERSION,
    migrations: layoutMigrations,
    defaults: emptyLayout,
    backend,
  });
}
