import { describe, expect, it } from 'vitest';
import { WindowFollow } from '../../shared/limits';
import type { Layout, ServerMessage, SessionStatus } from '../../shared/protocol';
import { defaultSettings } from '../../shared/settings';
import { liveTab } from '../../shared/testing/layout-fixtures';
import {
  initialUiState,
  MAX_NOTICES,
  reduce,
  STATUS_SETTLE_MS,
  type UiEvent,
  type UiState,
} from './ui-state';

const tab = (id: string, sessionId: string | null = `s-${id}`) => liveTab(id, { sessionId });

function layout(activeTabId: string, activeWorkspaceId = 'w1'): Layout {
  return {
    workspaces: [
      {
        id: 'w1',
        name: 'One',
        tabIds: ['a', 'b'],
        activeTabId: activeWorkspaceId === 'w1' ? activeTabId : 'a',
      },
      { id: 'w2', name: 'Two', tabIds: ['c'], activeTabId: 'c' },
    ],
    tabs: { a: tab('a'), b: tab('b'), c: tab('c') },
    activeWorkspaceId,
  };
}

function status(tabId: string, patch: Partial<SessionStatus> = {}): ServerMessage {
  return {
    type: 'session_status',
    sessionId: `s-${tabId}`,
    tabId,
    status: 'idle',
    exitCode: null,
    command: null,
    title: 'bash',
    cwd: null,
    bells: 0,
    lastOutputAt: 1000,
    ...patch,
  };
}

function server(message: ServerMessage, now = 0): UiEvent {
  return { kind: 'server', message, now };
}

function run(events: UiEvent[], start: UiState = initialUiState(defaultSettings())): UiState {
  return events.reduce(reduce, start);
}

describe('reduce', () => {
  it('takes the layout, settings and host status the hub sends on connect', () => {
    const settings = { ...defaultSettings(), fontSize: 18 };
    const state = run([
      server({ type: 'layout', layout: layout('a'), revision: 1 }),
      server({ type: 'settings', settings }),
      server({ type: 'host_status', state: 'running', restarts: 0, message: null }),
    ]);
    expect(state.layout?.workspaces).toHaveLength(2);
    expect(state.settings.fontSize).toBe(18);
    expect(state.host).toEqual({ state: 'running', restarts: 0, message: null });
    expect(state.shownTabId).toBe('a');
  });

  it('keeps the latest profiles and default profile the hub sends', () => {
    const dev = { name: 'Dev', kind: 'shell', source: 'user', icon: null, tabColor: null } as const;
    const state = run([
      server({ type: 'profiles', profiles: [dev], defaultProfile: 'Dev' }),
      server({ type: 'profiles', profiles: [], defaultProfile: null }),
    ]);
    expect(initialUiState(defaultSettings()).profiles).toEqual([]);
    expect(run([server({ type: 'profiles', profiles: [dev], defaultProfile: 'Dev' })])).toMatchObject({
      profiles: [dev],
      defaultProfile: 'Dev',
    });
    expect(state).toMatchObject({ profiles: [], defaultProfile: null });
  });

  it('counts any server message as proof the connection is open', () => {
    const state = run([server({ type: 'terminal_stale', tabIds: [] })]);
    expect(state.connection).toBe('open');
    expect(
      run([{ kind: 'connection', state: 'closed' }, server({ type: 'terminal_stale', tabIds: [] })])
        .connection,
    ).toBe('closed');
  });

  it('marks output to a hidden tab unseen and clears it when the tab is shown', () => {
    let state = run([
      server({ type: 'layout', layout: layout('a'), revision: 1 }),
      { kind: 'output', tabId: 'b' },
    ]);
    expect(state.tabs.b?.unseen).toBe(true);
    state = reduce(state, { kind: 'output', tabId: 'a' });
    expect(state.tabs.a?.unseen).toBe(false);
    state = reduce(state, server({ type: 'layout', layout: layout('b'), revision: 1 }));
    expect(state.tabs.b?.unseen).toBe(false);
  });

  it('marks unseen from status when a hidden tab gets later output, but not from the first status', () => {
    let state = run([
      server({ type: 'layout', layout: layout('a'), revision: 1 }),
      server(status('b', { lastOutputAt: 1000 })),
    ]);
    expect(state.tabs.b?.unseen).toBe(false);
    state = reduce(state, server(status('b', { lastOutputAt: 1000 })));
    expect(state.tabs.b?.unseen).toBe(false);
    state = reduce(state, server(status('b', { lastOutputAt: 2000 })));
    expect(state.tabs.b?.unseen).toBe(true);
  });

  it('does not count output the user saw just before switching away (status lag)', () => {
    let state = run([
      server({ type: 'layout', layout: layout('b'), revision: 1 }, 0),
      server(status('b', { lastOutputAt: 1000 }), 0),
      server({ type: 'layout', layout: layout('a'), revision: 1 }, 10_000),
      server(status('b', { lastOutputAt: 2000 }), 10_000 + STATUS_SETTLE_MS - 1),
    ]);
    expect(state.tabs.b?.unseen).toBe(false);
    state = reduce(state, server(status('b', { lastOutputAt: 3000 }), 10_000 + STATUS_SETTLE_MS));
    expect(state.tabs.b?.unseen).toBe(true);
  });

  it('rings the bell for a hidden tab whose bell count rose, never for the shown one', () => {
    const state = run([
      server({ type: 'layout', layout: layout('a'), revision: 1 }),
      server(status('a', { bells: 0 })),
      server(status('b', { bells: 0 })),
      server(status('a', { bells: 1 })),
      server(status('b', { bells: 2 })),
    ]);
    expect(state.tabs.a?.bell).toBe(false);
    expect(state.tabs.b?.bell).toBe(true);
  });

  it('takes a tab’s title and directory from its session’s status (the hub sends no layout for them)', () => {
    const state = run([
      server({ type: 'layout', layout: layout('a'), revision: 1 }),
      server(status('b', { title: 'vim notes.md', cwd: '/home/u/notes' })),
      server(status('a', { sessionId: 'an-older-session', title: 'not this one' })),
    ]);
    expect(state.layout?.tabs.b).toMatchObject({ title: 'vim notes.md', cwd: '/home/u/notes' });
    expect(state.layout?.tabs.a?.title).toBe(tab('a').title);
  });

  it('forgets indicators of tabs that left the layout', () => {
    const smaller: Layout = {
      workspaces: [{ id: 'w1', name: 'One', tabIds: ['a'], activeTabId: 'a' }],
      tabs: { a: tab('a') },
      activeWorkspaceId: 'w1',
    };
    const state = run([
      server({ type: 'layout', layout: layout('a'), revision: 1 }),
      { kind: 'output', tabId: 'b' },
      server({ type: 'layout', layout: smaller, revision: 1 }),
    ]);
    expect(Object.keys(state.tabs)).toEqual(['a']);
  });

  it('turns errors and notices into banners, without unknown_session and without duplicates', () => {
    const state = run([
      server({ type: 'terminal_error', code: 'unknown_session', message: 'gone', tabId: 'a' }),
      server({ type: 'terminal_error', code: 'duplicate_name', message: 'A workspace named "x" exists.' }),
      server({ type: 'terminal_error', code: 'duplicate_name', message: 'A workspace named "x" exists.' }),
      server({ type: 'app_notice', level: 'warning', code: 'layout_quarantined', message: 'Saved a copy.' }),
    ]);
    expect(state.notices.map((n) => n.code)).toEqual(['duplicate_name', 'layout_quarantined']);
    expect(state.notices[1]?.level).toBe('warning');
    const dismissed = reduce(state, { kind: 'dismiss', id: state.notices[0]!.id });
    expect(dismissed.notices.map((n) => n.code)).toEqual(['layout_quarantined']);
  });

  it('shows one settings banner, the latest, and takes it down when the file is valid again', () => {
    const notice = (code: string, message: string) =>
      server({ type: 'app_notice', level: 'warning', code, message });
    const two = run([
      notice('layout_quarantined', 'Saved a copy.'),
      notice('settings_invalid', 'fontSize: too big'),
      notice('settings_invalid', 'theme: not a theme'),
    ]);
    expect(two.notices.map((n) => n.message)).toEqual(['Saved a copy.', 'theme: not a theme']);
    const valid = reduce(
      two,
      server({ type: 'app_notice', level: 'info', code: 'settings_valid', message: 'ok' }),
    );
    expect(valid.notices.map((n) => n.code)).toEqual(['layout_quarantined']);
  });

  it('keeps only the latest notices', () => {
    const events: UiEvent[] = Array.from({ length: MAX_NOTICES + 3 }, (_, i) => ({
      kind: 'notice',
      level: 'info',
      code: 'c',
      message: `m${i}`,
    }));
    const state = run(events);
    expect(state.notices).toHaveLength(MAX_NOTICES);
    expect(state.notices.at(-1)?.message).toBe(`m${MAX_NOTICES + 2}`);
  });

  it('returns the same state for events that change nothing', () => {
    const state = run([server({ type: 'layout', layout: layout('a'), revision: 1 })]);
    expect(reduce(state, { kind: 'output', tabId: 'a' })).toBe(state);
    expect(reduce(state, { kind: 'connection', state: 'open' })).toBe(state);
  });
});

describe('the workspace this window shows', () => {
  const at = (state: UiState) => ({ workspace: state.shownWorkspaceId, tab: state.shownTabId });

  it('starts on the workspace the page was opened with, and ignores other windows’ switches', () => {
    let state = run(
      [server({ type: 'layout', layout: layout('a'), revision: 1 })],
      initialUiState(defaultSettings(), 'w2'),
    );
    expect(at(state)).toEqual({ workspace: 'w2', tab: 'c' });
    state = reduce(state, server({ type: 'layout', layout: layout('b', 'w1'), revision: 2 }));
    expect(at(state)).toEqual({ workspace: 'w2', tab: 'c' });
  });

  it('switches locally, marking the tab it leaves hidden and the one it shows seen', () => {
    let state = run([
      server({ type: 'layout', layout: layout('a'), revision: 1 }),
      { kind: 'output', tabId: 'c' },
    ]);
    expect(state.tabs.c?.unseen).toBe(true);
    state = reduce(state, { kind: 'show_workspace', workspaceId: 'w2', now: 500 });
    expect(at(state)).toEqual({ workspace: 'w2', tab: 'c' });
    expect(state.tabs.c?.unseen).toBe(false);
    expect(state.tabs.a?.hiddenSince).toBe(500);
    expect(state.layout?.activeWorkspaceId).toBe('w1');
  });

  it('ignores a switch to a workspace that does not exist or is already shown', () => {
    const state = run([server({ type: 'layout', layout: layout('a'), revision: 1 })]);
    expect(reduce(state, { kind: 'show_workspace', workspaceId: 'nope', now: 1 })).toBe(state);
    expect(reduce(state, { kind: 'show_workspace', workspaceId: 'w1', now: 1 })).toBe(state);
  });

  it('shows a workspace it created when the hub’s layout brings it', () => {
    const grown: Layout = {
      ...layout('a', 'w3'),
      workspaces: [...layout('a').workspaces, { id: 'w3', name: 'Three', tabIds: ['d'], activeTabId: 'd' }],
      tabs: { ...layout('a').tabs, d: tab('d') },
    };
    const state = run([
      server({ type: 'layout', layout: layout('a'), revision: 1 }, 0),
      { kind: 'workspace_requested', now: 10 },
      server({ type: 'layout', layout: layout('b'), revision: 2 }, 20),
      server({ type: 'layout', layout: grown, revision: 3 }, 30),
    ]);
    expect(at(state)).toEqual({ workspace: 'w3', tab: 'd' });
    expect(state.pendingShow).toBeNull();
  });

  it('a workspace another window created does not move it', () => {
    const grown: Layout = {
      ...layout('a', 'w3'),
      workspaces: [...layout('a').workspaces, { id: 'w3', name: 'Three', tabIds: ['d'], activeTabId: 'd' }],
      tabs: { ...layout('a').tabs, d: tab('d') },
    };
    const state = run([
      server({ type: 'layout', layout: layout('a'), revision: 1 }),
      server({ type: 'layout', layout: grown, revision: 2 }),
    ]);
    expect(at(state)).toEqual({ workspace: 'w1', tab: 'a' });
  });

  it('goes to another workspace it opened a tab in, once the tab is there', () => {
    const withTab: Layout = {
      ...layout('a', 'w2'),
      workspaces: [
        layout('a').workspaces[0]!,
        { id: 'w2', name: 'Two', tabIds: ['c', 'd'], activeTabId: 'd' },
      ],
      tabs: { ...layout('a').tabs, d: tab('d') },
    };
    let state = run([
      server({ type: 'layout', layout: layout('a'), revision: 1 }),
      { kind: 'tab_requested', workspaceId: 'w1', now: 1 },
    ]);
    expect(state.pendingShow).toBeNull();
    state = reduce(state, { kind: 'tab_requested', workspaceId: 'w2', now: 2 });
    state = reduce(state, server({ type: 'layout', layout: withTab, revision: 2 }, 3));
    expect(at(state)).toEqual({ workspace: 'w2', tab: 'd' });
  });

  it('falls back to the hub’s active workspace when the one it shows is deleted', () => {
    const onlyOne: Layout = {
      workspaces: [{ id: 'w1', name: 'One', tabIds: ['a', 'b'], activeTabId: 'b' }],
      tabs: { a: tab('a'), b: tab('b') },
      activeWorkspaceId: 'w1',
    };
    let state = run([
      server({ type: 'layout', layout: layout('a'), revision: 1 }),
      { kind: 'show_workspace', workspaceId: 'w2', now: 1 },
    ]);
    state = reduce(state, server({ type: 'layout', layout: onlyOne, revision: 2 }, 2));
    expect(at(state)).toEqual({ workspace: 'w1', tab: 'b' });
  });
});

describe('local-first tab activation', () => {
  const activate = (tabId: string, now: number): UiEvent => ({ kind: 'activate_tab', tabId, now });
  const hubLayout = (activeTabId: string, revision: number, now: number) =>
    server({ type: 'layout', layout: layout(activeTabId), revision }, now);

  it('shows the activated tab at once, before the hub answers', () => {
    let state = run([hubLayout('a', 1, 0), { kind: 'output', tabId: 'b' }]);
    state = reduce(state, activate('b', 100));
    expect(state.shownTabId).toBe('b');
    expect(state.layout?.workspaces[0]?.activeTabId).toBe('b');
    expect(state.tabs.b?.unseen).toBe(false);
    expect(state.tabs.a?.hiddenSince).toBe(100);
  });

  it('keeps the choice over a layout that does not carry it yet, then lets the hub rule once it agrees', () => {
    let state = run([hubLayout('a', 1, 0), activate('b', 100)]);
    // Another window's change (or a layout sent before ours was applied) still names `a`.
    state = reduce(state, hubLayout('a', 2, 110));
    expect(state.shownTabId).toBe('b');
    state = reduce(state, hubLayout('b', 3, 120));
    expect(state.shownTabId).toBe('b');
    expect(state.localActivation).toBeNull();
    // Once confirmed, a later activation elsewhere is followed again.
    state = reduce(state, hubLayout('a', 4, 130));
    expect(state.shownTabId).toBe('a');
  });

  it('follows the last of quick successive activations, whatever order the answers come in', () => {
    let state = run([hubLayout('a', 1, 0), activate('b', 100), activate('a', 101)]);
    expect(state.shownTabId).toBe('a');
    state = reduce(state, hubLayout('b', 2, 110));
    expect(state.shownTabId).toBe('a');
    state = reduce(state, hubLayout('a', 3, 120));
    expect(state.shownTabId).toBe('a');
    expect(state.localActivation).toBeNull();
  });

  it('gives up the choice when the hub ignores it for too long', () => {
    let state = run([hubLayout('a', 1, 0), activate('b', 100)]);
    state = reduce(state, hubLayout('a', 2, 100 + WindowFollow.requestTimeoutMs + 1));
    expect(state.shownTabId).toBe('a');
    expect(state.localActivation).toBeNull();
  });

  it('drops the choice when the tab is closed or moved away meanwhile', () => {
    const moved: Layout = {
      workspaces: [
        { id: 'w1', name: 'One', tabIds: ['a'], activeTabId: 'a' },
        { id: 'w2', name: 'Two', tabIds: ['c', 'b'], activeTabId: 'c' },
      ],
      tabs: { a: tab('a'), b: tab('b'), c: tab('c') },
      activeWorkspaceId: 'w1',
    };
    const state = run([
      hubLayout('a', 1, 0),
      activate('b', 100),
      server({ type: 'layout', layout: moved, revision: 2 }, 110),
    ]);
    expect(state.shownTabId).toBe('a');
    expect(state.localActivation).toBeNull();
  });

  it('ignores tabs of other workspaces, unknown tabs and the tab already shown', () => {
    const state = run([hubLayout('a', 1, 0)]);
    expect(reduce(state, activate('c', 1))).toBe(state);
    expect(reduce(state, activate('nope', 1))).toBe(state);
    expect(reduce(state, activate('a', 1))).toBe(state);
  });

  it('forgets the choice when the connection drops: the hub never heard of it', () => {
    let state = run([hubLayout('a', 1, 0), activate('b', 100), { kind: 'connection', state: 'closed' }]);
    expect(state.localActivation).toBeNull();
    state = reduce(state, { kind: 'connection', state: 'open' });
    state = reduce(state, hubLayout('a', 2, 200));
    expect(state.shownTabId).toBe('a');
  });
});
