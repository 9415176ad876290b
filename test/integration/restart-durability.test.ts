// Nothing lost across restarts, through the real browser host: layout, names, cwds and each tab's
// history come back; corrupt files are set aside, the user is told, and the last good layout is used.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Layout } from '../../src/shared/protocol';
import { BrowserHost, type HostDirs, makeDirs, type WsClient } from './helpers/browser-host';

let host: BrowserHost | null = null;

afterEach(async () => {
  await host?.stop();
  host = null;
});

const byName = (layout: Layout, name: string) => layout.workspaces.find((w) => w.name === name)!;

async function newTab(client: WsClient, workspaceId: string): Promise<string> {
  const before = new Set(Object.keys(client.layout().tabs));
  client.send({ type: 'tab_create', workspaceId });
  const layout = await client.waitForLayout(
    (l) => Object.keys(l.tabs).some((id) => !before.has(id)),
    'the new tab',
  );
  return Object.keys(layout.tabs).find((id) => !before.has(id))!;
}

/** Opens a tab, moves it to `dir`, prints a marker and waits until the hub tracked the cwd. */
async function work(client: WsClient, tabId: string, dir: string, mark: string): Promise<void> {
  const sessionId = await client.open(tabId);
  await client.run(sessionId, `cd ${dir} && echo ${mark}`, new RegExp(`^${mark}\\r?$`, 'm'));
  await client.waitForLayout((l) => l.tabs[tabId]?.cwd === dir, `cwd ${dir} tracked`);
}

describe('restart', () => {
  it('brings back three workspaces, renamed tabs, cwds and each tab’s last output above the marker', async () => {
    const dirs = makeDirs();
    host = await BrowserHost.start(dirs);
    const client = await host.client();
    const first = client.layout().workspaces[0]!;
    const t1 = first.tabIds[0]!;
    await work(client, t1, '/tmp', 'MARK-ONE');
    const t2 = await newTab(client, first.id);
    client.send({ type: 'tab_rename', tabId: t2, name: 'builder' });
    await work(client, t2, '/usr', 'MARK-TWO');
    client.send({ type: 'workspace_create', name: 'Second' });
    const second = byName(await client.waitForLayout((l) => l.workspaces.length === 2, 'Second'), 'Second');
    const t3 = second.tabIds[0]!;
    await work(client, t3, '/etc', 'MARK-THREE');
    client.send({ type: 'workspace_create', name: 'Third' });
    const third = byName(await client.waitForLayout((l) => l.workspaces.length === 3, 'Third'), 'Third');
    const t4 = third.tabIds[0]!;
    client.send({ type: 'tab_rename', tabId: t4, name: 'logs' });
    await work(client, t4, '/var', 'MARK-FOUR');
    await client.waitForLayout((l) => l.tabs[t4]?.customName === 'logs', 'rename of t4');
    const before = client.layout();
    client.close();

    await host.stop('SIGTERM');
    host = await BrowserHost.start(dirs);
    const after = await host.client();
    const restored = after.layout();
    expect(restored.workspaces.map((w) => [w.name, w.tabIds, w.activeTabId])).toEqual(
      before.workspaces.map((w) => [w.name, w.tabIds, w.activeTabId]),
    );
    for (const tabId of [t1, t2, t3, t4]) {
      expect(restored.tabs[tabId]).toMatchObject({
        customName: before.tabs[tabId]!.customName,
        cwd: before.tabs[tabId]!.cwd,
      });
    }
    // Only each workspace's active tab was started at once; the others wait until activated.
    expect(restored.tabs[t1]?.state).toBe('stale');

    const expected: Array<[string, string, string]> = [
      [t1, '/tmp', 'MARK-ONE'],
      [t2, '/usr', 'MARK-TWO'],
      [t3, '/etc', 'MARK-THREE'],
      [t4, '/var', 'MARK-FOUR'],
    ];
    for (const [tabId, dir, mark] of expected) {
      const sessionId = await after.open(tabId);
      const text = after.text(sessionId);
      const markAt = text.indexOf(mark);
      const restoredAt = text.indexOf('── restored');
      expect(markAt, `${mark} restored in ${tabId}`).toBeGreaterThanOrEqual(0);
      expect(restoredAt).toBeGreaterThan(markAt);
      await after.run(sessionId, 'pwd', new RegExp(`^${dir}\\r?$`, 'm'));
      expect(after.text(sessionId).lastIndexOf(dir)).toBeGreaterThan(restoredAt);
    }
  });
});

/** A data dir whose layout was written in two runs, so the second write left a last-good copy. */
async function prepare(dirs: HostDirs): Promise<{ lastGood: string[] }> {
  host = await BrowserHost.start(dirs);
  let client = await host.client();
  client.send({ type: 'workspace_create', name: 'Kept' });
  await client.waitForLayout((l) => l.workspaces.length === 2, 'Kept');
  client.close();
  await host.stop('SIGTERM');
  host = await BrowserHost.start(dirs);
  client = await host.client();
  client.send({
    type: 'workspace_rename',
    workspaceId: byName(client.layout(), 'Kept').id,
    name: 'Kept too',
  });
  await client.waitForLayout((l) => l.workspaces.some((w) => w.name === 'Kept too'), 'rename');
  client.close();
  await host.stop('SIGTERM');
  host = null;
  const lastGood = JSON.parse(readFileSync(join(dirs.dataDir, 'layout.last-good.json'), 'utf8')) as {
    data: { workspaces: Array<{ name: string }> };
  };
  return { lastGood: lastGood.data.workspaces.map((w) => w.name) };
}

describe('corrupt layout files', () => {
  const kinds: Array<[string, (text: string) => string]> = [
    ['empty', () => ''],
    ['truncated', (text) => text.slice(0, Math.floor(text.length / 2))],
    ['not JSON', () => 'this is not json at all\n'],
    ['schema-invalid', () => JSON.stringify({ version: 1, data: { workspaces: 'nope' } })],
    ['from a future version', (text) => JSON.stringify({ ...JSON.parse(text), version: 999 })],
  ];

  it.each(kinds)(
    'a %s layout file is set aside, the user is told, and the last good layout is used',
    async (_kind, corrupt) => {
      const dirs = makeDirs();
      const { lastGood } = await prepare(dirs);
      const file = join(dirs.dataDir, 'layout.json');
      const bad = corrupt(readFileSync(file, 'utf8'));
      writeFileSync(file, bad);

      host = await BrowserHost.start(dirs);
      const client = await host.client();
      const notice = await client.waitFor('app_notice');
      expect(notice.level).not.toBe('info');
      expect(notice.message).toMatch(/layout/i);
      expect(lastGood).toContain('Kept');
      expect(client.layout().workspaces.map((w) => w.name)).toEqual(lastGood);
      const quarantined = readdirSync(dirs.dataDir).filter((name) => name.startsWith('layout.corrupt-'));
      expect(quarantined).toHaveLength(1);
      expect(readFileSync(join(dirs.dataDir, quarantined[0]!), 'utf8')).toBe(bad);
      // The app works: a shell starts in the restored layout.
      const tabId = client.layout().workspaces[0]!.tabIds[0]!;
      const sessionId = await client.open(tabId);
      await client.run(sessionId, 'echo alive', /^alive\r?$/m);
    },
  );
});
