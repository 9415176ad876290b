import { describe, expect, it } from 'vitest';
import type { ClientMessage, Layout } from '../shared/protocol';
import { defaultSettings } from '../shared/settings';
import { liveTab } from '../shared/testing/layout-fixtures';
import { LayoutActions } from './layout-actions';
import { Store } from './state/store';
import { initialUiState, reduce, type UiEvent, type UiState } from './state/ui-state';

const tab = (id: string) => liveTab(id);

const layout: Layout = {
  workspaces: [
    { id: 'w1', name: 'One', tabIds: ['a', 'b'], activeTabId: 'a' },
    { id: 'w2', name: 'Two', tabIds: ['c'], activeTabId: 'c' },
  ],
  tabs: { a: tab('a'), b: tab('b'), c: tab('c') },
  activeWorkspaceId: 'w1',
};

function harness() {
  const sent: ClientMessage[] = [];
  const store = new Store<UiState, UiEvent>(initialUiState(defaultSettings()), reduce);
  store.dispatch({ kind: 'server', message: { type: 'layout', layout, revision: 1 }, now: 0 });
  const actions = new LayoutActions(
    { send: (message) => sent.push(message) },
    () => store.get(),
    () => {},
    (event) => store.dispatch(event),
    () => 1_000,
  );
  const hub = (next: Layout) =>
    store.dispatch({ kind: 'server', message: { type: 'layout', layout: next, revision: 2 }, now: 1_000 });
  return { sent, store, actions, hub };
}

describe('LayoutActions and the workspace this window shows', () => {
  it('switch workspaces in this window and tell the hub, which remembers the last active one', () => {
    const h = harness();
    h.actions.activateWorkspace('w2');
    expect(h.store.get().shownWorkspaceId).toBe('w2');
    expect(h.actions.visibleTab()).toBe('c');
    expect(h.sent).toEqual([{ type: 'workspace_activate', workspaceId: 'w2' }]);
  });

  it('act on the shown workspace after another window moved the hub’s active one', () => {
    const h = harness();
    h.actions.activateWorkspace('w2');
    h.sent.length = 0;
    // Another window went back to w1: this one still acts on w2.
    h.hub({ ...layout, activeWorkspaceId: 'w1' });
    h.actions.newTab();
    expect(h.sent).toEqual([{ type: 'tab_create', workspaceId: 'w2' }]);
    expect(h.actions.visibleWorkspace()?.id).toBe('w2');
  });

  it('need no message to show a workspace the hub already holds as active', () => {
    const h = harness();
    h.hub({ ...layout, activeWorkspaceId: 'w2' });
    h.actions.activateWorkspace('w2');
    expect(h.store.get().shownWorkspaceId).toBe('w2');
    expect(h.sent).toEqual([]);
    h.actions.activateWorkspace('nope');
    expect(h.store.get().shownWorkspaceId).toBe('w2');
  });

  it('show a workspace this window created once the hub has made it', () => {
    const h = harness();
    h.actions.createWorkspace();
    expect(h.sent).toEqual([{ type: 'workspace_create' }]);
    h.hub({
      workspaces: [...layout.workspaces, { id: 'w3', name: 'Workspace 3', tabIds: ['d'], activeTabId: 'd' }],
      tabs: { ...layout.tabs, d: tab('d') },
      activeWorkspaceId: 'w3',
    });
    expect(h.store.get().shownWorkspaceId).toBe('w3');
    expect(h.actions.visibleTab()).toBe('d');
  });
});
