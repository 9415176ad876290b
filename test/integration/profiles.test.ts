// Profiles through the real browser host and real shells: a profile's arguments, variables and folder
// reach the shell, a restart respawns the tab with the same profile, a detected shell starts as found,
// and a profile removed from settings leaves a working tab with the default shell and a notice.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BrowserHost, type HostDirs, makeDirs, type WsClient } from './helpers/browser-host';

let host: BrowserHost | null = null;

afterEach(async () => {
  await host?.stop();
  host = null;
});

const profile = {
  name: 'Integration',
  command: '/bin/bash',
  // -C (noclobber) shows in $-: the arguments reached the shell.
  args: ['-C', '-i'],
  cwd: '/tmp',
  env: { PROFILE_VAR: 'from-profile' },
};

function writeSettings(dirs: HostDirs, settings: object): void {
  mkdirSync(dirs.dataDir, { recursive: true });
  writeFileSync(join(dirs.dataDir, 'settings.json'), JSON.stringify(settings));
}

async function newTab(client: WsClient, profileName: string): Promise<string> {
  const before = new Set(Object.keys(client.layout().tabs));
  client.send({ type: 'tab_create', workspaceId: client.layout().workspaces[0]!.id, profile: profileName });
  const layout = await client.waitForLayout(
    (l) => Object.keys(l.tabs).some((id) => !before.has(id)),
    `a tab of ${profileName}`,
  );
  return Object.keys(layout.tabs).find((id) => !before.has(id))!;
}

/** `tag` tells this check's output apart from what an earlier one printed (restored history shows it too). */
async function expectProfileShell(client: WsClient, sessionId: string, tag: string): Promise<void> {
  await client.run(
    sessionId,
    `echo "${tag}-var=$PROFILE_VAR"`,
    new RegExp(`^${tag}-var=from-profile\\r?$`, 'm'),
  );
  await client.run(
    sessionId,
    `[[ $- == *C* ]] && echo ${tag}-args-reached`,
    new RegExp(`^${tag}-args-reached\\r?$`, 'm'),
  );
}

describe('profiles with real shells', () => {
  it('starts a profile’s command with its args, env and cwd, and a restart keeps the profile', async () => {
    const dirs = makeDirs();
    writeSettings(dirs, { profiles: [profile] });
    host = await BrowserHost.start(dirs);
    const client = await host.client();
    const offered = await client.waitFor('profiles');
    expect(offered.profiles[0]).toMatchObject({ name: 'Integration', kind: 'shell', source: 'user' });

    const tabId = await newTab(client, 'integration');
    expect(client.layout().tabs[tabId]).toMatchObject({ profile: 'Integration', cwd: '/tmp' });
    const sessionId = await client.open(tabId);
    await expectProfileShell(client, sessionId, 'first');
    await client.run(sessionId, 'echo "in=$(pwd)"', /^in=\/tmp\r?$/m);
    client.close();

    await host.stop('SIGTERM');
    host = await BrowserHost.start(dirs);
    const after = await host.client();
    // The new tab was its workspace's active one, so the hub may have respawned it already.
    expect(after.layout().tabs[tabId]).toMatchObject({ profile: 'Integration' });
    const respawned = await after.open(tabId);
    expect(respawned).not.toBe(sessionId);
    await expectProfileShell(after, respawned, 'restarted');
  });

  it('starts a detected shell of this machine by its name', async () => {
    const dirs = makeDirs();
    host = await BrowserHost.start(dirs);
    const client = await host.client();
    const offered = await client.waitFor('profiles');
    const bash = offered.profiles.find((p) => p.name === 'bash');
    expect(bash, 'bash from /etc/shells').toMatchObject({ source: 'detected' });
    const tabId = await newTab(client, 'bash');
    client.send({ type: 'terminal_spawn', tabId, cols: 80, rows: 24 });
    const ready = await client.waitFor('terminal_ready', (m) => m.tabId === tabId);
    expect(ready.shell).toMatch(/\/bash$/);
  });

  it('respawns a tab whose profile was removed with the default shell, and says so', async () => {
    const dirs = makeDirs();
    writeSettings(dirs, { profiles: [profile] });
    host = await BrowserHost.start(dirs);
    const client = await host.client();
    const tabId = await newTab(client, 'Integration');
    const sessionId = await client.open(tabId);
    await expectProfileShell(client, sessionId, 'before');

    writeSettings(dirs, {});
    await client.waitFor('profiles', (m) => !m.profiles.some((p) => p.name === 'Integration'));
    client.send({ type: 'terminal_kill', tabId, sessionId });
    await client.waitFor('terminal_closed', (m) => m.sessionId === sessionId);
    const fallback = await client.open(tabId);
    const notice = await client.waitFor('app_notice', (m) => m.code === 'profile_missing');
    expect(notice.message).toContain('"Integration"');
    await client.run(fallback, 'echo "var=[$PROFILE_VAR]"', /^var=\[\]\r?$/m);
    expect(client.layout().tabs[tabId]).toMatchObject({ state: 'live', profile: 'Integration' });
  });
});
