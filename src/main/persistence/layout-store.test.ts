import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Layout } from '../../shared/protocol';
import {
  emptyLayout,
  LAYOUT_VERSION,
  layoutProblems,
  openLayoutStore,
  PersistedLayout,
  restoreLayout,
  toPersistedLayout,
} from './layout-store';

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'tabterm-layout-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

const liveLayout: Layout = {
  workspaces: [
    { id: 'w1', name: 'Work', tabIds: ['t1', 't2'], activeTabId: 't2' },
    { id: 'w2', name: 'Play', tabIds: [], activeTabId: null },
  ],
  tabs: {
    t1: {
      id: 't1',
      title: 'bash',
      customName: null,
      cwd: '/home/u',
      profile: null,
      sessionId: 's1',
      state: 'live',
      exitCode: null,
    },
    t2: {
      id: 't2',
      title: 'vim',
      customName: 'editor',
      cwd: null,
      profile: 'p1',
      sessionId: 's2',
      state: 'exited',
      exitCode: 3,
    },
    orphan: {
      id: 'orphan',
      title: 'x',
      customName: null,
      cwd: null,
      profile: null,
      sessionId: null,
      state: 'stale',
      exitCode: null,
    },
  },
  activeWorkspaceId: 'w1',
};

describe('persisted layout', () => {
  it('keeps workspaces and tab recovery data, drops runtime fields and tabs in no workspace', () => {
    const persisted = toPersistedLayout(liveLayout);
    expect(persisted.tabs).toEqual({
      t1: { id: 't1', title: 'bash', customName: null, cwd: '/home/u', profile: null },
      t2: { id: 't2', title: 'vim', customName: 'editor', cwd: null, profile: 'p1' },
    });
    expect(persisted.workspaces).toEqual(liveLayout.workspaces);
    expect(PersistedLayout.safeParse(persisted).success).toBe(true);
  });

  it('restores every tab as stale without a session', () => {
    const restored = restoreLayout(toPersistedLayout(liveLayout));
    expect(
      Object.values(restored.tabs).map((tab) => [tab.id, tab.state, tab.sessionId, tab.exitCode]),
    ).toEqual([
      ['t1', 'stale', null, null],
      ['t2', 'stale', null, null],
    ]);
    expect(restored.activeWorkspaceId).toBe('w1');
  });

  it('names every broken reference', () => {
    const problems = layoutProblems({
      workspaces: [
        { id: 'w1', name: 'A', tabIds: ['t1', 'ghost'], activeTabId: 'elsewhere' },
        { id: 'w1', name: 'B', tabIds: ['t1'], activeTabId: null },
      ],
      tabs: { t1: { id: 't1' }, wrongkey: { id: 't9' } },
      activeWorkspaceId: 'nowhere',
    });
    expect(problems).toEqual([
      'tab "t9" is stored under the key "wrongkey"',
      'workspace "w1" lists unknown tab "ghost"',
      'workspace "w1" has active tab "elsewhere" that it does not hold',
      'workspace "w1" appears twice',
      'tab "t1" is in more than one place',
      'the active workspace "nowhere" does not exist',
    ]);
  });

  it('rejects a layout with a dangling reference (the store refuses to save it)', () => {
    const store = openLayoutStore({ dataDir });
    const broken = { ...emptyLayout(), activeWorkspaceId: 'missing' };
    expect(() => store.set(broken)).toThrow(/active workspace "missing" does not exist/);
  });
});

describe('layout store', () => {
  it('migrates a version-0 layout (nested tab arrays, no profile) to version 1', () => {
    const v0 = {
      version: 0,
      data: {
        workspaces: [
          {
            id: 'w1',
            name: 'Main',
            tabs: [
              { id: 'a', title: 'bash', name: 'logs', cwd: '/var/log' },
              { id: 'b', title: 'zsh' },
            ],
            activeTab: 1,
          },
          { id: 'w2', name: 'Empty', tabs: [], activeTab: null },
        ],
        activeWorkspace: 'w2',
      },
    };
    writeFileSync(join(dataDir, 'layout.json'), JSON.stringify(v0));
    const store = openLayoutStore({ dataDir });
    expect(store.get()).toEqual({
      workspaces: [
        { id: 'w1', name: 'Main', tabIds: ['a', 'b'], activeTabId: 'b' },
        { id: 'w2', name: 'Empty', tabIds: [], activeTabId: null },
      ],
      tabs: {
        a: { id: 'a', title: 'bash', customName: 'logs', cwd: '/var/log', profile: null },
        b: { id: 'b', title: 'zsh', customName: null, cwd: null, profile: null },
      },
      activeWorkspaceId: 'w2',
    });
    expect(store.notices).toMatchObject([{ code: 'store_migrated', level: 'info' }]);
    expect(JSON.parse(readFileSync(join(dataDir, 'layout.json'), 'utf8')).version).toBe(LAYOUT_VERSION);
    expect(JSON.parse(readFileSync(join(dataDir, 'layout.v0.bak.json'), 'utf8'))).toEqual(v0);
  });

  it('migrates a version-0 active tab index that points nowhere to no active tab', () => {
    const v0 = {
      version: 0,
      data: { workspaces: [{ id: 'w', name: 'W', tabs: [], activeTab: 4 }], activeWorkspace: null },
    };
    writeFileSync(join(dataDir, 'layout.json'), JSON.stringify(v0));
    expect(openLayoutStore({ dataDir }).get().workspaces[0]?.activeTabId).toBeNull();
  });

  it('quarantines a layout whose references are inconsistent and says why', () => {
    const bad = {
      version: 1,
      data: {
        workspaces: [{ id: 'w', name: 'W', tabIds: ['x'], activeTabId: null }],
        tabs: {},
        activeWorkspaceId: 'w',
      },
    };
    writeFileSync(join(dataDir, 'layout.json'), JSON.stringify(bad));
    const store = openLayoutStore({ dataDir });
    expect(store.get()).toEqual(emptyLayout());
    expect(store.notices[0]?.message).toMatch(/Layout file .* could not be used: .*lists unknown tab "x"/);
  });
});
