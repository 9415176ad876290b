import { describe, expect, it } from 'vitest';
import { WindowFollow } from '../../shared/limits';
import type { Layout, LayoutWorkspace } from '../../shared/protocol';
import { staleTab } from '../../shared/testing/layout-fixtures';
import { fallbackWorkspace, shownWorkspace, visibleTabId } from './selectors';
import { awaitTab, awaitWorkspace, followLayout, type WorkspaceFollow } from './workspace-follow';

function workspace(id: string, tabIds: string[]): LayoutWorkspace {
  return { id, name: id.toUpperCase(), tabIds, activeTabId: tabIds[0] ?? null };
}

function layoutOf(workspaces: LayoutWorkspace[], activeWorkspaceId: string | null): Layout {
  const tabs = Object.fromEntries(workspaces.flatMap((w) => w.tabIds.map((id) => [id, staleTab(id)])));
  return { workspaces, tabs, activeWorkspaceId };
}

const two = layoutOf([workspace('w1', ['a', 'b']), workspace('w2', ['c'])], 'w1');
const fresh: WorkspaceFollow = { shownWorkspaceId: null, pending: null };
const showing = (id: string): WorkspaceFollow => ({ shownWorkspaceId: id, pending: null });

describe('selectors', () => {
  it('show this window’s workspace and its active tab, whatever the hub’s active workspace', () => {
    expect(shownWorkspace(two, 'w2')?.id).toBe('w2');
    expect(visibleTabId(two, 'w2')).toBe('c');
    expect(visibleTabId(two, 'w1')).toBe('a');
  });

  it('fall back to the hub’s last active workspace, else the first, when the window has none', () => {
    expect(shownWorkspace(two, null)?.id).toBe('w1');
    expect(shownWorkspace(two, 'gone')?.id).toBe('w1');
    expect(fallbackWorkspace({ ...two, activeWorkspaceId: 'gone' })?.id).toBe('w1');
    expect(fallbackWorkspace({ ...two, activeWorkspaceId: 'w2' })?.id).toBe('w2');
    expect(shownWorkspace(null, 'w1')).toBeNull();
    expect(visibleTabId(layoutOf([workspace('w1', [])], 'w1'), 'w1')).toBeNull();
  });
});

describe('followLayout', () => {
  it('starts on the workspace the page was opened with, if it exists, else the hub’s active one', () => {
    expect(followLayout(showing('w2'), two, 0).shownWorkspaceId).toBe('w2');
    expect(followLayout(showing('nope'), two, 0).shownWorkspaceId).toBe('w1');
    expect(followLayout(fresh, two, 0).shownWorkspaceId).toBe('w1');
    expect(followLayout(fresh, { ...two, activeWorkspaceId: null }, 0).shownWorkspaceId).toBe('w1');
    expect(followLayout(fresh, layoutOf([], null), 0).shownWorkspaceId).toBeNull();
  });

  it('stays put when another window activates a workspace', () => {
    expect(followLayout(showing('w1'), { ...two, activeWorkspaceId: 'w2' }, 0).shownWorkspaceId).toBe('w1');
    expect(followLayout(showing('w2'), { ...two, activeWorkspaceId: 'w1' }, 0).shownWorkspaceId).toBe('w2');
  });

  it('falls back to the hub’s active workspace when the shown one is deleted', () => {
    const without = layoutOf([workspace('w1', ['a', 'b']), workspace('w3', [])], 'w3');
    expect(followLayout(showing('w2'), without, 0).shownWorkspaceId).toBe('w3');
    expect(followLayout(showing('w2'), { ...without, activeWorkspaceId: null }, 0).shownWorkspaceId).toBe(
      'w1',
    );
  });

  it('shows the workspace this window asked for once it appears, then forgets the request', () => {
    const pending = awaitWorkspace(two, 100);
    const waiting = followLayout({ shownWorkspaceId: 'w1', pending }, two, 150);
    expect(waiting).toEqual({ shownWorkspaceId: 'w1', pending });
    const created = layoutOf([...two.workspaces, workspace('w3', ['d'])], 'w3');
    expect(followLayout(waiting, created, 200)).toEqual({ shownWorkspaceId: 'w3', pending: null });
  });

  it('prefers the new workspace the hub made active when two appear at once', () => {
    const pending = awaitWorkspace(two, 0);
    const both = layoutOf([...two.workspaces, workspace('w3', []), workspace('w4', [])], 'w4');
    expect(followLayout({ shownWorkspaceId: 'w1', pending }, both, 1).shownWorkspaceId).toBe('w4');
  });

  it('does not take a workspace that appears after the request timed out for its answer', () => {
    const pending = awaitWorkspace(two, 0);
    const created = layoutOf([...two.workspaces, workspace('w3', [])], 'w3');
    const late = followLayout(
      { shownWorkspaceId: 'w1', pending },
      created,
      WindowFollow.requestTimeoutMs + 1,
    );
    expect(late).toEqual({ shownWorkspaceId: 'w1', pending: null });
  });

  it('goes to another workspace after opening a tab there, once the tab exists', () => {
    const pending = awaitTab(two, 'w1', 'w2', 0);
    expect(pending).not.toBeNull();
    const before = followLayout({ shownWorkspaceId: 'w1', pending }, two, 1);
    expect(before.shownWorkspaceId).toBe('w1');
    const withTab = layoutOf([workspace('w1', ['a', 'b']), workspace('w2', ['c', 'd'])], 'w2');
    expect(followLayout(before, withTab, 2)).toEqual({ shownWorkspaceId: 'w2', pending: null });
  });

  it('needs no request for a tab opened in the workspace it shows', () => {
    expect(awaitTab(two, 'w1', 'w1', 0)).toBeNull();
  });
});
