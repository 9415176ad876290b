// Kill -9 the browser host at random moments during a burst of layout changes: after each restart the
// layout file parses, the app starts without recovering anything, and the layout equals one the client
// was shown, no older than the last one the hub acknowledged as saved (`layout_saved`).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Layout } from '../../src/shared/protocol';
import { BrowserHost, makeDirs, type WsClient } from './helpers/browser-host';

let host: BrowserHost | null = null;

afterEach(async () => {
  await host?.stop('SIGKILL');
  host = null;
});

/** What survives a restart: structure, names, cwds (titles and session state are runtime). */
function persisted(layout: Layout): unknown {
  return {
    activeWorkspaceId: layout.activeWorkspaceId,
    workspaces: layout.workspaces,
    tabs: Object.fromEntries(
      Object.values(layout.tabs).map((tab) => [tab.id, { customName: tab.customName, cwd: tab.cwd }]),
    ),
  };
}

/** One random layout change the client can make now. */
function randomChange(client: WsClient, step: number): void {
  const layout = client.layout();
  const workspace = layout.workspaces[step % layout.workspaces.length]!;
  const tabs = Object.keys(layout.tabs);
  const someTab = tabs[step % tabs.length]!;
  switch (Math.floor(Math.random() * 5)) {
    case 0:
      client.send({ type: 'tab_create', workspaceId: workspace.id });
      return;
    case 1:
      client.send({ type: 'tab_rename', tabId: someTab, name: `tab ${step}` });
      return;
    case 2:
      client.send({ type: 'tab_move', tabId: someTab, workspaceId: workspace.id, index: 0 });
      return;
    case 3:
      if (layout.workspaces.length < 6) client.send({ type: 'workspace_create', name: `ws ${step}` });
      else client.send({ type: 'workspace_rename', workspaceId: workspace.id, name: `ws ${step}` });
      return;
    default:
      if (tabs.length > 3) client.send({ type: 'tab_close', tabId: someTab });
      else client.send({ type: 'tab_create', workspaceId: workspace.id });
  }
}

describe('layout under kill -9', () => {
  it('is never lost or torn, across many random kills during bursts of changes', async () => {
    const dirs = makeDirs();
    const iterations = 12;
    for (let iteration = 0; iteration < iterations; iteration++) {
      host = await BrowserHost.start(dirs);
      const client = await host.client();
      // The app started cleanly: nothing was quarantined or restored from a backup.
      expect(client.of('app_notice').filter((n) => n.code.startsWith('store_'))).toEqual([]);
      const seen = new Map<number, unknown>();
      const record = () => {
        for (const message of client.of('layout')) seen.set(message.revision, persisted(message.layout));
      };
      const burstMs = 50 + Math.random() * 600;
      const started = Date.now();
      let step = 0;
      while (Date.now() - started < burstMs) {
        randomChange(client, iteration * 1000 + step++);
        await new Promise((resolve) => setImmediate(resolve));
      }
      record();
      const acknowledged = Math.max(...client.of('layout_saved').map((m) => m.revision));
      await host.stop('SIGKILL');
      record();
      host = null;

      const path = join(dirs.dataDir, 'layout.json');
      if (!existsSync(path)) {
        // Killed before the first write: acceptable only if nothing had been acknowledged as saved.
        expect(acknowledged).toBe(0);
        continue;
      }
      const file = JSON.parse(readFileSync(path, 'utf8')) as { version: number };
      expect(file.version).toBe(1);
      host = await BrowserHost.start(dirs);
      const after = await host.client();
      expect(after.of('app_notice').filter((n) => n.code.startsWith('store_'))).toEqual([]);
      const restored = persisted(after.layout());
      const matching = [...seen.entries()].filter(
        ([, state]) => JSON.stringify(state) === JSON.stringify(restored),
      );
      expect(
        matching.length,
        `iteration ${iteration}: restored layout is one the client saw`,
      ).toBeGreaterThan(0);
      expect(Math.max(...matching.map(([revision]) => revision))).toBeGreaterThanOrEqual(acknowledged);
      after.close();
      await host.stop('SIGKILL');
      host = null;
    }
  });
});
