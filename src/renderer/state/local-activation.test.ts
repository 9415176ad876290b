import { describe, expect, it } from 'vitest';
import { WindowFollow } from '../../shared/limits';
import type { Layout } from '../../shared/protocol';
import { liveTab } from '../../shared/testing/layout-fixtures';
import { activateLocally, reconcileActivation, withActivation } from './local-activation';

const tab = (id: string) => liveTab(id);

function layout(activeTabId: string): Layout {
  return {
    workspaces: [
      { id: 'w1', name: 'One', tabIds: ['a', 'b'], activeTabId },
      { id: 'w2', name: 'Two', tabIds: ['c'], activeTabId: 'c' },
    ],
    tabs: { a: tab('a'), b: tab('b'), c: tab('c') },
    activeWorkspaceId: 'w1',
  };
}

describe('activateLocally', () => {
  it('holds a tab of the given workspace, and nothing for tabs elsewhere or unknown', () => {
    expect(activateLocally(layout('a'), 'w1', 'b', 5)).toEqual({ workspaceId: 'w1', tabId: 'b', since: 5 });
    expect(activateLocally(layout('a'), 'w1', 'c', 5)).toBeNull();
    expect(activateLocally(layout('a'), 'w1', 'x', 5)).toBeNull();
    expect(activateLocally(null, 'w1', 'b', 5)).toBeNull();
  });
});

describe('reconcileActivation', () => {
  const pending = { workspaceId: 'w1', tabId: 'b', since: 100 };

  it('waits while the hub still names another tab, ends when it agrees', () => {
    expect(reconcileActivation(pending, layout('a'), 150)).toBe(pending);
    expect(reconcileActivation(pending, layout('b'), 150)).toBeNull();
  });

  it('ends after the request timeout', () => {
    expect(reconcileActivation(pending, layout('a'), 100 + WindowFollow.requestTimeoutMs)).toBe(pending);
    expect(reconcileActivation(pending, layout('a'), 101 + WindowFollow.requestTimeoutMs)).toBeNull();
  });

  it('ends when the tab is gone', () => {
    const without: Layout = {
      ...layout('a'),
      workspaces: [{ id: 'w1', name: 'One', tabIds: ['a'], activeTabId: 'a' }],
      tabs: { a: tab('a') },
    };
    expect(reconcileActivation(pending, without, 150)).toBeNull();
  });
});

describe('withActivation', () => {
  it('lays the pending tab over the layout, leaving everything else as it is', () => {
    const base = layout('a');
    const shown = withActivation(base, { workspaceId: 'w1', tabId: 'b', since: 0 });
    expect(shown.workspaces[0]?.activeTabId).toBe('b');
    expect(shown.workspaces[1]).toBe(base.workspaces[1]);
    expect(shown.tabs).toBe(base.tabs);
  });

  it('returns the same layout when nothing is pending or it already agrees', () => {
    const base = layout('b');
    expect(withActivation(base, null)).toBe(base);
    expect(withActivation(base, { workspaceId: 'w1', tabId: 'b', since: 0 })).toBe(base);
  });
});
