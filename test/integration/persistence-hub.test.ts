// The durable stores under the real hub and session host: a layout edited through the protocol comes
// back after a restart (names, order, cwd; tabs stale until activated), and a corrupt layout file is
// moved aside with every client told, the last good copy in use.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { forkHostLauncher } from '../../src/main/host/fork-host-link';
import { Hub } from '../../src/main/hub/hub';
import { type AppStores, openAppStores } from '../../src/main/persistence/stores';
import type { Layout } from '../../src/shared/protocol';
import { HOST_MODULE, TestClient } from './helpers/hub-harness';
import { waitFor } from './helpers/wait';

let dataDir: string;
let home: string;
const running: Hub[] = [];

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'tabterm-data-'));
  home = mkdtempSync(join(tmpdir(), 'tabterm-home-'));
  writeFileSync(join(home, '.bashrc'), "PS1='$ '\nunset PROMPT_COMMAND\n");
});

afterEach(async () => {
  for (const hub of running.splice(0)) await hub.shutdown();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(home, { recursive: true, force: true });
});

async function start(stores: AppStores): Promise<{ hub: Hub; client: TestClient }> {
  const hub = await Hub.start({
    launcher: forkHostLauncher({ modulePath: HOST_MODULE, execArgv: ['--import', 'tsx'] }),
    settings: { ...stores.settings, shell: '/bin/bash' },
    persistence: stores.layout,
    notices: stores.notices,
    homeDir: home,
    defaultShell: { shell: '/bin/bash', args: [] },
    env: { ...process.env, HOME: home, PS1: '$ ' },
  });
  running.push(hub);
  const client = new TestClient('persistence-test');
  client.bind(hub.connect(client));
  return { hub, client };
}

async function stop(hub: Hub, stores: AppStores): Promise<void> {
  running.splice(running.indexOf(hub), 1);
  await hub.shutdown();
  expect(stores.flush()).toBe(true);
}

/** What a restart must keep: workspace names and order, and each tab's names and cwd in order. */
function shape(layout: Layout) {
  return layout.workspaces.map((workspace) => ({
    name: workspace.name,
    tabs: workspace.tabIds.map((id) => {
      const tab = layout.tabs[id];
      return { id, customName: tab?.customName, cwd: tab?.cwd };
    }),
    active: workspace.activeTabId,
  }));
}

describe('durable layout under the hub', () => {
  it('brings workspaces and tabs back after a restart, stale until activated', async () => {
    const first = openAppStores(dataDir);
    const { hub, client } = await start(first);
    const workspaceId = client.layout().workspaces[0]!.id;
    client.do({ type: 'workspace_rename', workspaceId, name: 'Projects' });
    client.do({ type: 'tab_create', workspaceId, cwd: '/tmp' });
    await waitFor(() => client.layout().workspaces[0]?.tabIds.length === 2, 'second tab');
    const secondTab = client.layout().workspaces[0]!.tabIds[1]!;
    client.do({ type: 'tab_rename', tabId: secondTab, name: 'scratch' });
    client.do({ type: 'workspace_create', name: 'Second' });
    await waitFor(() => client.layout().workspaces.length === 2, 'second workspace');
    await waitFor(() => client.layout().tabs[secondTab]?.customName === 'scratch', 'tab renamed');
    await stop(hub, first);
    // The last layout the hub broadcast is the one it saved (status updates may change cwd or titles).
    const before = shape(client.layout());

    const onDisk = JSON.parse(readFileSync(join(dataDir, 'layout.json'), 'utf8')) as {
      version: number;
      data: Layout;
    };
    expect(onDisk.version).toBe(1);
    for (const tab of Object.values(onDisk.data.tabs)) {
      expect(Object.keys(tab).sort()).toEqual(['customName', 'cwd', 'id', 'profile', 'title']);
    }

    const second = openAppStores(dataDir);
    expect(second.notices).toEqual([]);
    const restarted = await start(second);
    const after = restarted.client.layout();
    expect(shape(after)).toEqual(before);
    expect(after.workspaces.map((w) => w.name)).toEqual(['Projects', 'Second']);
    // Only each workspace's active tab is started again; the rest wait until activated.
    const activeIds = new Set(after.workspaces.map((w) => w.activeTabId));
    for (const tab of Object.values(after.tabs)) {
      if (!activeIds.has(tab.id)) expect(tab.state).toBe('stale');
    }
  });

  it('moves a corrupt layout aside, uses the last good copy and tells every client', async () => {
    // Two runs leave a layout and its last-good copy behind.
    for (const name of ['One', 'Two']) {
      const stores = openAppStores(dataDir);
      const { hub, client } = await start(stores);
      client.do({ type: 'workspace_rename', workspaceId: client.layout().workspaces[0]!.id, name });
      await waitFor(() => client.layout().workspaces[0]?.name === name, `workspace ${name}`);
      await stop(hub, stores);
    }
    const lastGood = JSON.parse(readFileSync(join(dataDir, 'layout.last-good.json'), 'utf8')) as {
      data: Layout;
    };
    const lastGoodNames = lastGood.data.workspaces.map((w) => w.name);
    writeFileSync(join(dataDir, 'layout.json'), '{"version": 1, "data": {"workspaces": [{"id": "w", "na');

    const stores = openAppStores(dataDir);
    const { client } = await start(stores);
    const notice = await client.waitFor('app_notice');
    expect(notice).toMatchObject({ level: 'warning', code: 'store_recovered' });
    expect(notice.message).toMatch(
      /Layout file .*layout\.json could not be used: the file is not valid JSON/,
    );
    expect(notice.message).toMatch(/moved to .*layout\.corrupt-.*\.json.*last good copy/);
    expect(client.layout().workspaces.map((w) => w.name)).toEqual(lastGoodNames);
    const quarantined = readdirSync(dataDir).filter((name) => name.startsWith('layout.corrupt-'));
    expect(quarantined).toHaveLength(1);
    expect(readFileSync(join(dataDir, quarantined[0]!), 'utf8')).toContain('"na');
  });
});
