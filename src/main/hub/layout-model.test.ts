import { describe, expect, it } from 'vitest';
import type { Layout } from '../../shared/protocol';
import * as model from './layout-model';

function ok(result: model.Edit): Layout {
  if (!result.ok) throw new Error(result.message);
  return result.layout;
}

/** Two workspaces: w1 with tabs a, b, c (b active), w2 with tab d. */
function sample(): Layout {
  let layout = ok(model.addWorkspace(model.emptyLayout(), 'w1', 'One'));
  for (const id of ['a', 'b', 'c']) layout = ok(model.addTab(layout, 'w1', model.newTab(id, 'bash', '/')));
  layout = ok(model.activateTab(layout, 'b'));
  layout = ok(model.addWorkspace(layout, 'w2', 'Two'));
  return ok(model.addTab(layout, 'w2', model.newTab('d', 'bash', '/')));
}

describe('layout model', () => {
  it('refuses an unknown one-letter id in a sentence a person can read (the hub fuzz found "No tab A.")', () => {
    const refusals = [
      model.removeTab(sample(), 'A'),
      model.activateTab(sample(), 'A'),
      model.renameWorkspace(sample(), 'A', 'New'),
      model.removeWorkspace(sample(), 'A'),
    ];
    for (const result of refusals) {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toMatch(/^There is no (tab|workspace) "A"\.$/);
    }
  });

  it('adds tabs at an index and makes them active', () => {
    const layout = ok(model.addTab(sample(), 'w1', model.newTab('x', 'bash', null), 1));
    expect(layout.workspaces[0]).toMatchObject({ tabIds: ['a', 'x', 'b', 'c'], activeTabId: 'x' });
    expect(layout.activeWorkspaceId).toBe('w1');
  });

  it('closing the active tab activates its right neighbour, else its left', () => {
    const closedMiddle = ok(model.removeTab(sample(), 'b'));
    expect(closedMiddle.workspaces[0]).toMatchObject({ tabIds: ['a', 'c'], activeTabId: 'c' });
    const closedLast = ok(model.removeTab(ok(model.activateTab(sample(), 'c')), 'c'));
    expect(closedLast.workspaces[0]?.activeTabId).toBe('b');
    expect(closedLast.tabs.c).toBeUndefined();
  });

  it('moves a tab to another workspace as that workspace’s active tab, leaving the source consistent', () => {
    const layout = ok(model.moveTab(sample(), 'b', 'w2', 0));
    expect(layout.workspaces[0]).toMatchObject({ tabIds: ['a', 'c'], activeTabId: 'c' });
    expect(layout.workspaces[1]).toMatchObject({ tabIds: ['b', 'd'], activeTabId: 'b' });
    expect(layout.tabs.b).toEqual(sample().tabs.b);
  });

  it('reorders within a workspace without changing the active tab', () => {
    const layout = ok(model.moveTab(sample(), 'a', 'w1', 2));
    expect(layout.workspaces[0]).toMatchObject({ tabIds: ['b', 'c', 'a'], activeTabId: 'a' });
  });

  it('refuses moves of unknown tabs or to unknown workspaces without changing anything', () => {
    expect(model.moveTab(sample(), 'zz', 'w2')).toMatchObject({ ok: false, code: 'unknown_tab' });
    expect(model.moveTab(sample(), 'a', 'zz')).toMatchObject({ ok: false, code: 'unknown_workspace' });
  });

  it('deletes a workspace with its tabs, but never the last one', () => {
    const layout = ok(model.removeWorkspace(sample(), 'w2'));
    expect(layout.workspaces.map((w) => w.id)).toEqual(['w1']);
    expect(layout.tabs.d).toBeUndefined();
    expect(layout.activeWorkspaceId).toBe('w1');
    expect(model.removeWorkspace(layout, 'w1')).toMatchObject({ ok: false, code: 'not_permitted' });
  });

  it('enforces workspace names: unique without regard to case, renaming to itself allowed', () => {
    expect(model.addWorkspace(sample(), 'w3', 'one')).toMatchObject({ ok: false, code: 'duplicate_name' });
    expect(model.renameWorkspace(sample(), 'w1', 'ONE').ok).toBe(true);
    expect(model.renameWorkspace(sample(), 'w1', '')).toMatchObject({ ok: false, code: 'invalid_name' });
    expect(ok(model.addWorkspace(sample(), 'w3', undefined)).workspaces[2]?.name).toBe('Workspace 1');
  });

  it('renames tabs and clears a custom name with null', () => {
    const named = ok(model.renameTab(sample(), 'a', '  build  '));
    expect(named.tabs.a?.customName).toBe('build');
    expect(ok(model.renameTab(named, 'a', null)).tabs.a?.customName).toBeNull();
    expect(model.renameTab(sample(), 'a', 'x'.repeat(65))).toMatchObject({ ok: false, code: 'invalid_name' });
  });

  it('reorders workspaces', () => {
    const layout = ok(model.moveWorkspace(sample(), 'w2', 0));
    expect(layout.workspaces.map((w) => w.id)).toEqual(['w2', 'w1']);
  });

  it('lists tabs in display order', () => {
    expect(model.tabsInOrder(sample()).map((t) => t.id)).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('startingLayout', () => {
  const ids = () => {
    let n = 0;
    return () => `id${++n}`;
  };

  it('brings a saved layout back with every tab stale and without its old sessions', () => {
    let saved = sample();
    saved = model.updateTab(saved, 'a', { sessionId: 's-old', state: 'live', exitCode: null });
    saved = model.updateTab(saved, 'c', { state: 'exited', exitCode: 3 });
    const { layout, restoredTabIds } = model.startingLayout(saved, ids(), { title: 'bash', cwd: '/home' });
    expect(layout.workspaces).toEqual(saved.workspaces);
    expect(Object.values(layout.tabs).map((tab) => [tab.id, tab.state, tab.sessionId, tab.exitCode])).toEqual(
      [
        ['a', 'stale', null, null],
        ['b', 'stale', null, null],
        ['c', 'stale', null, null],
        ['d', 'stale', null, null],
      ],
    );
    expect(restoredTabIds).toEqual(['a', 'b', 'c', 'd']);
  });

  it('starts a first workspace with one tab when nothing (or an empty layout) was saved', () => {
    for (const saved of [null, model.emptyLayout()]) {
      const { layout, restoredTabIds } = model.startingLayout(saved, ids(), { title: 'zsh', cwd: '/home' });
      expect(layout.workspaces).toEqual([
        expect.objectContaining({ id: 'id1', name: 'Workspace 1', tabIds: ['id2'], activeTabId: 'id2' }),
      ]);
      expect(layout.tabs.id2).toMatchObject({ title: 'zsh', cwd: '/home', state: 'stale' });
      expect(restoredTabIds).toEqual([]);
    }
  });
});
