import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Layout } from '../../shared/protocol';
import { defaultSettings } from '../../shared/settings';
import type { AppNotice, LayoutPersistence } from '../hub/hub-options';
import { openAppStores } from './stores';

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'tabterm-stores-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

const layout: Layout = {
  workspaces: [{ id: 'w1', name: 'One', tabIds: ['t1'], activeTabId: 't1' }],
  tabs: {
    t1: {
      id: 't1',
      title: 'bash',
      customName: 'build',
      cwd: '/tmp',
      profile: null,
      sessionId: 's1',
      state: 'live',
      exitCode: null,
    },
  },
  activeWorkspaceId: 'w1',
};

describe('openAppStores', () => {
  it('gives the hub null on first start, then the saved layout with every tab stale', () => {
    const first = openAppStores(dataDir);
    // The hub's own interfaces: this file stops compiling if the two drift apart.
    const persistence: LayoutPersistence = first.layout;
    const notices: AppNotice[] = first.notices;
    expect(notices).toEqual([]);
    expect(persistence.load()).toBeNull();
    expect(first.settings).toEqual(defaultSettings());
    persistence.save(layout);
    expect(first.flush()).toBe(true);

    const second = openAppStores(dataDir);
    expect(second.layout.load()).toEqual({
      ...layout,
      tabs: { t1: { ...layout.tabs.t1, sessionId: null, state: 'stale', exitCode: null } },
    });
  });

  it('logs, instead of throwing into the hub, when asked to save an inconsistent layout', () => {
    const lines: string[] = [];
    const stores = openAppStores(dataDir, { log: (line) => lines.push(line) });
    stores.layout.save(layout);
    const broken: Layout = { ...layout, activeWorkspaceId: 'nowhere' };
    expect(() => stores.layout.save(broken)).not.toThrow();
    expect(lines).toEqual([
      expect.stringMatching(/^layout not saved: Layout: refusing .*"nowhere" does not exist/),
    ]);
    stores.flush();
    expect(openAppStores(dataDir).layout.load()?.activeWorkspaceId).toBe('w1');
  });

  it('collects the opening notices of every file', () => {
    writeFileSync(join(dataDir, 'layout.json'), '{"version": 1, "data": {"workspaces": [');
    writeFileSync(join(dataDir, 'settings.json'), 'theme = dark');
    const stores = openAppStores(dataDir);
    expect(stores.notices.map((notice) => [notice.store, notice.code])).toEqual([
      ['layout', 'store_reset'],
      ['settings', 'settings_invalid'],
    ]);
  });
});
